import { HttpErrorResponse } from '@angular/common/http';
import type { PublicActionPlan, PublicInitiative, PublicMilestone } from '@fremdrift/contracts';

/** The anonymous open-data endpoints (see libs/contracts public.ts). */
export const PUBLIC_API = {
  initiatives: '/api/public/initiatives',
  initiative: (id: string) => `/api/public/initiatives/${encodeURIComponent(id)}`,
  actionPlans: '/api/public/action-plans',
  actionPlan: (id: string) => `/api/public/action-plans/${encodeURIComponent(id)}`,
  csv: '/api/public/initiatives.csv',
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

/** Case- and accent-insensitive text for search. */
function fold(text: string): string {
  return text.toLocaleLowerCase('da').normalize('NFKD');
}

export function matches(initiative: PublicInitiative, filters: PublicFilters): boolean {
  if (
    filters.department &&
    initiative.leadDepartment.code !== filters.department &&
    !initiative.participatingDepartments.some((d) => d.code === filters.department)
  )
    return false;
  if (filters.goal && initiative.goal?.id !== filters.goal) return false;
  if (filters.health && initiative.health !== filters.health) return false;
  if (filters.status && initiative.status !== filters.status) return false;
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      initiative.title,
      initiative.summary,
      initiative.actionPlan.title,
      initiative.goal?.title ?? '',
      initiative.leadDepartment.name,
      initiative.leadDepartment.code,
      ...initiative.participatingDepartments.map((d) => d.name),
      ...initiative.partners.map((p) => p.name),
    ].join(' '),
  );
  return words.every((word) => haystack.includes(word));
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
