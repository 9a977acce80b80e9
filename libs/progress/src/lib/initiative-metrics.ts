import type { Health, InitiativeStatus } from '@fremdrift/contracts';
import { computeExpectedProgress } from './expected-progress';
import { suggestHealth } from './health';
import { nextMilestone, overdueMilestones } from './overdue';
import { computeProgress } from './progress';

export interface MetricsMilestone {
  id: string;
  title: string;
  dueDate: string | null;
  completedDate: string | null;
  weight: number;
}

export interface InitiativeMetrics {
  progress: number;
  expectedProgress: number | null;
  suggestedHealth: Health;
  milestoneCount: number;
  completedMilestoneCount: number;
  overdueMilestoneCount: number;
  nextMilestone: { id: string; title: string; dueDate: string | null } | null;
}

/** Every computed figure of one initiative, from its own fields and its milestones. */
export function computeInitiativeMetrics(
  initiative: { status: InitiativeStatus; startDate: string | null; targetDate: string | null },
  milestones: readonly MetricsMilestone[],
  today: string,
): InitiativeMetrics {
  const progress = computeProgress(milestones, initiative.status);
  const expectedProgress = computeExpectedProgress(initiative.startDate, initiative.targetDate, today);
  const overdueMilestoneCount = overdueMilestones(milestones, today).length;
  const next = nextMilestone(milestones);
  return {
    progress,
    expectedProgress,
    suggestedHealth: suggestHealth({ status: initiative.status, progress, expectedProgress, overdueMilestoneCount }),
    milestoneCount: milestones.length,
    completedMilestoneCount: milestones.filter((m) => m.completedDate !== null).length,
    overdueMilestoneCount,
    nextMilestone: next ? { id: next.id, title: next.title, dueDate: next.dueDate } : null,
  };
}
