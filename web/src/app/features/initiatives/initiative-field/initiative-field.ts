import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, FormField, submit, validate } from '@angular/forms/signals';
import type { Initiative, Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { fieldErrorText } from '../../../core/http/error-text';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { INITIATIVE_FIELDS, type EditableInitiativeField } from './initiative-fields';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';

/**
 * One of an initiative's fields, shown as text and, for those who may edit the initiative,
 * editable in place: "Redigér" opens the control, Enter or "Gem" saves, Escape or "Annullér"
 * closes it, and focus returns to where it was.
 */
@Component({
  selector: 'fd-initiative-field',
  imports: [TranslatePipe, LocalDatePipe, FormField, FieldAria, FieldErrors, CharCounter],
  templateUrl: './initiative-field.html',
  styleUrl: './initiative-field.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeField {
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  readonly field = input.required<EditableInitiativeField>();

  protected readonly config = computed(() => INITIATIVE_FIELDS[this.field()]);
  protected readonly controlId = computed(() => `initiative-${this.field()}`);
  protected readonly canEdit = this.pageState.canEdit;
  protected readonly display = computed(() => {
    const initiative = this.pageState.initiative();
    return initiative ? this.config().display(initiative, this.i18n) : '';
  });
  protected readonly options = computed(() => this.config().options?.(this.i18n) ?? []);
  /**
   * A change to this field that waits for management, or that management returned: its value as
   * the page shows it, with who proposed it and management's comment.
   */
  protected readonly proposal = computed(() => {
    const initiative = this.pageState.initiative();
    const proposal = initiative?.publicProposal;
    const value = initiative && proposal ? this.config().proposed?.(initiative, this.i18n) : null;
    if (!initiative || !proposal || value === null || value === undefined) return null;
    // What applies meanwhile: the approved value, which the public sees if the initiative is public.
    const meanwhile = `initiative.${proposal.state === 'returned' ? 'returned' : 'pending'}${initiative.published ? 'PublicSees' : 'NotPublic'}`;
    return { ...proposal, value, meanwhile };
  });
  /** Ids that describe the control: the hint, and the waiting change being edited. */
  protected readonly describedBy = computed(() =>
    [this.config().hint ? `${this.controlId()}-hint` : '', this.proposal() ? `${this.controlId()}-proposal` : ''].filter(Boolean).join(' '),
  );

  protected readonly editing = signal(false);
  /** The initiative as it was when the user started editing: what a conflict is measured against. */
  private readonly base = signal<Initiative | null>(null);
  protected readonly draft = signal('');
  protected readonly fieldForm = form(this.draft, (path) => {
    validate(path, ({ value }) => {
      const initiative = this.pageState.initiative();
      const message = initiative ? this.config().validate(value(), initiative, this.i18n) : null;
      return message ? { kind: 'invalid', message } : undefined;
    });
  });
  protected readonly failure = signal<Problem | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    inject(UnsavedChanges).track(() => this.isDirty());
  }

  isDirty(): boolean {
    const base = this.base();
    return this.editing() && base !== null && this.draft() !== this.config().toDraft(base);
  }

  protected open(event?: Event): void {
    const initiative = this.pageState.initiative();
    if (!initiative) return;
    if (this.field() === 'status') {
      // Cancelling and completing ask for more than a value: the status dialog handles every change of status.
      this.pageState.requestStatusChange((event?.currentTarget as HTMLElement | undefined) ?? null);
      return;
    }
    this.base.set(initiative);
    this.draft.set(this.config().toDraft(initiative));
    this.fieldForm().reset();
    this.failure.set(null);
    this.editing.set(true);
    this.focus(`#${this.controlId()}`);
  }

  protected cancel(): void {
    this.editing.set(false);
    this.failure.set(null);
    this.focus('.ifield__edit');
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    }
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.failure.set(null);
    await submit(this.fieldForm, {
      action: async () => {
        const base = this.base();
        if (!base) return undefined;
        this.saving.set(true);
        try {
          const outcome = await this.pageState.saveInitiative(this.config().toChange(this.draft()), base);
          if (outcome.kind === 'kept') {
            // The user has seen what changed; their next save builds on it.
            this.base.set(outcome.value);
            return undefined;
          }
          this.editing.set(false);
          if (outcome.kind === 'saved') this.pageState.announce(this.savedMessage(outcome.value));
          this.focus('.ifield__edit');
          return undefined;
        } catch (error) {
          const problem = toProblem(error, (key, params) => this.i18n.t(key, params));
          const errors = problem.errors?.[this.field()];
          if (errors?.length) {
            return errors.map((error) => ({
              kind: 'server',
              message: fieldErrorText(error, (key, params) => this.i18n.t(key, params)),
              fieldTree: this.fieldForm,
            }));
          }
          this.failure.set(problem);
          return undefined;
        } finally {
          this.saving.set(false);
        }
      },
      onInvalid: () => this.focus(`#${this.controlId()}`),
    });
  }

  /** Saved; a change to the public face may wait for management before the public sees it. */
  private savedMessage(saved: Initiative): string {
    const field = this.i18n.t(this.config().label);
    const waits = saved.publicProposal?.state === 'pending' && (this.config().proposed?.(saved, this.i18n) ?? null) !== null;
    return this.i18n.t(waits ? 'initiative.savedPending' : 'initiative.savedField', { field });
  }
}
