import type { SnapshotDiff } from '@fremdrift/contracts';

/** How many of each kind of change a diff holds, in the order they are told. */
export interface DiffCounts {
  worse: number;
  better: number;
  newDelays: number;
  completedInitiatives: number;
  completedMilestones: number;
  added: number;
  cancelled: number;
  removed: number;
}

export const DIFF_COUNT_KEYS: readonly (keyof DiffCounts)[] = [
  'worse',
  'better',
  'newDelays',
  'completedInitiatives',
  'completedMilestones',
  'added',
  'cancelled',
  'removed',
];

export function diffCounts(diff: SnapshotDiff): DiffCounts {
  return {
    worse: diff.healthChanges.filter((change) => change.direction === 'worse').length,
    better: diff.healthChanges.filter((change) => change.direction === 'better').length,
    newDelays: diff.newDelays.length,
    completedInitiatives: diff.completedInitiatives.length,
    completedMilestones: diff.completedMilestones.reduce((sum, row) => sum + row.count, 0),
    added: diff.added.length,
    cancelled: diff.cancelled.length,
    removed: diff.removed.length,
  };
}

export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return DIFF_COUNT_KEYS.every((key) => diffCounts(diff)[key] === 0);
}
