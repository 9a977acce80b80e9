import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { canFreezeSnapshots } from '@fremdrift/access';
import { SNAPSHOT_NAME_LIMITS, type ActionPlan, type Problem, type ReportingSnapshotSummary, type SnapshotDiff } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import type { Subscription } from 'rxjs';
import { Auth } from '../../../../core/auth/auth';
import { fieldErrorText } from '../../../../core/http/error-text';
import { toProblem } from '../../../../core/http/problem';
import { I18n } from '../../../../core/i18n/i18n';
import { LocalNumberPipe } from '../../../../core/i18n/i18n-pipes';
import { injectFocusAfterRender } from '../../../../shared/focus/focus-after-render';
import { todayInMunicipality } from '../../../../core/time/today';
import { toQuery, type DashboardFilters } from '../../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../../texts/dashboard-texts';
import { SnapshotDiffView } from '../snapshot-diff/snapshot-diff';
import { NOW, SnapshotsApi, type DiffTarget } from '../snapshots-api';

export const REPORT_PATH = '/dashboard/rapport';

/**
 * "Status til byrådet" on the dashboard: freeze today's status ("Status pr. <dato>") for the plan
 * in the filters, the list of frozen snapshots, and what changed since one of them (or between two).
 */
@Component({
  selector: 'fd-snapshot-panel',
  imports: [RouterLink, TranslatePipe, DashboardTextPipe, LocalNumberPipe, SnapshotDiffView],
  templateUrl: './snapshot-panel.html',
  styleUrls: ['../../dashboard-table.css', './snapshot-panel.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotPanel {
  private readonly api = inject(SnapshotsApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly focus = injectFocusAfterRender();

  /** The dashboard's filters: a snapshot covers their action plan; the report link keeps them. */
  readonly filters = input.required<DashboardFilters>();
  readonly actionPlans = input.required<readonly ActionPlan[]>();

  protected readonly limits = SNAPSHOT_NAME_LIMITS;
  protected readonly now = NOW;
  protected readonly mayFreeze = computed(() => this.auth.allows(canFreezeSnapshots));

  protected readonly snapshots = rxResource({ stream: () => this.api.list() });
  protected readonly items = computed<readonly ReportingSnapshotSummary[]>(() => (this.snapshots.hasValue() ? this.snapshots.value().items : []));
  protected readonly listProblem = computed(() => this.problemOf(this.snapshots.error()));
  protected readonly more = computed(() => {
    if (!this.snapshots.hasValue()) return '';
    const { items, total } = this.snapshots.value();
    return total > items.length ? this.texts.text('snapshots.listMore', { shown: this.i18n.number(items.length), total: this.i18n.number(total) }) : '';
  });

  protected readonly plan = computed(() => this.actionPlans().find((p) => p.id === this.filters().actionPlanId) ?? null);
  protected readonly covers = computed(() => {
    const plan = this.plan();
    if (plan) return this.texts.text('snapshots.coversPlan', { title: plan.title });
    return this.filters().actionPlanId ? '' : this.texts.text('snapshots.coversAll');
  });

  /** Prefilled "Status pr. 4. dec. 2026"; what the user types stays. */
  protected readonly name = linkedSignal(() => this.texts.text('snapshots.defaultName', { date: this.i18n.date(todayInMunicipality()) }));
  protected readonly nameError = signal('');
  protected readonly freezing = signal(false);
  protected readonly freezeProblem = signal<Problem | null>(null);
  protected readonly frozenMessage = signal('');

  /** The comparison asked for: from a snapshot to another one or to now. */
  protected readonly compareFrom = linkedSignal(() => this.items()[0]?.id ?? '');
  protected readonly compareTo = signal<DiffTarget>(NOW);
  protected readonly toChoices = computed(() => this.items().filter((s) => s.id !== this.compareFrom()));
  protected readonly comparing = signal(false);
  protected readonly diff = signal<SnapshotDiff | null>(null);
  protected readonly diffProblem = signal<Problem | null>(null);
  private comparison: Subscription | null = null;
  protected readonly diffHeading = computed(() => {
    const diff = this.diff();
    if (!diff) return '';
    const to = diff.to.id === null ? this.texts.text('diff.toNow') : this.texts.text('diff.toSnapshot', { name: diff.to.name });
    return this.texts.text('diff.heading', { from: diff.from.name, to });
  });

  /** The council report with the dashboard's filters and the changes since the chosen snapshot. */
  protected readonly reportParams = computed(() => {
    const since = this.compareFrom();
    return { ...toQuery(this.filters()), ...(since ? { since } : {}) };
  });
  protected readonly reportLabel = computed(() => {
    const chosen = this.items().find((s) => s.id === this.compareFrom());
    return chosen ? this.texts.text('snapshots.reportLink', { name: chosen.name }) : this.texts.text('snapshots.reportLinkShort');
  });
  protected readonly reportPath = REPORT_PATH;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.comparison?.unsubscribe());
  }

  protected planTitle(snapshot: ReportingSnapshotSummary): string {
    if (snapshot.actionPlanId === null) return this.texts.text('snapshots.allPlans');
    return snapshot.actionPlanTitle ?? this.actionPlans().find((p) => p.id === snapshot.actionPlanId)?.title ?? '–';
  }

  protected takenAt(snapshot: ReportingSnapshotSummary): string {
    return this.i18n.date(snapshot.takenAt, 'dateTime');
  }

  protected setName(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
    if (this.nameError()) this.nameError.set(this.validateName());
  }

  protected setCompareFrom(event: Event): void {
    this.compareFrom.set((event.target as HTMLSelectElement).value);
    if (this.compareTo() === this.compareFrom()) this.compareTo.set(NOW);
  }

  protected setCompareTo(event: Event): void {
    this.compareTo.set((event.target as HTMLSelectElement).value);
  }

  protected freeze(event: Event): void {
    event.preventDefault();
    if (this.freezing()) return;
    const error = this.validateName();
    this.nameError.set(error);
    this.freezeProblem.set(null);
    this.frozenMessage.set('');
    if (error) {
      this.focus('#snapshot-name');
      return;
    }
    this.freezing.set(true);
    const name = this.name().trim();
    this.api.create({ name, actionPlanId: this.filters().actionPlanId || null }).subscribe({
      next: (snapshot) => {
        this.freezing.set(false);
        this.frozenMessage.set(this.texts.count('snapshots.frozen', snapshot.initiativeCount, { name: snapshot.name }));
        this.snapshots.reload();
        this.compareFrom.set(snapshot.id);
        this.compareTo.set(NOW);
        this.focus('#snapshot-frozen');
      },
      error: (failure: unknown) => {
        this.freezing.set(false);
        const problem = toProblem(failure, (key, params) => this.i18n.t(key, params));
        const nameErrors = problem.errors?.['name'] ?? [];
        if (nameErrors.length > 0 && Object.keys(problem.errors ?? {}).length === 1) {
          this.nameError.set(nameErrors.map((e) => fieldErrorText(e, (key, params) => this.i18n.t(key, params))).join(' '));
          this.focus('#snapshot-name');
        } else {
          this.freezeProblem.set(problem);
          this.focus('#snapshot-freeze-problem');
        }
      },
    });
  }

  protected compare(event: Event): void {
    event.preventDefault();
    const from = this.compareFrom();
    if (!from) return;
    this.comparison?.unsubscribe();
    this.comparing.set(true);
    this.diffProblem.set(null);
    this.comparison = this.api.diff(from, this.compareTo()).subscribe({
      next: (diff) => {
        this.comparing.set(false);
        this.diff.set(diff);
        this.focus('#snapshot-diff-heading');
      },
      error: (failure: unknown) => {
        this.comparing.set(false);
        this.diff.set(null);
        this.diffProblem.set(this.problemOf(failure));
        this.focus('#snapshot-diff-problem');
      },
    });
  }

  private validateName(): string {
    const name = this.name().trim();
    if (!name) return this.texts.text('snapshots.nameRequired');
    if (name.length < this.limits.min) return this.texts.text('snapshots.nameTooShort', { min: this.limits.min });
    if (name.length > this.limits.max) return this.texts.text('snapshots.nameTooLong', { max: this.limits.max });
    return '';
  }

  private problemOf(error: unknown): Problem | null {
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  }
}
