import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, linkedSignal, signal, untracked, viewChild } from '@angular/core';
import {
  INITIATIVE_STATUSES,
  LIMITS,
  type Initiative,
  type InitiativeStatus,
  type OpenMilestoneChoice,
  type Problem,
  type UpdateInitiative,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { fieldErrorText } from '../../../core/http/error-text';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { InitiativePageState } from '../initiative-page/initiative-page-state';

/** What the user is choosing in the dialog. */
interface StatusDraft {
  base: Initiative;
  status: InitiativeStatus;
  reason: string;
  openMilestones: OpenMilestoneChoice | null;
  returnFocus: HTMLElement | null;
}

/**
 * The initiative's status and where it can go: "Skift status" opens a modal dialog in which the
 * user picks the new status. Cancelling asks for the reason (shown on the page afterwards), and
 * completing while milestones are open asks whether to mark them completed today or leave them
 * open; the API holds the same rule (decideLifecycle) and says so by code if the page was behind.
 */
@Component({
  selector: 'fd-initiative-lifecycle',
  imports: [TranslatePipe, CharCounter],
  templateUrl: './initiative-lifecycle.html',
  styleUrl: './initiative-lifecycle.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeLifecycle {
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);

  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly statusKey = labelKeys.status;
  protected readonly limits = LIMITS.cancellationReason;

  protected readonly initiative = this.pageState.initiative;
  protected readonly canEdit = this.pageState.canEdit;

  /** The dialog's choices, fresh each time it opens; a change read meanwhile (a conflict) leaves them as the user made them. */
  protected readonly draft = linkedSignal<StatusDraft | null>(() => {
    const request = this.pageState.statusChange();
    const initiative = untracked(() => this.pageState.initiative());
    if (!request || !initiative) return null;
    return { base: initiative, status: initiative.status, reason: initiative.cancellationReason, openMilestones: null, returnFocus: request.returnFocus };
  });
  /** How many milestones are open, as the page knows it or as the API last said. */
  private readonly reportedOpen = signal<number | null>(null);
  protected readonly openCount = computed(() => {
    const initiative = this.pageState.initiative();
    return this.reportedOpen() ?? (initiative ? initiative.milestoneCount - initiative.completedMilestoneCount : 0);
  });

  protected readonly needsReason = computed(() => this.draft()?.status === 'cancelled');
  protected readonly asksMilestones = computed(() => {
    const draft = this.draft();
    return draft !== null && draft.status === 'completed' && draft.base.status !== 'completed' && this.openCount() > 0;
  });

  /** The user has tried to save: errors show from then on. */
  protected readonly attempted = signal(false);
  /** An error the API gave for the reason. */
  private readonly serverReasonError = signal<string | null>(null);
  protected readonly statusError = computed(() => {
    const draft = this.draft();
    return draft && draft.status === draft.base.status && !(draft.status === 'cancelled' && draft.reason.trim() !== draft.base.cancellationReason)
      ? this.i18n.t('lifecycle.sameStatus')
      : null;
  });
  protected readonly reasonError = computed(() => {
    if (!this.needsReason()) return null;
    const reason = this.draft()?.reason.trim() ?? '';
    if (reason === '') return this.i18n.t('lifecycle.reasonRequired');
    if (reason.length < this.limits.min) return this.i18n.t('lifecycle.reasonMin', { min: this.limits.min });
    if (reason.length > this.limits.max) return this.i18n.t('lifecycle.reasonMax', { max: this.limits.max });
    return this.serverReasonError();
  });
  protected readonly choiceError = computed(() => (this.asksMilestones() && !this.draft()?.openMilestones ? this.i18n.t('lifecycle.choiceRequired') : null));

  protected readonly saving = signal(false);
  protected readonly failure = signal<Problem | null>(null);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly changeButton = viewChild<ElementRef<HTMLButtonElement>>('changeButton');

  constructor() {
    // Opening and closing a modal dialog is a DOM call, so it follows the state after rendering.
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      const open = this.draft() !== null;
      if (open && !dialog.open) {
        dialog.showModal?.();
        dialog.querySelector<HTMLInputElement>('input[name="lifecycle-status"]:checked')?.focus();
      }
      if (!open && dialog.open) dialog.close();
    });
  }

  protected open(): void {
    this.reset();
    this.pageState.requestStatusChange(this.changeButton()?.nativeElement ?? null);
  }

  protected choose(status: InitiativeStatus): void {
    // Another status asks other questions: their errors wait for the next attempt to save.
    this.attempted.set(false);
    this.serverReasonError.set(null);
    this.draft.update((draft) => draft && { ...draft, status });
  }

  protected setReason(reason: string): void {
    this.serverReasonError.set(null);
    this.draft.update((draft) => draft && { ...draft, reason });
  }

  protected chooseMilestones(openMilestones: OpenMilestoneChoice): void {
    this.draft.update((draft) => draft && { ...draft, openMilestones });
  }

  protected close(event?: Event): void {
    event?.preventDefault();
    if (this.saving()) return;
    this.finish(this.draft()?.returnFocus ?? null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || this.saving()) return;
    this.attempted.set(true);
    this.failure.set(null);
    if (this.statusError() || this.reasonError() || this.choiceError()) {
      this.focusFirstError();
      return;
    }
    const changes: UpdateInitiative = {
      status: draft.status,
      ...(draft.status === 'cancelled' ? { cancellationReason: draft.reason.trim() } : {}),
      ...(this.asksMilestones() && draft.openMilestones ? { openMilestones: draft.openMilestones } : {}),
    };
    this.saving.set(true);
    try {
      const outcome = await this.pageState.saveInitiative(changes, draft.base);
      if (outcome.kind === 'kept') {
        // The user has seen what changed meanwhile; the next save builds on it.
        this.draft.update((current) => current && { ...current, base: outcome.value });
        return;
      }
      const completedMilestones = outcome.kind === 'saved' && changes.openMilestones === 'complete';
      if (completedMilestones) this.pageState.milestonesRevision.update((n) => n + 1);
      if (outcome.kind === 'saved') {
        const status = this.i18n.t(labelKeys.status(outcome.value.status));
        this.pageState.announce(this.i18n.t(completedMilestones ? 'lifecycle.savedWithMilestones' : 'lifecycle.saved', { status }));
      }
      this.saving.set(false);
      this.finish(draft.returnFocus);
    } catch (error) {
      this.failed(error);
    } finally {
      this.saving.set(false);
    }
  }

  private failed(error: unknown): void {
    const problem = toProblem(error, (key, params) => this.i18n.t(key, params));
    if (problem.code === 'openMilestones') {
      // The page was behind: milestones were added or reopened meanwhile. Ask now, with the API's count.
      this.reportedOpen.set(Number(problem.params?.['count'] ?? 0));
      this.draft.update((draft) => draft && { ...draft, openMilestones: null });
      this.focusFirstError();
      return;
    }
    const reasonErrors = problem.errors?.['cancellationReason'];
    if (reasonErrors?.length) {
      this.serverReasonError.set(reasonErrors.map((e) => fieldErrorText(e, (key, params) => this.i18n.t(key, params))).join(' '));
      this.focusFirstError();
      return;
    }
    this.failure.set(problem);
    queueMicrotask(() => this.dialog().nativeElement.querySelector<HTMLElement>('[role="alert"]')?.focus());
  }

  private finish(returnFocus: HTMLElement | null): void {
    this.pageState.statusChange.set(null);
    this.reset();
    (returnFocus ?? this.changeButton()?.nativeElement)?.focus();
  }

  private reset(): void {
    this.attempted.set(false);
    this.failure.set(null);
    this.serverReasonError.set(null);
    this.reportedOpen.set(null);
  }

  /** After rendering, so that a question that has just appeared can take focus. */
  private focusFirstError(): void {
    setTimeout(() => this.dialog().nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}
