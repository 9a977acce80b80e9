export interface MilestoneDueInput {
  dueDate: string | null;
  completedDate: string | null;
}

/** A milestone is overdue when it is not completed and its due date has passed. */
export function isMilestoneOverdue(milestone: MilestoneDueInput, today: string): boolean {
  return milestone.completedDate === null && milestone.dueDate !== null && milestone.dueDate < today;
}

export function overdueMilestones<T extends MilestoneDueInput>(milestones: readonly T[], today: string): T[] {
  return milestones.filter((m) => isMilestoneOverdue(m, today));
}

/** The first open milestone by due date (undated ones last), or null when all are done. */
export function nextMilestone<T extends MilestoneDueInput>(milestones: readonly T[]): T | null {
  const open = milestones.filter((m) => m.completedDate === null);
  open.sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31'));
  return open[0] ?? null;
}
