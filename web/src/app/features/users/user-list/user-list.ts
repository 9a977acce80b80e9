import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { LIMITS, USER_ROLES, type Page, type User, type UserQuery, type UserRole } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { toProblem } from '../../../core/http/problem';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { SearchField } from '../../../shared/search-field/search-field';
import { UsersApi } from '../users-api';
import { EmptyList } from '../../../shared/empty-list/empty-list';
import { LoadFailed } from '../../../shared/load-failed/load-failed';

export const USER_STATUS_FILTERS = { aktive: true, deaktiverede: false } as const;
type StatusFilter = keyof typeof USER_STATUS_FILTERS;

interface UserFilters {
  q?: string;
  role?: string;
  status?: string;
}

/** The admin's list of user accounts, with search, role and status filters in the URL. */
@Component({
  selector: 'fd-user-list',
  imports: [LoadFailed, EmptyList, RouterLink, LocalDatePipe, Pagination, TranslatePipe, SearchField],
  templateUrl: './user-list.html',
  styleUrl: './user-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserList {
  private readonly usersApi = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  /** Query parameter: text to find in name or e-mail. */
  readonly q = input<string>();
  /** Query parameter: one of the roles. */
  readonly role = input<string>();
  /** Query parameter: `aktive` or `deaktiverede`. */
  readonly status = input<string>();
  /** Query parameter: page number, from 1. */
  readonly page = input<string>();

  protected readonly roles = USER_ROLES;
  protected readonly roleKey = labelKeys.role;
  protected readonly pageSize = LIMITS.pageSize.default;

  protected readonly searchFilter = computed(() => (this.q() ?? '').trim().slice(0, LIMITS.searchText.max));
  protected readonly roleFilter = computed(() => {
    const role = this.role();
    return (USER_ROLES as readonly string[]).includes(role ?? '') ? (role as UserRole) : null;
  });
  protected readonly statusFilter = computed(() => {
    const status = this.status();
    return status && status in USER_STATUS_FILTERS ? (status as StatusFilter) : null;
  });
  protected readonly hasFilters = computed(() => !!this.searchFilter() || !!this.roleFilter() || !!this.statusFilter());
  protected readonly searchDraft = linkedSignal(() => this.searchFilter());

  private readonly query = computed<UserQuery>(() => {
    const status = this.statusFilter();
    return {
      page: parsePage(this.page(), LIMITS.page.max),
      pageSize: this.pageSize,
      q: this.searchFilter() || undefined,
      role: this.roleFilter() ?? undefined,
      active: status ? USER_STATUS_FILTERS[status] : undefined,
    };
  });

  protected readonly users = rxResource({ params: () => this.query(), stream: ({ params }) => this.usersApi.list(params) });

  protected readonly result = computed<Page<User> | undefined>(() => (this.users.hasValue() ? this.users.value() : undefined));
  protected readonly problem = computed(() => {
    const error = this.users.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected readonly statusMessage = computed(() => {
    if (this.users.isLoading()) return this.i18n.t('users.loading');
    const result = this.result();
    if (!result) return '';
    if (result.total === 0) return this.i18n.t(this.hasFilters() ? 'users.noneMatch' : 'users.noneYet');
    if (result.items.length === 0) return this.i18n.t('users.noneOnPage', { page: this.i18n.number(result.page) });
    const from = (result.page - 1) * result.pageSize + 1;
    const n = (value: number) => this.i18n.number(value);
    return this.i18n.t('common.showing', { from: n(from), to: n(from + result.items.length - 1), total: n(result.total) });
  });

  protected submitSearch(event: Event): void {
    event.preventDefault();
    this.applyFilters({ q: this.searchDraft() });
  }

  protected applyFilters(filters: UserFilters): void {
    const params: Record<string, string | null> = { page: null };
    if (filters.q !== undefined) params['q'] = filters.q.trim() || null;
    if (filters.role !== undefined) params['role'] = filters.role || null;
    if (filters.status !== undefined) params['status'] = filters.status || null;
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, queryParamsHandling: 'merge' });
  }

  protected clearFilters(): void {
    this.searchDraft.set('');
    this.applyFilters({ q: '', role: '', status: '' });
  }
}
