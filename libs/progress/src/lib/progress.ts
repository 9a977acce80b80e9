import type { InitiativeStatus } from '@fremdrift/contracts';

export interface MilestoneProgressInput {
  weight: number;
  completedDate: string | null;
}

/**
 * Progress of an initiative without milestones to measure by. Work that has started counts as
 * half done until milestones say otherwise; nothing is lost by pausing it.
 */
export const PROGRESS_BY_STATUS: Record<InitiativeStatus, number> = {
  idea: 0,
  planned: 0,
  in_progress: 0.5,
  on_hold: 0.5,
  completed: 1,
  cancelled: 0,
};

/**
 * Progress from 0 to 1: the weighted share of completed milestones.
 * - A completed initiative is done, whatever its milestones say.
 * - Without milestones, progress follows the status (PROGRESS_BY_STATUS).
 * - When every weight is zero, each milestone counts the same.
 */
export function computeProgress(milestones: readonly MilestoneProgressInput[], status: InitiativeStatus): number {
  if (status === 'completed') return 1;
  if (milestones.length === 0) return PROGRESS_BY_STATUS[status];
  const totalWeight = sum(milestones.map((m) => Math.max(0, m.weight)));
  if (totalWeight === 0) {
    return milestones.filter((m) => m.completedDate !== null).length / milestones.length;
  }
  const doneWeight = sum(milestones.filter((m) => m.completedDate !== null).map((m) => Math.max(0, m.weight)));
  return doneWeight / totalWeight;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
