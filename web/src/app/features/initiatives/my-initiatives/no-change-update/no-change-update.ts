import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NO_CHANGE_NOTE_MAX, NO_CHANGE_QUERY, type InitiativeSummary, type Problem, type StatusUpdate } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../../../../core/http/problem';
import { I18n } from '../../../../core/i18n/i18n';
import { CharCounter } from '../../../../shared/forms/char-counter/char-counter';
import { periodName } from '../../reporting-text';
import { NoChangeApi } from './no-change-api';

/** Where a refused "no changes" leaves the user: the full form, filled in from the latest update where there is one. */
type NextStep = 'prefilledForm' | 'emptyForm' | null;

function nextStepAfter(problem: Problem): NextStep {
  const codes = Object.values(problem.errors ?? {}).flatMap((errors) => errors.map((error) => error.code));
  if (codes.includes('healthDropCause') || codes.includes('healthDropReason')) return 'prefilledForm';
  if (problem.code === 'nothingToCarryOver') return 'emptyForm';
  return null;
}

/**
 * "Ingen ændringer siden sidst" on one initiative in Mine initiativer: one click records this
 * period's update as a copy of the latest, with an optional short note behind a toggle. Health that
 * has changed since sends the user to the full form, which asks for the cause.
 */
@Component({
  selector: 'fd-no-change-update',
  imports: [RouterLink, TranslatePipe, CharCounter],
  templateUrl: './no-change-update.html',
  styleUrl: './no-change-update.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoChangeUpdate {
  private readonly api = inject(NoChangeApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  readonly initiative = input.required<InitiativeSummary>();
  /** The update just recorded, so that the list shows the period as reported. */
  readonly recorded = output<StatusUpdate>();

  protected readonly max = NO_CHANGE_NOTE_MAX;
  protected readonly query = NO_CHANGE_QUERY;
  protected readonly noteOpen = signal(false);
  protected readonly note = signal('');
  protected readonly noteTooLong = computed(() => this.note().trim().length > NO_CHANGE_NOTE_MAX);
  protected readonly sending = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly nextStep = computed(() => {
    const problem = this.problem();
    return problem ? nextStepAfter(problem) : null;
  });
  protected readonly confirmation = signal('');
  protected readonly period = computed(() => periodName(this.initiative().reporting, this.i18n));
  protected readonly ids = computed(() => {
    const id = this.initiative().id;
    return { note: `no-change-note-${id}`, hint: `no-change-hint-${id}`, explain: `no-change-explain-${id}`, error: `no-change-error-${id}` };
  });

  private readonly confirmationText = viewChild<ElementRef<HTMLElement>>('confirmationText');
  private readonly noteField = viewChild<ElementRef<HTMLTextAreaElement>>('noteField');

  protected toggleNote(): void {
    const open = !this.noteOpen();
    this.noteOpen.set(open);
    if (open) afterNextRender(() => this.noteField()?.nativeElement.focus(), { injector: this.injector });
  }

  protected async record(): Promise<void> {
    if (this.sending()) return;
    this.problem.set(null);
    if (this.noteOpen() && this.noteTooLong()) {
      this.noteField()?.nativeElement.focus();
      return;
    }
    const note = this.noteOpen() ? this.note().trim() : '';
    this.sending.set(true);
    try {
      const update = await firstValueFrom(this.api.record(this.initiative().id, note ? { note } : {}));
      this.confirmation.set(this.i18n.t('noChange.recorded', { period: this.period() }));
      this.recorded.emit(update);
      // The button is gone: focus moves to the confirmation in its place.
      afterNextRender(() => this.confirmationText()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.problem.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.sending.set(false);
    }
  }
}
