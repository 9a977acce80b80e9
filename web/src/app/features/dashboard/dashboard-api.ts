import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type ActionPlan, type Dashboard, type DashboardQuery, type InitiativeSummary, type Page } from '@fremdrift/contracts';
import { forkJoin, map, of, switchMap, type Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Who a manual reminder went to, and who had already had one today. */
export interface ManualReminderResult {
  sentTo: { id: string; name: string; email: string }[];
  alreadyRemindedToday: { id: string; name: string; email: string }[];
}

/** The tables of a view that the API exports one at a time as CSV. */
export const CSV_TABLES = ['headline', 'departments', 'healthOverTime', 'milestones', 'compliance'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const DASHBOARD_URL = '/api/dashboard';
export const DASHBOARD_EVENTS_URL = `${DASHBOARD_URL}/events`;

/** A query string of the filters that are set, with a leading `?` (or nothing). */
function queryString(query: Readonly<Record<string, string | undefined>>): string {
  const text = toHttpParams(query).toString();
  return text ? `?${text}` : '';
}

/** Data access for the management dashboard: `/api/dashboard` and the filters' choices. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  /** Everything one view shows, in one request. */
  view(query: DashboardQuery): Observable<Dashboard> {
    return this.http.get<Dashboard>(DASHBOARD_URL, { params: toHttpParams({ ...query }) });
  }

  /** All action plans with their goals; a municipality has a handful. */
  actionPlans(): Observable<Page<ActionPlan>> {
    return this.http.get<Page<ActionPlan>>('/api/action-plans', { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }) });
  }

  /**
   * Every initiative of a view (plan, goal, department; the period does not apply), sorted by
   * title: the first page, then the rest at once.
   */
  initiatives(query: DashboardQuery): Observable<InitiativeSummary[]> {
    const { from: _from, to: _to, ...filters } = query;
    const pageSize = LIMITS.pageSize.max;
    const fetch = (page: number) =>
      this.http.get<Page<InitiativeSummary>>('/api/initiatives', { params: toHttpParams({ ...filters, sort: 'title', direction: 'asc', page, pageSize }) });
    return fetch(1).pipe(
      switchMap((first) => {
        const pages = Math.ceil(first.total / pageSize);
        if (pages <= 1) return of(first.items);
        const rest = Array.from({ length: pages - 1 }, (_, i) => fetch(i + 2));
        return forkJoin(rest).pipe(map((more) => [...first.items, ...more.flatMap((page) => page.items)]));
      }),
    );
  }

  /** Management's reminder to the leads of an initiative that has not reported (at most one a day per lead). */
  remind(initiativeId: string): Observable<ManualReminderResult> {
    return this.http.post<ManualReminderResult>(`/api/reminders/initiatives/${encodeURIComponent(initiativeId)}`, {});
  }

  /** The view as an Excel workbook (a download: the browser sends the session cookie itself). */
  xlsxUrl(query: DashboardQuery): string {
    return `${DASHBOARD_URL}/export.xlsx${queryString({ ...query })}`;
  }

  /** One table of the view as CSV. */
  csvUrl(table: CsvTable, query: DashboardQuery): string {
    return `${DASHBOARD_URL}/export.csv${queryString({ table, ...query })}`;
  }
}
