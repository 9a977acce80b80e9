import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { rxResource, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { HEALTHS, type Department, type InitiativeSummary } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, firstValueFrom } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { todayInMunicipality } from '../../../core/time/today';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { PrintCharts } from '../chart/print-charts';
import { DashboardApi } from '../dashboard-api';
import { filtersFromInputs, toQuery } from '../dashboard-query';
import { DepartmentProgress } from '../department-progress/department-progress';
import { HealthDistribution } from '../health-distribution/health-distribution';
import { HealthOverTime } from '../health-over-time/health-over-time';
import { SnapshotDiffView } from '../snapshots/snapshot-diff/snapshot-diff';
import { NOW, SnapshotsApi } from '../snapshots/snapshots-api';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';
import { reportPeriod, shorten } from './report-period';

/** How much of an initiative's summary a line of the report holds. */
export const SHORT_TEXT_MAX = 140;

interface DepartmentGroup {
  department: InitiativeSummary['leadDepartment'];
  rows: InitiativeSummary[];
}

/**
 * The council report (`/dashboard/rapport`): the dashboard's view as a paper for the city council
 * on A4: the filters in words, the headline figures, the changes since a frozen snapshot
 * (`since`), the charts over the period the reader chose (twelve months otherwise), and one line
 * per initiative, grouped by lead department. Its stylesheet sets up the printed page, hence no
 * encapsulation; its rules are scoped to the report or to print.
 */
@Component({
  selector: 'fd-council-report',
  imports: [RouterLink, TranslatePipe, DashboardTextPipe, HealthBadge, HealthDistribution, HealthOverTime, DepartmentProgress, SnapshotDiffView],
  templateUrl: './council-report.html',
  styleUrls: ['../dashboard-table.css', './council-report.css'],
  encapsulation: ViewEncapsulation.None,
  providers: [PrintCharts],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CouncilReport {
  private readonly api = inject(DashboardApi);
  private readonly snapshotsApi = inject(SnapshotsApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly printCharts = inject(PrintCharts);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly document = inject(DOCUMENT);

  /** The dashboard's query parameters, and the snapshot to show the changes since. */
  readonly actionPlanId = input<string>();
  readonly goalId = input<string>();
  readonly department = input<string>();
  readonly departmentRole = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly since = input<string>();

  protected readonly filters = filtersFromInputs(this);
  private readonly today = todayInMunicipality();
  protected readonly period = computed(() => reportPeriod(this.filters(), this.today), { equal: (a, b) => a.from === b.from && a.to === b.to });
  protected readonly sinceId = computed(() => (this.since() ?? '').trim());

  protected readonly view = rxResource({
    params: () => ({ ...toQuery(this.filters()), ...this.period() }),
    stream: ({ params }) => this.api.view(params),
  });
  protected readonly initiatives = rxResource({
    params: () => toQuery(this.filters()),
    stream: ({ params }) => this.api.initiatives(params),
  });
  protected readonly diff = rxResource({
    params: () => this.sinceId() || undefined,
    stream: ({ params }) => this.snapshotsApi.diff(params, NOW),
  });
  private readonly snapshots = rxResource({ stream: () => this.snapshotsApi.list() });
  private readonly actionPlans = rxResource({ stream: () => this.api.actionPlans() });
  private readonly departments = rxResource({ stream: () => this.departmentsApi.listAll() });

  protected readonly backParams = computed(() => toQuery(this.filters()));
  protected readonly snapshotChoices = computed(() => (this.snapshots.hasValue() ? this.snapshots.value().items : []));

  protected readonly problem = computed(() => {
    const error = this.view.error() ?? this.initiatives.error() ?? this.diff.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  /** Everything the paper shows is there: it is not printed half-loaded. */
  protected readonly loaded = computed(
    () =>
      this.view.hasValue() &&
      this.initiatives.hasValue() &&
      (!this.sinceId() || this.diff.hasValue()) &&
      !this.view.isLoading() &&
      !this.initiatives.isLoading(),
  );
  protected readonly ready = computed(() => this.loaded() && this.printCharts.allDrawn());
  private readonly ready$ = toObservable(this.ready);

  /** The report's scope in words: "Afdeling: Sundhed og Omsorg (ansvarlig)", one line each. */
  protected readonly scopeLines = computed(() => {
    const filters = this.filters();
    const plans = this.actionPlans.hasValue() ? this.actionPlans.value().items : [];
    const departments: Department[] = this.departments.hasValue() ? this.departments.value().items : [];
    const line = (label: string, value: string) => `${this.texts.text(label)}: ${value}`;
    const all = this.texts.text('report.all');
    const plan = plans.find((p) => p.id === filters.actionPlanId);
    const lines = [line('report.actionPlan', filters.actionPlanId ? (plan?.title ?? filters.actionPlanId) : all)];
    if (filters.goalId) {
      const goal = plans.flatMap((p) => p.goals).find((g) => g.id === filters.goalId);
      lines.push(line('report.goal', goal?.title ?? filters.goalId));
    }
    const department = departments.find((d) => d.code === filters.department || d.id === filters.department);
    lines.push(
      line(
        'report.department',
        filters.department
          ? this.texts.text('report.departmentValue', {
              name: department?.name ?? filters.department,
              role: this.texts.text(`filters.role.${filters.departmentRole}`).toLocaleLowerCase(this.i18n.language()),
            })
          : all,
      ),
    );
    const { from, to } = this.period();
    lines.push(line('report.period', this.texts.text('report.periodValue', { from: this.i18n.date(from), to: this.i18n.date(to) })));
    const diff = this.diff.hasValue() ? this.diff.value() : undefined;
    if (diff)
      lines.push(line('report.since', this.texts.text('report.sinceValue', { name: diff.from.name, date: this.i18n.date(diff.from.takenAt, 'dateTime') })));
    const view = this.view.hasValue() ? this.view.value() : undefined;
    if (view) lines.push(line('report.generatedAt', this.i18n.date(view.generatedAt, 'dateTime')));
    return lines;
  });

  protected readonly healths = HEALTHS;

  protected readonly headline = computed(() => {
    const view = this.view.hasValue() ? this.view.value() : undefined;
    if (!view) return [];
    const { headline } = view;
    const n = (value: number) => this.i18n.number(value);
    const progress =
      headline.averageProgress === null
        ? '–'
        : headline.averageExpectedProgress === null
          ? this.i18n.percent(headline.averageProgress)
          : this.texts.text('report.progressValue', {
              progress: this.i18n.percent(headline.averageProgress),
              expected: this.i18n.percent(headline.averageExpectedProgress),
            });
    return [
      { key: 'initiatives', label: this.texts.text('report.initiatives'), value: n(headline.initiatives) },
      ...HEALTHS.map((health) => ({ key: health, label: this.i18n.t(labelKeys.health(health)), value: n(headline.byHealth[health]) })),
      {
        key: 'onTime',
        label: this.texts.text('report.milestonesOnTime'),
        value: headline.milestones.onTimeShare === null ? '–' : this.i18n.percent(headline.milestones.onTimeShare),
      },
      { key: 'overdue', label: this.texts.text('report.milestonesOverdue'), value: n(headline.milestones.overdue) },
      { key: 'progress', label: this.texts.text('report.progress'), value: progress, wide: true },
    ];
  });

  /** One table per lead department, in the municipality's order of departments. */
  protected readonly groups = computed<DepartmentGroup[]>(() => {
    const rows = this.initiatives.hasValue() ? this.initiatives.value() : [];
    const order = new Map((this.departments.hasValue() ? this.departments.value().items : []).map((d, index) => [d.id, index]));
    const groups = new Map<string, DepartmentGroup>();
    for (const row of rows) {
      const group = groups.get(row.leadDepartment.id) ?? { department: row.leadDepartment, rows: [] };
      group.rows.push(row);
      groups.set(row.leadDepartment.id, group);
    }
    return [...groups.values()].sort(
      (a, b) =>
        (order.get(a.department.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.department.id) ?? Number.MAX_SAFE_INTEGER) ||
        this.i18n.compare(a.department.name, b.department.name),
    );
  });

  protected readonly shortened = computed(() =>
    (this.initiatives.hasValue() ? this.initiatives.value() : []).some(
      (row) => shorten(row.summary, SHORT_TEXT_MAX) !== row.summary.replace(/\s+/g, ' ').trim(),
    ),
  );
  protected readonly shortMax = SHORT_TEXT_MAX;

  protected statusLabel(row: InitiativeSummary): string {
    return this.i18n.t(labelKeys.status(row.status));
  }

  protected progressText(row: InitiativeSummary): string {
    const progress = this.i18n.percent(row.progress);
    return row.expectedProgress === null ? progress : this.texts.text('report.progressCell', { progress, expected: this.i18n.percent(row.expectedProgress) });
  }

  protected shortText(row: InitiativeSummary): string {
    return shorten(row.summary, SHORT_TEXT_MAX);
  }

  protected departmentCaption(group: DepartmentGroup): string {
    return this.texts.text('report.departmentCaption', { name: group.department.name });
  }

  protected chooseSince(event: Event): void {
    const since = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { since: since || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected retry(): void {
    if (this.view.error()) this.view.reload();
    if (this.initiatives.error()) this.initiatives.reload();
    if (this.diff.error()) this.diff.reload();
  }

  /** Prints once everything is loaded and every chart drawn. */
  protected async print(): Promise<void> {
    await firstValueFrom(this.ready$.pipe(filter(Boolean)));
    this.document.defaultView?.print();
  }
}
