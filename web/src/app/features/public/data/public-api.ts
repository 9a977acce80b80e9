import { HttpErrorResponse } from '@angular/common/http';
import type { DepartmentRef, Page, PublicActionPlan, PublicInitiative, PublicMilestone } from '@fremdrift/contracts';

/** The anonymous open-data endpoints (see libs/contracts public.ts). */
export const PUBLIC_API = {
  initiatives: '/api/public/initiatives',
  initiative: (id: string) => `/api/public/initiatives/${encodeURIComponent(id)}`,
  actionPlans: '/api/public/action-plans',
  actionPlan: (id: string) => `/api/public/action-plans/${encodeURIComponent(id)}`,
  /** The downloads of every published initiative. */
  csv: '/api/public/initiatives.csv',
  json: '/api/public/initiatives.json',
  feed: '/api/public/feed.atom',
  planFeed: (id: string) => `/api/public/action-plans/${encodeURIComponent(id)}/feed.atom`,
  /** The DCAT-AP-DK catalog for data portals: negotiated, or as Turtle or JSON-LD. */
  catalog: '/api/public/dcat/catalog',
  catalogTurtle: '/api/public/dcat/catalog.ttl',
  catalogJsonLd: '/api/public/dcat/catalog.jsonld',
  site: '/api/public/site',
} as const;

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 404;
}

/** Reached milestones, most recent first. */
export function completedMilestones(milestones: readonly PublicMilestone[]): PublicMilestone[] {
  return milestones.filter((m) => m.completedDate).sort((a, b) => (b.completedDate ?? '').localeCompare(a.completedDate ?? ''));
}

/** The open milestone due first (undated ones last), or null. */
export function nextMilestone(milestones: readonly PublicMilestone[]): PublicMilestone | null {
  const open = milestones.filter((m) => !m.completedDate);
  open.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return open[0] ?? null;
}

export interface PublicFilters {
  q: string;
  department: string;
  goal: string;
  health: string;
  status: string;
}

/** A page of the public list, with the choices of its department filter. */
export interface PublicInitiativePage extends Page<PublicInitiative> {
  lastUpdatedAt: string | null;
  departments: DepartmentRef[];
}

/** Initiatives per page on the public pages. */
export const PUBLIC_PAGE_SIZE = 24;

/** The list's query parameters: only the filters in use, and the page when it is not the first. */
export function publicListParams(filters: Partial<PublicFilters> & { plan?: string }, page: number, pageSize = PUBLIC_PAGE_SIZE): Record<string, string> {
  const params: Record<string, string> = { pageSize: String(pageSize) };
  for (const [name, value] of Object.entries(filters)) if (value?.trim()) params[name] = value.trim();
  if (page > 1) params['page'] = String(page);
  return params;
}

export interface GoalGroup {
  id: string;
  title: string | null;
  items: PublicInitiative[];
}

export interface PlanGroup {
  id: string;
  title: string;
  goals: GoalGroup[];
}

/** Initiatives grouped by action plan, then goal; in the order they came (the API's order). */
export function groupByPlanAndGoal(items: readonly PublicInitiative[]): PlanGroup[] {
  const plans = new Map<string, PlanGroup>();
  for (const item of items) {
    let plan = plans.get(item.actionPlan.id);
    if (!plan) {
      plan = { id: item.actionPlan.id, title: item.actionPlan.title, goals: [] };
      plans.set(plan.id, plan);
    }
    const goalId = item.goal?.id ?? '';
    let goal = plan.goals.find((g) => g.id === goalId);
    if (!goal) {
      goal = { id: goalId, title: item.goal?.title ?? null, items: [] };
      plan.goals.push(goal);
    }
    goal.items.push(item);
  }
  // Initiatives without a goal come last in their plan.
  for (const plan of plans.values()) plan.goals.sort((a, b) => Number(a.title === null) - Number(b.title === null));
  return [...plans.values()];
}

export type { PublicActionPlan };
