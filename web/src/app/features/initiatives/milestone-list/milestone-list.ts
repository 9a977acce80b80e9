import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Milestone, Problem, UpdateMilestone } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { fieldErrorText } from '../../../core/http/error-text';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { todayInMunicipality } from '../../../core/time/today';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { MilestoneForm } from '../milestone-form/milestone-form';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';

interface ItemFailure {
  id: string;
  problem: Problem;
}

/**
 * The initiative's milestones as a checklist. Those who report on the initiative tick a milestone
 * off (today's date, which they can correct); those who edit it also add, edit, reorder (buttons,
 * so that it works from the keyboard) and delete them.
 */
@Component({
  selector: 'fd-milestone-list',
  imports: [TranslatePipe, LocalDatePipe, MilestoneForm],
  templateUrl: './milestone-list.html',
  styleUrl: './milestone-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneList {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  protected readonly canEdit = this.pageState.canEdit;
  protected readonly canReport = this.pageState.canReport;
  protected readonly today = todayInMunicipality();

  private readonly loaded = rxResource({
    params: () => {
      const id = this.pageState.initiative()?.id;
      return id ? { id, revision: this.pageState.milestonesRevision() } : undefined;
    },
    stream: ({ params }) => this.api.milestones(params.id),
  });
  protected readonly loadProblem = computed(() => {
    const error = this.loaded.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  /** In their order; changed here as they are saved rather than fetched again. */
  protected readonly milestones = linkedSignal(() =>
    this.loaded.hasValue() ? [...this.loaded.value().items].sort((a, b) => a.position - b.position || a.title.localeCompare(b.title)) : [],
  );
  protected readonly loading = this.loaded.isLoading;

  protected readonly busyId = signal<string | null>(null);
  protected readonly failure = signal<ItemFailure | null>(null);
  protected readonly editingId = signal<string | null>(null);
  protected readonly adding = signal(false);
  protected readonly confirmingDeleteId = signal<string | null>(null);
  protected readonly editingDateId = signal<string | null>(null);
  protected readonly dateDraft = signal('');
  protected readonly dateError = signal('');
  protected readonly nextPosition = computed(() => this.milestones().reduce((max, m) => Math.max(max, m.position + 1), 0));

  constructor() {
    inject(UnsavedChanges).track(() => {
      const editing = this.milestones().find((m) => m.id === this.editingDateId());
      return editing !== undefined && this.dateDraft() !== (editing.completedDate ?? '');
    });
  }

  protected async toggle(milestone: Milestone, box: HTMLInputElement): Promise<void> {
    const checked = box.checked;
    const saved = await this.save(milestone, { completedDate: checked ? this.today : null }, checked ? 'milestones.markedDone' : 'milestones.markedNotDone');
    // A refused change leaves the box as it was.
    if (!saved) box.checked = milestone.completedDate !== null;
  }

  protected openDate(milestone: Milestone): void {
    this.dateDraft.set(milestone.completedDate ?? this.today);
    this.dateError.set('');
    this.editingDateId.set(milestone.id);
    this.focus(`#ms-${milestone.id}-date`);
  }

  protected closeDate(milestone: Milestone): void {
    this.editingDateId.set(null);
    this.focus(`#ms-${milestone.id}-date-edit`);
  }

  protected async saveDate(event: Event, milestone: Milestone): Promise<void> {
    event.preventDefault();
    const date = this.dateDraft();
    if (!date) return this.dateError.set(this.i18n.t('validation.date'));
    if (date > this.today) return this.dateError.set(this.i18n.t('validation.notInFuture'));
    this.dateError.set('');
    if (await this.save(milestone, { completedDate: date }, 'milestones.dateSaved')) this.closeDate(milestone);
  }

  protected onDateKeydown(event: KeyboardEvent, milestone: Milestone): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.closeDate(milestone);
    }
  }

  protected async move(index: number, delta: -1 | 1): Promise<void> {
    const order = [...this.milestones()];
    const target = index + delta;
    if (target < 0 || target >= order.length || this.busyId()) return;
    const moved = order[index];
    [order[index], order[target]] = [order[target], order[index]];
    this.busyId.set(moved.id);
    this.failure.set(null);
    try {
      // Positions follow the new order; only those that differ are sent.
      for (const [position, milestone] of order.entries()) {
        if (milestone.position === position) continue;
        const outcome = await this.pageState.saveMilestone(milestone, { position }, { refresh: false });
        order[position] = outcome.value;
        if (outcome.kind !== 'saved') break;
      }
      this.milestones.set([...order].sort((a, b) => a.position - b.position));
      const now = this.milestones().findIndex((m) => m.id === moved.id);
      this.pageState.announce(this.i18n.t('milestones.moved', { title: moved.title, position: now + 1, count: order.length }));
      const up = now > 0;
      this.focus(`#ms-${moved.id}-${(delta < 0 && up) || now === order.length - 1 ? 'up' : 'down'}`);
    } catch (error) {
      this.failure.set({ id: moved.id, problem: this.problemOf(error) });
    } finally {
      this.busyId.set(null);
    }
  }

  protected startEdit(milestone: Milestone): void {
    this.confirmingDeleteId.set(null);
    this.editingId.set(milestone.id);
  }

  protected edited(milestone: Milestone, result: Milestone | null): void {
    this.editingId.set(null);
    if (result) {
      this.replace(result);
      this.pageState.announce(this.i18n.t('milestones.saved', { title: result.title }));
    }
    this.focus(`#ms-${milestone.id}-edit`);
  }

  protected startAdd(): void {
    this.adding.set(true);
  }

  protected added(result: Milestone | null): void {
    this.adding.set(false);
    if (result) {
      this.milestones.update((list) => [...list, result].sort((a, b) => a.position - b.position));
      this.pageState.announce(this.i18n.t('milestones.added', { title: result.title }));
      this.focus(`#ms-${result.id}`);
    } else {
      this.focus('.milestones__add');
    }
  }

  protected askDelete(milestone: Milestone): void {
    this.editingId.set(null);
    this.confirmingDeleteId.set(milestone.id);
    this.focus(`#ms-${milestone.id}-confirm`);
  }

  protected cancelDelete(milestone: Milestone): void {
    this.confirmingDeleteId.set(null);
    this.focus(`#ms-${milestone.id}-delete`);
  }

  protected async remove(milestone: Milestone): Promise<void> {
    this.busyId.set(milestone.id);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.deleteMilestone(milestone.initiativeId, milestone.id, milestone.version));
      this.confirmingDeleteId.set(null);
      this.milestones.update((list) => list.filter((m) => m.id !== milestone.id));
      this.pageState.announce(this.i18n.t('milestones.deleted', { title: milestone.title }));
      await this.pageState.refresh();
      this.focus('.milestones__add, h2');
    } catch (error) {
      // Someone changed it meanwhile: show the milestone as it is now before anything is deleted.
      if (httpStatus(error) === 409) this.loaded.reload();
      this.failure.set({ id: milestone.id, problem: this.problemOf(error) });
    } finally {
      this.busyId.set(null);
    }
  }

  private async save(milestone: Milestone, changes: UpdateMilestone, messageKey: string): Promise<boolean> {
    this.busyId.set(milestone.id);
    this.failure.set(null);
    try {
      const outcome = await this.pageState.saveMilestone(milestone, changes);
      this.replace(outcome.value);
      if (outcome.kind === 'saved') this.pageState.announce(this.i18n.t(messageKey, { title: outcome.value.title }));
      return outcome.kind === 'saved';
    } catch (error) {
      this.failure.set({ id: milestone.id, problem: this.problemOf(error) });
      return false;
    } finally {
      this.busyId.set(null);
    }
  }

  private replace(milestone: Milestone): void {
    this.milestones.update((list) => list.map((m) => (m.id === milestone.id ? milestone : m)));
  }

  private problemOf(error: unknown): Problem {
    const t = (key: string, params?: Readonly<Record<string, unknown>>) => this.i18n.t(key, params);
    const problem = toProblem(error, t);
    // The one field this list sends: its error is the whole story.
    const [completedDate] = problem.errors?.['completedDate'] ?? [];
    return completedDate ? { ...problem, title: fieldErrorText(completedDate, t), detail: undefined } : problem;
  }
}
