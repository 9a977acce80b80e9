import type { PublicActionPlan, PublicInitiative } from '@fremdrift/contracts';
import { computeExpectedProgress, computeProgress } from '@fremdrift/progress';
import type { PublicPlanRow, PublishedData } from './public.repository';

const groupBy = <T extends { initiativeId: string }>(rows: T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.initiativeId);
    if (group) group.push(row);
    else groups.set(row.initiativeId, [row]);
  }
  return groups;
};

/** Published rows as the public sees them, in the order they came; `today` decides the expected progress. */
export function toPublicInitiatives(data: PublishedData, today: string): PublicInitiative[] {
  const participants = groupBy(data.participants);
  const milestones = groupBy(data.milestones);
  const updates = groupBy(data.updates);
  const partners = groupBy(data.partners);
  return data.initiatives.map((row): PublicInitiative => {
    const own = milestones.get(row.id) ?? [];
    return {
      id: row.id,
      title: row.title,
      summary: row.publicSummary || row.summary,
      actionPlan: { id: row.planId, title: row.planTitle },
      goal: row.goalId && row.goalTitle ? { id: row.goalId, title: row.goalTitle } : null,
      leadDepartment: row.leadDepartment,
      participatingDepartments: (participants.get(row.id) ?? []).map((p) => p.department),
      status: row.status,
      health: row.health,
      progress: computeProgress(own, row.status),
      expectedProgress: computeExpectedProgress(row.startDate, row.targetDate, today),
      startDate: row.startDate,
      targetDate: row.targetDate,
      milestones: own.map(({ title, dueDate, completedDate }) => ({ title, dueDate, completedDate })),
      updates: (updates.get(row.id) ?? []).map(({ periodStart, periodEnd, health, text, publishedAt }) => ({
        periodStart,
        periodEnd,
        health,
        text,
        publishedAt: new Date(publishedAt).toISOString(),
      })),
      partners: (partners.get(row.id) ?? []).map(({ name, type, role }) => ({ name, type, role })),
      lastUpdatedAt: new Date(row.updatedAt).toISOString(),
    };
  });
}

/** When the newest of `initiatives` last changed; null for none. */
export const newestChange = (initiatives: readonly PublicInitiative[]) =>
  initiatives.reduce<string | null>((latest, i) => (latest === null || i.lastUpdatedAt > latest ? i.lastUpdatedAt : latest), null);

export function toPublicPlan(plan: PublicPlanRow): PublicActionPlan {
  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    coCreationDate: plan.coCreationDate,
    coCreationMethod: plan.coCreationMethod,
    participants: { citizens: plan.citizens, volunteers: plan.volunteers, companies: plan.companies, civilSociety: plan.civilSociety, staff: plan.staff },
    goals: plan.goals,
    initiativeIds: plan.initiativeIds,
  };
}
