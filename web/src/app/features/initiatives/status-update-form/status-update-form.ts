import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { form, FormField, required, submit, validate } from '@angular/forms/signals';
import { HEALTHS, LIMITS, NO_CHANGE_QUERY, type CreateStatusUpdate, type Health, type Initiative, type Problem, type StatusUpdate } from '@fremdrift/contracts';
import { isHealthDrop } from '@fremdrift/progress';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom, map } from 'rxjs';
import { DelayCausesApi } from '../../../core/api/delay-causes-api';
import { Auth } from '../../../core/auth/auth';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { HealthSuggestion } from '../health-suggestion/health-suggestion';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { browserStorage, StatusDraftStore, type StatusUpdateModel } from './status-draft';

const LONG_TEXTS = ['narrative', 'blockers', 'nextSteps', 'internalText', 'publicText'] as const;

function defaultsFor(initiative: Initiative | null): StatusUpdateModel {
  return {
    periodStart: initiative?.reporting.periodStart ?? '',
    periodEnd: initiative?.reporting.periodEnd ?? '',
    health: initiative?.health ?? 'on_track',
    narrative: '',
    blockers: '',
    nextSteps: '',
    internalText: '',
    publicText: '',
    delayCauseId: '',
    delayReason: '',
  };
}

/** The form filled in from the latest update, for "no changes since last time" from a reminder: the same state, this period. */
export function prefilledFrom(defaults: StatusUpdateModel, latest: StatusUpdate): StatusUpdateModel {
  return { ...defaults, health: latest.health, narrative: latest.narrative, blockers: latest.blockers, nextSteps: latest.nextSteps };
}

const sameModel = (a: StatusUpdateModel, b: StatusUpdateModel) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A new status update for the period. Forms that respect the user's time: what is typed is kept
 * as a draft in this browser until it is sent, and a drop in health asks for its cause and an
 * explanation right away rather than after sending.
 */
@Component({
  selector: 'fd-status-update-form',
  imports: [TranslatePipe, FormField, FieldAria, FieldErrors, HealthBadge, HealthSuggestion, CharCounter],
  templateUrl: './status-update-form.html',
  styleUrl: './status-update-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusUpdateForm {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly drafts = new StatusDraftStore(browserStorage(), inject(Auth).user()?.id ?? 'anonymous');
  private readonly focus = injectFocusAfterRender();

  protected readonly healths = HEALTHS;
  protected readonly healthKey = labelKeys.health;
  protected readonly limits = LIMITS;

  private readonly initiativeId = computed(() => this.pageState.initiative()?.id ?? null);
  protected readonly currentHealth = computed(() => this.pageState.initiative()?.health ?? 'on_track');
  protected readonly initiative = this.pageState.initiative;

  private readonly causesApi = inject(DelayCausesApi);
  private readonly causes = rxResource({ stream: () => this.causesApi.list() });
  protected readonly causesFailed = computed(() => this.causes.error() !== undefined);
  protected readonly causeOptions = computed(() => {
    const causes = this.causes.hasValue() ? this.causes.value() : [];
    const english = this.i18n.language() === 'en';
    return causes
      .filter((cause) => cause.active)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((cause) => ({ id: cause.id, label: english ? cause.labelEn : cause.labelDa }));
  });

  /** The empty form for this initiative, which a saved draft then fills in. */
  private readonly defaults = linkedSignal(() => {
    this.initiativeId();
    return defaultsFor(untracked(() => this.pageState.initiative()));
  });
  private readonly restored = linkedSignal(() => {
    const id = this.initiativeId();
    return id ? this.drafts.load(id) : null;
  });
  protected readonly draftRestored = linkedSignal(() => this.restored() !== null);
  /**
   * Arriving by the reminder's "no changes" link (`?opdatering=ingen-aendringer`): the form is filled
   * in from the latest update, unless a draft of the user's own is already here. Nothing is sent.
   */
  private readonly prefillRequested = inject(ActivatedRoute, { optional: true })?.snapshot.queryParamMap.get('opdatering') === NO_CHANGE_QUERY.opdatering;
  private readonly latest = rxResource({
    params: () => {
      const id = this.initiativeId();
      return this.prefillRequested && id && !untracked(() => this.restored()) ? id : undefined;
    },
    stream: ({ params }) => this.api.statusUpdates(params, 1).pipe(map((page) => page.items[0] ?? null)),
  });
  private readonly prefillDismissed = signal(false);
  /** What the notice above the form says about the prefill, as a translation key; empty when there is none. */
  protected readonly prefillNotice = computed(() => {
    if (this.prefillDismissed() || this.latest.status() === 'idle' || this.latest.isLoading()) return '';
    if (this.latest.error()) return 'noChange.prefillFailed';
    return this.latest.value() ? 'noChange.prefilled' : 'noChange.prefillNone';
  });
  private readonly prefillRegion = viewChild<ElementRef<HTMLElement>>('prefillRegion');

  private readonly model = linkedSignal<StatusUpdateModel>(() => {
    const restored = this.restored();
    const latest = this.latest.hasValue() ? this.latest.value() : null;
    if (restored) return { ...untracked(() => this.defaults()), ...restored.value };
    return latest
      ? prefilledFrom(
          untracked(() => this.defaults()),
          latest,
        )
      : this.defaults();
  });

  /** The chosen health is worse than the initiative's: the cause and an explanation are required. */
  protected readonly drops = computed(() => isHealthDrop(this.currentHealth(), this.model().health));

  protected readonly statusForm = form(this.model, (path) => {
    const t = (key: string, params?: Record<string, unknown>) => () => this.i18n.t(key, params);
    required(path.periodStart, { message: t('validation.date') });
    required(path.periodEnd, { message: t('validation.date') });
    validate(path.periodEnd, ({ value, valueOf }) =>
      value() && valueOf(path.periodStart) && value() < valueOf(path.periodStart)
        ? { kind: 'order', message: this.i18n.t('validation.periodOrder') }
        : undefined,
    );
    required(path.health, { message: t('validation.healthRequired') });
    required(path.narrative, { message: t('validation.narrativeRequired') });
    for (const field of LONG_TEXTS) {
      maxChars(path[field], LIMITS.longText.max, () =>
        this.i18n.t('validation.maxLength', { field: this.i18n.t(`statusUpdate.${field}`), max: LIMITS.longText.max }),
      );
    }
    validate(path.delayCauseId, ({ value }) =>
      this.drops() && !value() ? { kind: 'required', message: this.i18n.t('validation.delayCauseRequired') } : undefined,
    );
    validate(path.delayReason, ({ value }) => {
      if (!this.drops()) return undefined;
      const reason = value().trim();
      if (reason === '') return { kind: 'required', message: this.i18n.t('validation.delayReasonRequired') };
      if (reason.length < LIMITS.delayReason.min)
        return { kind: 'minLength', message: this.i18n.t('validation.delayReasonMin', { min: LIMITS.delayReason.min }) };
      if (reason.length > LIMITS.delayReason.max) {
        return {
          kind: 'maxLength',
          message: this.i18n.t('validation.maxLength', { field: this.i18n.t('statusUpdate.delayReason'), max: LIMITS.delayReason.max }),
        };
      }
      return undefined;
    });
  });

  protected readonly failure = signal<Problem | null>(null);
  protected readonly sending = signal(false);
  /** The confirmation of the update just sent, shown by the send button where the user is, not at the top of the page. */
  protected readonly sent = signal('');
  private readonly sentRegion = viewChild.required<ElementRef<HTMLElement>>('sentRegion');
  private readonly injector = inject(Injector);

  constructor() {
    // The draft lives in the browser's storage, outside Angular: keep it in step with the form.
    effect(() => {
      const id = this.initiativeId();
      const value = this.model();
      if (!id) return;
      if (sameModel(value, this.defaults())) this.drafts.clear(id);
      else this.drafts.save(id, value);
    });
    // The reminder's link points at this form: once it is filled in, bring the user to it and say so.
    effect(() => {
      if (!this.prefillNotice()) return;
      afterNextRender(
        () => {
          const region = this.prefillRegion()?.nativeElement;
          region?.scrollIntoView?.({ block: 'start' });
          region?.focus();
        },
        { injector: this.injector },
      );
    });
    // "Use the suggestion" at the top of the page: choose it here and bring the user to it.
    effect(() => {
      const adopted = this.pageState.adoptedHealth();
      if (adopted) untracked(() => this.chooseHealth(adopted.health));
    });
  }

  /** Pre-selects a suggested health; a drop still asks for its cause and reason below. */
  protected chooseHealth(health: Health): void {
    this.model.update((value) => ({ ...value, health }));
    this.focus(`input[type="radio"][value="${health}"]`);
  }

  /** Shows the confirmation in the live region by the button and keeps it in view; focus stays on the button for the next step. */
  private confirmSent(message: string): void {
    this.sent.set(message);
    afterNextRender(() => this.sentRegion().nativeElement.scrollIntoView?.({ block: 'nearest' }), { injector: this.injector });
  }

  protected discardDraft(): void {
    this.prefillDismissed.set(true);
    const id = this.initiativeId();
    if (id) this.drafts.clear(id);
    this.model.set(this.defaults());
    this.statusForm().reset();
    this.draftRestored.set(false);
  }

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.failure.set(null);
    this.sent.set('');
    const f = this.statusForm;
    const fields = [f.periodStart, f.periodEnd, f.health, f.delayCauseId, f.delayReason, f.narrative, f.blockers, f.nextSteps, f.internalText, f.publicText];
    await submit(f, {
      action: async () => {
        const id = this.initiativeId();
        if (!id) return undefined;
        const value = this.model();
        const body: CreateStatusUpdate = {
          periodStart: value.periodStart,
          periodEnd: value.periodEnd,
          health: value.health,
          narrative: value.narrative.trim(),
          blockers: value.blockers.trim(),
          nextSteps: value.nextSteps.trim(),
          internalText: value.internalText.trim(),
          publicText: value.publicText.trim(),
          ...(this.drops() ? { delayCauseId: value.delayCauseId, delayReason: value.delayReason.trim() } : {}),
        };
        this.sending.set(true);
        try {
          const created = await firstValueFrom(this.api.createStatusUpdate(id, body));
          this.drafts.clear(id);
          this.draftRestored.set(false);
          this.prefillDismissed.set(true);
          // The initiative's health and reporting state follow from the update; the sent update
          // stands even if they cannot be read again right now.
          await this.pageState.refresh().catch(() => this.pageState.changed());
          this.defaults.set(defaultsFor(this.pageState.initiative()));
          this.model.set(this.defaults());
          f().reset();
          this.confirmSent(this.i18n.t(created.publicTextState === 'pending' ? 'statusUpdate.sentPending' : 'statusUpdate.sent'));
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(
            error,
            {
              periodStart: f.periodStart,
              periodEnd: f.periodEnd,
              health: f.health,
              narrative: f.narrative,
              blockers: f.blockers,
              nextSteps: f.nextSteps,
              internalText: f.internalText,
              publicText: f.publicText,
              delayCauseId: f.delayCauseId,
              delayReason: f.delayReason,
            },
            (key, params) => this.i18n.t(key, params),
          );
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        } finally {
          this.sending.set(false);
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }
}
