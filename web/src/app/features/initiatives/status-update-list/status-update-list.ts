import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, validate } from '@angular/forms/signals';
import { LIMITS, type Problem, type StatusUpdate } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

const STEP = 5;

/** The initiative's earlier status updates, newest period first, with where their public text is. */
@Component({
  selector: 'fd-status-update-list',
  imports: [TranslatePipe, LocalDatePipe, HealthBadge, FormField, FieldAria, FieldErrors],
  templateUrl: './status-update-list.html',
  styleUrl: './status-update-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusUpdateList {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  protected readonly stateKey = labelKeys.publicTextState;
  protected readonly pageSize = signal(STEP);

  private readonly updates = rxResource({
    params: () => {
      const id = this.pageState.initiative()?.id;
      return id ? { id, pageSize: this.pageSize(), revision: this.pageState.revision() } : undefined;
    },
    stream: ({ params }) => this.api.statusUpdates(params.id, params.pageSize),
  });
  protected readonly items = computed(() => (this.updates.hasValue() ? this.updates.value().items : []));
  protected readonly hasMore = computed(
    () => this.updates.hasValue() && this.updates.value().total > this.items().length && this.pageSize() < LIMITS.pageSize.max,
  );
  protected readonly loading = this.updates.isLoading;
  protected readonly problem = computed(() => {
    const error = this.updates.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  /**
   * While a rewritten public text waits for management (or was returned), the public still reads
   * the text approved before.
   */
  protected stillShowsApproved(update: StatusUpdate): boolean {
    return (
      (update.publicTextState === 'pending' || update.publicTextState === 'returned') &&
      update.approvedPublicText.trim() !== '' &&
      update.approvedPublicText !== update.publicText
    );
  }

  /** Only the lead department (or an admin) may change a status update, and so revise its public text. */
  protected readonly canRevise = this.pageState.canEdit;
  /** The status update whose returned public text the lead is revising, as last read. */
  protected readonly revising = signal<StatusUpdate | null>(null);
  protected readonly saving = signal(false);
  protected readonly reviseFailure = signal<Problem | null>(null);
  private readonly reviseModel = signal({ publicText: '' });
  protected readonly reviseForm = form(this.reviseModel, (path) => {
    // Blank is not a revision: the text must say something for management to approve.
    validate(path.publicText, ({ value }) => (value().trim() === '' ? { kind: 'required', message: this.i18n.t('deadEndsB.reviseRequired') } : undefined));
    maxChars(path.publicText, LIMITS.longText.max, () => this.i18n.t('deadEndsB.reviseMax', { max: LIMITS.longText.max }));
  });
  /** Where focus goes once the list shows the status update again: its heading, or its revise button. */
  private readonly focusAfterLoad = signal<string | null>(null);

  constructor() {
    effect(() => {
      const selector = this.focusAfterLoad();
      if (!selector || this.loading() || this.items().length === 0) return;
      this.focusAfterLoad.set(null);
      afterNextRender(() => document.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
    });
  }

  protected revise(update: StatusUpdate): void {
    this.reviseFailure.set(null);
    this.reviseModel.set({ publicText: update.publicText });
    this.reviseForm().reset();
    this.revising.set(update);
    afterNextRender(() => document.querySelector<HTMLElement>(`#su-revise-${update.id}`)?.focus(), { injector: this.injector });
  }

  protected cancelRevise(): void {
    const update = this.revising();
    this.revising.set(null);
    this.reviseFailure.set(null);
    if (update) afterNextRender(() => document.querySelector<HTMLElement>(`#su-revise-button-${update.id}`)?.focus(), { injector: this.injector });
  }

  protected onReviseKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelRevise();
    }
  }

  /** Sends the revised text; it waits for management again (or is public at once, for those who publish directly). */
  protected async resend(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.reviseFailure.set(null);
    const f = this.reviseForm;
    await submit(f, {
      action: async () => {
        const base = this.revising();
        if (!base) return undefined;
        this.saving.set(true);
        try {
          const outcome = await this.pageState.saveStatusUpdate(base, { publicText: this.reviseModel().publicText.trim() });
          if (outcome.kind === 'kept') {
            // The user has seen what changed; their next save builds on it.
            this.revising.set(outcome.value);
            return undefined;
          }
          this.revising.set(null);
          if (outcome.kind === 'saved') {
            this.pageState.announce(this.i18n.t(outcome.value.publicTextState === 'approved' ? 'deadEndsB.resentDirectly' : 'deadEndsB.resent'));
          }
          this.focusAfterLoad.set(`#su-${base.id}`);
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { publicText: f.publicText }, (key, params) => this.i18n.t(key, params));
          this.reviseFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([f.publicText]));
          return fieldErrors;
        } finally {
          this.saving.set(false);
        }
      },
      onInvalid: () => focusFirstInvalid([f.publicText]),
    });
  }

  protected showMore(): void {
    this.pageSize.update((size) => Math.min(LIMITS.pageSize.max, size + STEP * 2));
  }
}
