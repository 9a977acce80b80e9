import { computed, type Signal } from '@angular/core';
import type { Params } from '@angular/router';
import { DEPARTMENT_ROLES, ISO_DATE_PATTERN, type DashboardQuery, type DepartmentRole, type Health } from '@fremdrift/contracts';

/** The filters of a view as the page holds them: '' when not set. They live in the URL query. */
export interface DashboardFilters {
  actionPlanId: string;
  goalId: string;
  department: string;
  departmentRole: DepartmentRole;
  from: string;
  to: string;
}

export type RawFilters = Partial<Record<keyof DashboardFilters, string | null | undefined>>;

export const NO_FILTERS: DashboardFilters = { actionPlanId: '', goalId: '', department: '', departmentRole: 'any', from: '', to: '' };

const clean = (value: string | null | undefined) => (value ?? '').trim();

/** A real calendar date `YYYY-MM-DD`, or ''. */
function isoDate(value: string | null | undefined): string {
  const text = clean(value);
  if (!ISO_DATE_PATTERN.test(text)) return '';
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : '';
}

const isRole = (value: string): value is DepartmentRole => (DEPARTMENT_ROLES as readonly string[]).includes(value);

/** A page's filters from its query-parameter inputs, changing only when a filter's value does. */
export function filtersFromInputs(inputs: { [K in keyof DashboardFilters]: Signal<string | undefined> }): Signal<DashboardFilters> {
  return computed(
    () =>
      parseFilters({
        actionPlanId: inputs.actionPlanId(),
        goalId: inputs.goalId(),
        department: inputs.department(),
        departmentRole: inputs.departmentRole(),
        from: inputs.from(),
        to: inputs.to(),
      }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
}

/** The filters from the URL's query parameters; what cannot be a filter value is left out. */
export function parseFilters(raw: RawFilters): DashboardFilters {
  const role = clean(raw.departmentRole);
  const department = clean(raw.department);
  return {
    actionPlanId: clean(raw.actionPlanId),
    goalId: clean(raw.goalId),
    department,
    departmentRole: department && isRole(role) ? role : 'any',
    from: isoDate(raw.from),
    to: isoDate(raw.to),
  };
}

/** From after to: the period cannot be shown. */
export function periodInvalid(filters: Pick<DashboardFilters, 'from' | 'to'>): boolean {
  return filters.from !== '' && filters.to !== '' && filters.from > filters.to;
}

export function hasFilters(filters: DashboardFilters): boolean {
  return Object.values(toQuery(filters)).length > 0;
}

/** The API query of a view: only what is set. */
export function toQuery(filters: DashboardFilters): DashboardQuery {
  const query: DashboardQuery = {};
  if (filters.actionPlanId) query.actionPlanId = filters.actionPlanId;
  if (filters.goalId) query.goalId = filters.goalId;
  if (filters.department) {
    query.department = filters.department;
    if (filters.departmentRole !== 'any') query.departmentRole = filters.departmentRole;
  }
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** The URL's query parameters of a view: null removes a parameter, so the URL stays short. */
export function toQueryParams(filters: DashboardFilters): Params {
  const query = toQuery(filters);
  return {
    actionPlanId: query.actionPlanId ?? null,
    goalId: query.goalId ?? null,
    department: query.department ?? null,
    departmentRole: query.departmentRole ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}

/** What a click on a chart or a table cell narrows the initiative list to. */
export interface DrillDown {
  /** Department code (or id). */
  department?: string;
  departmentRole?: Exclude<DepartmentRole, 'any'>;
  health?: Health;
}

/**
 * The query of the initiative list (`/initiativer`) behind a figure: the view's own filters (action
 * plan, goal, department) narrowed by what was clicked. The period does not apply to a list of
 * initiatives as they are now.
 */
export function drillDownParams(filters: DashboardFilters, drill: DrillDown = {}): Params {
  const { from: _from, to: _to, ...query } = toQuery(filters);
  const params: Params = { ...query };
  if (drill.department) {
    params['department'] = drill.department;
    if (drill.departmentRole) params['departmentRole'] = drill.departmentRole;
    else delete params['departmentRole'];
  }
  if (drill.health) params['health'] = drill.health;
  return params;
}

export const INITIATIVE_LIST_PATH = '/initiativer';
