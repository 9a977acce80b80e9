import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  HEALTHS,
  INITIATIVE_SORT_FIELDS,
  INITIATIVE_STATUSES,
  LIMITS,
  type Health,
  type InitiativeQuery,
  type InitiativeSortField,
  type InitiativeStatus,
  type InitiativeSummary,
  type Page,
  type SortDirection,
} from '@fremdrift/contracts';
import { canImportInitiatives } from '@fremdrift/access';
import { TranslatePipe } from '@ngx-translate/core';
import { ActionPlansApi } from '../../../core/api/action-plans-api';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { SearchField } from '../../../shared/search-field/search-field';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { canCreateSomeInitiative } from '../initiative-access';
import { InitiativesApi } from '../initiatives-api';
import { initiativeExportUrl } from './export-url';
import { EmptyList } from '../../../shared/empty-list/empty-list';
import { LoadFailed } from '../../../shared/load-failed/load-failed';

/** A change to the URL's query: a value, or null to drop the parameter. */
export type FilterChanges = Partial<Record<'department' | 'departmentRole' | 'status' | 'health' | 'actionPlanId' | 'goalId', string | null>>;

/** Every query parameter the list reads, for "Nulstil filtre". */
const ALL_FILTERS_CLEARED = { department: null, q: null, page: null, departmentRole: null, status: null, health: null, actionPlanId: null, goalId: null };

/**
 * The list of initiatives with filters (department and its role, status, health, plan, goal, text),
 * sorting and pages. All of it lives in the URL (`?department=BU&health=off_track&sort=targetDate`),
 * so a filtered list can be bookmarked and shared, and the router hands the parameters in as inputs.
 */
@Component({
  selector: 'fd-initiative-list',
  imports: [LoadFailed, EmptyList, RouterLink, TranslatePipe, LocalDatePipe, HealthBadge, ProgressBar, Pagination, SearchField],
  templateUrl: './initiative-list.html',
  styleUrl: './initiative-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeList {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly actionPlansApi = inject(ActionPlansApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  /** Query parameter: department code (or id); matches the lead or a participating department. */
  readonly department = input<string>();
  /** Query parameter: free text search. */
  readonly q = input<string>();
  /** Query parameter: page number, from 1. */
  readonly page = input<string>();
  /** Query parameters a dashboard drill-down adds: the department's part, health, plan and goal. */
  readonly departmentRole = input<string>();
  readonly health = input<string>();
  readonly actionPlanId = input<string>();
  readonly goalId = input<string>();
  /** Query parameter: statuses, comma separated. */
  readonly status = input<string>();
  /** Query parameters: the sort field and direction (default title, ascending). */
  readonly sort = input<string>();
  readonly direction = input<string>();

  private readonly auth = inject(Auth);
  protected readonly canCreate = computed(() => this.auth.allows(canCreateSomeInitiative));
  /** Management and admins import initiatives from a spreadsheet. */
  protected readonly canImport = computed(() => this.auth.allows(canImportInitiatives));
  /** "… is deleted", when the initiative page sent the user here after deleting one. */
  protected readonly deletedMessage = signal('');

  constructor() {
    const deleted = (this.router.currentNavigation()?.extras.state as { deletedTitle?: unknown } | undefined)?.deletedTitle;
    // Set after the first render, so that the live region is there empty first and the message is read out.
    if (typeof deleted === 'string') afterNextRender(() => this.deletedMessage.set(this.i18n.t('initiativeCreate.deleted', { title: deleted })));
  }

  protected readonly pageSize = LIMITS.pageSize.default;
  protected readonly statusKey = labelKeys.status;

  protected readonly departmentFilter = computed(() => (this.department() ?? '').trim());
  protected readonly searchFilter = computed(() => (this.q() ?? '').trim().slice(0, LIMITS.searchText.max));
  protected readonly currentPage = computed(() => parsePage(this.page(), LIMITS.page.max));
  /** The other filters, kept only when they are values the API knows. */
  protected readonly drillDown = computed(() => drillDownFilters(this.departmentRole(), this.health(), this.actionPlanId(), this.goalId()));
  protected readonly statusFilter = computed(() => parseStatuses(this.status()));
  protected readonly sorting = computed(() => parseSort(this.sort(), this.direction()));
  protected readonly hasFilters = computed(
    () => this.departmentFilter() !== '' || this.searchFilter() !== '' || this.statusFilter().length > 0 || Object.keys(this.drillDown()).length > 0,
  );

  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly healths = HEALTHS;
  protected readonly sortFields = INITIATIVE_SORT_FIELDS;
  protected readonly sortDirections: readonly SortDirection[] = ['asc', 'desc'];
  protected readonly healthKey = labelKeys.health;

  /** What is typed in the search field; starts over from the URL whenever the URL changes. */
  protected readonly searchDraft = linkedSignal(() => this.searchFilter());

  private readonly query = computed<InitiativeQuery>(() => ({
    page: this.currentPage(),
    pageSize: this.pageSize,
    sort: this.sorting().sort,
    ...(this.sorting().direction === 'desc' ? { direction: 'desc' as const } : {}),
    department: this.departmentFilter() || undefined,
    q: this.searchFilter() || undefined,
    ...(this.statusFilter().length > 0 ? { status: this.statusFilter() } : {}),
    ...this.drillDown(),
  }));

  /** The export of exactly what the list shows (all its pages), in the language the user reads. */
  protected readonly exportLinks = computed(() => {
    const { page: _page, pageSize: _pageSize, ...filter } = this.query();
    const lang = this.i18n.language();
    return { xlsx: initiativeExportUrl('xlsx', lang, filter), csv: initiativeExportUrl('csv', lang, filter) };
  });

  protected readonly initiatives = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.initiativesApi.list(params),
  });

  private readonly departments = rxResource({ stream: () => this.departmentsApi.listAll() });

  /** The filter's choices, in the municipality's own order, then alphabetically in Danish. */
  protected readonly departmentOptions = computed(() => {
    const items = this.departments.hasValue() ? this.departments.value().items : [];
    return [...items].sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });

  private readonly plans = rxResource({ stream: () => this.actionPlansApi.list() });

  /** The plan filter's choices (the plans that are not archived), alphabetically. */
  protected readonly planOptions = computed(() => {
    const items = this.plans.hasValue() ? this.plans.value().items : [];
    return [...items].sort((a, b) => this.i18n.compare(a.title, b.title));
  });
  /** The chosen plan when it is among the choices. */
  protected readonly selectedPlan = computed(() => this.planOptions().find((plan) => plan.id === this.drillDown().actionPlanId) ?? null);
  /** The goal filter's choices: the goals of the chosen plan, in the plan's order. */
  protected readonly goalOptions = computed(() => [...(this.selectedPlan()?.goals ?? [])].sort((a, b) => a.sortOrder - b.sortOrder));
  protected readonly unknownGoal = computed(() => {
    const goalId = this.drillDown().goalId;
    return goalId && !this.goalOptions().some((goal) => goal.id === goalId) ? goalId : null;
  });

  /** A choice for several values from the URL (a dashboard drill-down), which one select cannot show otherwise. */
  protected readonly severalHealths = computed(() => this.several((this.drillDown().health ?? []).map(labelKeys.health)));
  protected readonly severalStatuses = computed(() => this.several(this.statusFilter().map(labelKeys.status)));

  private several(keys: string[]): string | null {
    return keys.length > 1 ? this.i18n.t('listFilters.several', { values: keys.map((key) => this.i18n.t(key)).join(', ') }) : null;
  }

  protected readonly caption = computed(() =>
    this.i18n.t('listFilters.caption', {
      field: this.i18n.t(`listFilters.field.${this.sorting().sort}`).toLowerCase(),
      direction: this.i18n.t(`listFilters.direction.${this.sorting().direction}`),
    }),
  );

  /** A department in the URL that is not among the choices (an id, or the list failed to load). */
  protected readonly unknownDepartment = computed(() => {
    const selected = this.departmentFilter();
    if (!selected) return null;
    return this.departmentOptions().some((d) => d.code === selected || d.id === selected) ? null : selected;
  });

  protected readonly result = computed<Page<InitiativeSummary> | undefined>(() => (this.initiatives.hasValue() ? this.initiatives.value() : undefined));

  protected readonly problem = computed(() => {
    const error = this.initiatives.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected readonly pageCount = computed(() => {
    const result = this.result();
    return result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  });

  /** The sentence read out (role="status") whenever the list changes. */
  protected readonly statusMessage = computed(() => {
    if (this.initiatives.isLoading()) return this.i18n.t('initiativeList.loading');
    const result = this.result();
    if (!result) return '';
    if (result.total === 0) return this.i18n.t(this.hasFilters() ? 'initiativeList.noneMatch' : 'initiativeList.noneYet');
    const n = (value: number) => this.i18n.number(value);
    if (result.items.length === 0) return this.i18n.t('initiativeList.noneOnPage', { page: n(result.page) });
    const from = (result.page - 1) * result.pageSize + 1;
    return this.i18n.t('common.showing', { from: n(from), to: n(from + result.items.length - 1), total: n(result.total) });
  });

  protected readonly showSummary = computed(() => this.initiatives.isLoading() || (this.result()?.items.length ?? 0) > 0);

  protected isSelected(department: { id: string; code: string }): boolean {
    const selected = this.departmentFilter();
    return selected === department.code || selected === department.id;
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    this.applyFilters({});
  }

  /** Puts the changed filters and the typed search into the URL, from the first page. */
  protected applyFilters(changes: FilterChanges): void {
    const queryParams: Record<string, string | null> = { q: this.searchDraft().trim() || null, page: null };
    for (const [key, value] of Object.entries(changes)) queryParams[key] = value?.trim() || null;
    // The role means something only with a department; a goal only within its plan.
    if ('department' in changes && !queryParams['department']) queryParams['departmentRole'] = null;
    if ('actionPlanId' in changes) queryParams['goalId'] = null;
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }

  /** Sorts by a column: the sorted column flips its direction, another column starts ascending. */
  protected sortBy(field: InitiativeSortField): void {
    const current = this.sorting();
    this.applySort(field, current.sort === field && current.direction === 'asc' ? 'desc' : 'asc');
  }

  /** From the narrow screen's select: `field:direction`. */
  protected sortFromSelect(value: string): void {
    const [field, direction] = value.split(':');
    const parsed = parseSort(field, direction);
    this.applySort(parsed.sort, parsed.direction);
  }

  private applySort(sort: InitiativeSortField, direction: SortDirection): void {
    const isDefault = sort === 'title' && direction === 'asc';
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { sort: isDefault ? null : sort, direction: direction === 'desc' ? 'desc' : null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  /** The value of a sortable column header's aria-sort, or null for the columns not sorted by. */
  protected ariaSort(field: InitiativeSortField): 'ascending' | 'descending' | null {
    const current = this.sorting();
    return current.sort === field ? (current.direction === 'asc' ? 'ascending' : 'descending') : null;
  }

  protected clearFilters(): void {
    this.searchDraft.set('');
    void this.router.navigate([], { relativeTo: this.route, queryParams: ALL_FILTERS_CLEARED, queryParamsHandling: 'merge' });
  }

  /** "Nulstil filtre": every filter and the sorting back to the start. */
  protected resetAll(): void {
    this.searchDraft.set('');
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...ALL_FILTERS_CLEARED, sort: null, direction: null },
      queryParamsHandling: 'merge',
    });
  }

  protected pageTooFar(): string {
    return this.i18n.plural('initiativeList.pageTooFar', this.pageCount());
  }

  protected milestonesReached(initiative: InitiativeSummary): string {
    return this.i18n.plural('initiativeList.milestonesReached', initiative.milestoneCount, { done: this.i18n.number(initiative.completedMilestoneCount) });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Drill-down filters from the URL; anything the API would refuse is dropped rather than sent. */
export function drillDownFilters(
  departmentRole: string | undefined,
  health: string | undefined,
  actionPlanId: string | undefined,
  goalId: string | undefined,
): Pick<InitiativeQuery, 'departmentRole' | 'health' | 'actionPlanId' | 'goalId'> {
  const healths = (health ?? '').split(',').filter((value): value is Health => (HEALTHS as readonly string[]).includes(value));
  return {
    ...(departmentRole === 'lead' || departmentRole === 'participating' ? { departmentRole } : {}),
    ...(healths.length > 0 ? { health: healths } : {}),
    ...(actionPlanId && UUID.test(actionPlanId) ? { actionPlanId } : {}),
    ...(goalId && UUID.test(goalId) ? { goalId } : {}),
  };
}

/** Statuses from the URL (comma separated); unknown values are dropped. */
export function parseStatuses(status: string | undefined): InitiativeStatus[] {
  return (status ?? '').split(',').filter((value): value is InitiativeStatus => (INITIATIVE_STATUSES as readonly string[]).includes(value));
}

/** Sorting from the URL; anything unknown falls back to title, ascending. */
export function parseSort(sort: string | undefined, direction: string | undefined): { sort: InitiativeSortField; direction: SortDirection } {
  return {
    sort: (INITIATIVE_SORT_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as InitiativeSortField) : 'title',
    direction: direction === 'desc' ? 'desc' : 'asc',
  };
}
