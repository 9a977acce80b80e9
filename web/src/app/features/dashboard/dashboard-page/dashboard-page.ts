import { DOCUMENT, formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, linkedSignal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { canExport } from '@fremdrift/access';
import type { Dashboard } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, map } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { ComplianceTable } from '../compliance-table/compliance-table';
import { DashboardApi, type CsvTable } from '../dashboard-api';
import { DashboardEvents } from '../dashboard-events';
import { DashboardFiltersForm } from '../dashboard-filters/dashboard-filters';
import { filtersFromInputs, hasFilters, NO_FILTERS, toQuery, toQueryParams, type DashboardFilters } from '../dashboard-query';
import { DepartmentProgress } from '../department-progress/department-progress';
import { HeadlineFigures } from '../headline-figures/headline-figures';
import { HealthDistribution } from '../health-distribution/health-distribution';
import { HealthMatrix } from '../health-matrix/health-matrix';
import { HealthOverTime } from '../health-over-time/health-over-time';
import { MilestoneWeeks } from '../milestone-weeks/milestone-weeks';
import { PrintHeader } from '../print-header/print-header';
import { REPORT_PATH, SnapshotPanel } from '../snapshots/snapshot-panel/snapshot-panel';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/** Wait this long after a change before reloading: several changes in a row make one reload. */
export const LIVE_DEBOUNCE_MS = 500;

interface Loaded {
  view: Dashboard;
  /** Loaded because someone changed data (the live feed), not because the user asked. */
  live: boolean;
}

/**
 * Management's dashboard (`/dashboard`): progress across departments for one filtered view, in
 * one request. The filters live in the URL so that a view can be shared; the view reloads by
 * itself when anyone changes data, and says so politely.
 */
@Component({
  selector: 'fd-dashboard-page',
  imports: [
    TranslatePipe,
    DashboardTextPipe,
    DashboardFiltersForm,
    HeadlineFigures,
    DepartmentProgress,
    HealthDistribution,
    HealthOverTime,
    MilestoneWeeks,
    HealthMatrix,
    ComplianceTable,
    PrintHeader,
    RouterLink,
    SnapshotPanel,
  ],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.css',
  host: { '(window:beforeprint)': 'unfoldTables()', '(window:afterprint)': 'refoldTables()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);

  /** Query parameters (see DashboardQuery). */
  readonly actionPlanId = input<string>();
  readonly goalId = input<string>();
  readonly department = input<string>();
  readonly departmentRole = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();

  protected readonly filters = filtersFromInputs(this);
  private readonly query = computed(() => toQuery(this.filters()));
  protected readonly filtered = computed(() => hasFilters(this.filters()));
  protected readonly reportPath = REPORT_PATH;
  /** The council report of this view. */
  protected readonly reportParams = computed(() => ({ ...this.query() }));

  /** Set just before a reload that the live feed asked for; read (and cleared) by the next request. */
  private liveReloadPending = false;

  protected readonly dashboard = rxResource({
    params: () => this.query(),
    stream: ({ params }) => {
      const live = this.liveReloadPending;
      this.liveReloadPending = false;
      return this.api.view(params).pipe(map((view): Loaded => ({ view, live })));
    },
  });

  /** The view on screen: the last one loaded stays while the next loads (no flicker), not after an error. */
  private readonly shown = linkedSignal<{ value: Loaded | undefined; failed: boolean }, Loaded | undefined>({
    source: () => ({ value: this.dashboard.hasValue() ? this.dashboard.value() : undefined, failed: this.dashboard.status() === 'error' }),
    computation: (now, previous) => (now.failed ? undefined : (now.value ?? previous?.value)),
  });
  protected readonly view = computed(() => this.shown()?.view);

  protected readonly problem = computed(() => {
    const error = this.dashboard.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  private readonly actionPlans = rxResource({ stream: () => this.api.actionPlans() });
  private readonly departments = rxResource({ stream: () => this.departmentsApi.listAll() });
  protected readonly planOptions = computed(() => (this.actionPlans.hasValue() ? this.actionPlans.value().items : []));
  protected readonly departmentOptions = computed(() => (this.departments.hasValue() ? this.departments.value().items : []));

  protected readonly mayExport = computed(() => this.auth.allows(canExport));
  protected readonly xlsxHref = computed(() => (this.mayExport() ? this.api.xlsxUrl(this.query()) : null));

  /** Read out by the status region: loading the first time, then each live update. */
  protected readonly statusMessage = computed(() => {
    if (!this.view() && this.dashboard.isLoading()) return this.texts.text('loading');
    const shown = this.shown();
    if (!shown?.live) return '';
    return this.texts.text('updatedAt', { time: formatDate(shown.view.generatedAt, 'HH:mm', this.i18n.language()) });
  });

  protected readonly generatedAt = computed(() => {
    const view = this.view();
    return view ? this.texts.text('generatedAt', { time: this.i18n.date(view.generatedAt, 'dateTime') }) : '';
  });

  /** The active filters in words, for the screen and for paper. */
  protected readonly scope = computed(() => {
    const filters = this.filters();
    const plans = this.planOptions();
    const plan = plans.find((p) => p.id === filters.actionPlanId);
    const goal = plans.flatMap((p) => p.goals).find((g) => g.id === filters.goalId);
    const department = this.departmentOptions().find((d) => d.code === filters.department || d.id === filters.department);
    const parts = [
      filters.actionPlanId
        ? this.texts.text('scopeText.actionPlan', { title: plan?.title ?? filters.actionPlanId })
        : this.texts.text('scopeText.allActionPlans'),
    ];
    if (filters.goalId) parts.push(this.texts.text('scopeText.goal', { title: goal?.title ?? filters.goalId }));
    parts.push(
      filters.department
        ? this.texts.text('scopeText.department', {
            name: department?.name ?? filters.department,
            role: this.texts.text(`filters.role.${filters.departmentRole}`).toLocaleLowerCase(this.i18n.language()),
          })
        : this.texts.text('scopeText.allDepartments'),
    );
    if (filters.from) parts.push(this.texts.text('scopeText.from', { date: this.i18n.date(filters.from) }));
    if (filters.to) parts.push(this.texts.text('scopeText.to', { date: this.i18n.date(filters.to) }));
    return this.texts.text('scope', { filters: parts.join(this.texts.text('scopeSeparator')) });
  });

  /** Tables that were folded when printing began. */
  private unfolded: HTMLDetailsElement[] = [];

  constructor() {
    inject(DashboardEvents)
      .changes()
      .pipe(debounceTime(LIVE_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.reloadLive());
  }

  protected csvHref(table: CsvTable): string | null {
    return this.mayExport() ? this.api.csvUrl(table, this.query()) : null;
  }

  protected applyFilters(filters: DashboardFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(filters), queryParamsHandling: 'merge' });
  }

  protected clearFilters(): void {
    this.applyFilters(NO_FILTERS);
  }

  protected retry(): void {
    this.dashboard.reload();
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** Paper has no "Vis som tabel": every table is printed. */
  protected unfoldTables(): void {
    this.unfolded = Array.from(this.host.nativeElement.querySelectorAll<HTMLDetailsElement>('details:not([open])'));
    for (const details of this.unfolded) details.open = true;
  }

  protected refoldTables(): void {
    for (const details of this.unfolded) details.open = false;
    this.unfolded = [];
  }

  private reloadLive(): void {
    // While a new view is loading anyway, it will bring the change with it.
    if (this.dashboard.status() === 'loading') return;
    this.liveReloadPending = true;
    if (!this.dashboard.reload()) this.liveReloadPending = false;
  }
}
