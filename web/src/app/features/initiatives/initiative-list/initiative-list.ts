import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { HEALTHS, LIMITS, type Health, type InitiativeQuery, type InitiativeSummary, type Page } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
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

export interface InitiativeFilters {
  department: string;
  q: string;
}

/**
 * The list of initiatives with a department filter, a text search and pages. The filters and the
 * page live in the URL (`?department=BU&q=sprog&page=2`), so a filtered list can be bookmarked and
 * shared, and the router hands them in as inputs.
 */
@Component({
  selector: 'fd-initiative-list',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, HealthBadge, ProgressBar, Pagination, SearchField],
  templateUrl: './initiative-list.html',
  styleUrl: './initiative-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeList {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly departmentsApi = inject(DepartmentsApi);
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

  private readonly auth = inject(Auth);
  protected readonly canCreate = computed(() => this.auth.allows(canCreateSomeInitiative));
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
  /** The drill-down filters, kept only when they are values the API knows. */
  protected readonly drillDown = computed(() => drillDownFilters(this.departmentRole(), this.health(), this.actionPlanId(), this.goalId()));
  protected readonly drillDownLabels = computed(() => {
    const { departmentRole, health, actionPlanId, goalId } = this.drillDown();
    return [
      ...(departmentRole ? [this.i18n.t(`initiativeList.role.${departmentRole}`)] : []),
      ...(health ?? []).map((value) => this.i18n.t(labelKeys.health(value))),
      ...(actionPlanId ? [this.i18n.t('initiativeList.onePlan')] : []),
      ...(goalId ? [this.i18n.t('initiativeList.oneGoal')] : []),
    ];
  });
  protected readonly hasFilters = computed(() => this.departmentFilter() !== '' || this.searchFilter() !== '' || this.drillDownLabels().length > 0);

  /** What is typed in the search field; starts over from the URL whenever the URL changes. */
  protected readonly searchDraft = linkedSignal(() => this.searchFilter());

  private readonly query = computed<InitiativeQuery>(() => ({
    page: this.currentPage(),
    pageSize: this.pageSize,
    sort: 'title',
    department: this.departmentFilter() || undefined,
    q: this.searchFilter() || undefined,
    ...this.drillDown(),
  }));

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

  protected submitSearch(event: Event, department: string): void {
    event.preventDefault();
    this.applyFilters({ department, q: this.searchDraft() });
  }

  protected applyFilters(filters: InitiativeFilters): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        department: filters.department.trim() || null,
        q: filters.q.trim() || null,
        page: null,
        ...(filters.department.trim() === '' ? { departmentRole: null } : {}),
      },
      queryParamsHandling: 'merge',
    });
  }

  protected clearFilters(): void {
    this.searchDraft.set('');
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { department: null, q: null, page: null, departmentRole: null, health: null, actionPlanId: null, goalId: null },
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
