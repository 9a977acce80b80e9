import type { Health, SnapshotDiff, SnapshotDiffInitiativeRef, SnapshotInitiative } from '@fremdrift/contracts';
import { isHealthDrop } from './health';

/** One side of a diff: a frozen snapshot, or the current state (`id` null). */
export interface SnapshotSide {
  id: string | null;
  name: string;
  takenAt: string;
  /** The plan it covers; null for every plan. */
  actionPlanId: string | null;
  initiatives: readonly SnapshotInitiative[];
}

const DELAYED: readonly Health[] = ['at_risk', 'off_track'];

/** Whether a health counts as delayed: at risk or off track. */
export const isDelayed = (health: Health | null): health is Health => health !== null && DELAYED.includes(health);

const refOf = (initiative: SnapshotInitiative): SnapshotDiffInitiativeRef => ({
  initiativeId: initiative.initiativeId,
  reference: initiative.reference,
  title: initiative.title,
  leadDepartment: initiative.leadDepartment,
});

const byTitle = <T extends SnapshotDiffInitiativeRef>(items: T[]): T[] =>
  items.sort((a, b) => a.title.localeCompare(b.title, 'da') || a.initiativeId.localeCompare(b.initiativeId));

/**
 * What changed from one snapshot to another (or to now). Initiatives are matched by id.
 * - Scope: when one side covers one plan and the other every plan, only that plan is compared.
 * - Health changes: both sides have a health and they differ; better or worse by the order
 *   on track > at risk > off track.
 * - Completed initiatives: completed now, not before. Cancelled: cancelled now, not before.
 * - Completed milestones: the increase in the number of completed milestones.
 * - New delays: at risk or off track now, on track or without health before (an added initiative
 *   counts as without health), with the cause the latest update gave.
 * - Added: only in `to`; removed: only in `from` (deleted since). An added initiative appears in
 *   no other list but new delays.
 */
export function diffSnapshots(from: SnapshotSide & { id: string }, to: SnapshotSide): SnapshotDiff {
  const plan = from.actionPlanId ?? to.actionPlanId;
  const inScope = (initiative: SnapshotInitiative) => plan === null || initiative.actionPlanId === plan;
  const before = new Map(from.initiatives.filter(inScope).map((initiative) => [initiative.initiativeId, initiative]));
  const after = to.initiatives.filter(inScope);
  const afterIds = new Set(after.map((initiative) => initiative.initiativeId));

  const diff: SnapshotDiff = {
    from: { id: from.id, name: from.name, takenAt: from.takenAt },
    to: { id: to.id, name: to.name, takenAt: to.takenAt },
    healthChanges: [],
    completedInitiatives: [],
    completedMilestones: [],
    newDelays: [],
    added: [],
    cancelled: [],
    removed: [],
  };

  for (const now of after) {
    const then = before.get(now.initiativeId);
    const ref = refOf(now);
    if (isDelayed(now.health) && (then === undefined || then.health === null || then.health === 'on_track')) {
      diff.newDelays.push({ ...ref, health: now.health, delayCause: now.delayCause, delayCauseLabels: now.delayCauseLabels });
    }
    if (then === undefined) {
      diff.added.push(ref);
      continue;
    }
    if (then.health !== null && now.health !== null && then.health !== now.health) {
      diff.healthChanges.push({ ...ref, before: then.health, after: now.health, direction: isHealthDrop(then.health, now.health) ? 'worse' : 'better' });
    }
    if (now.status === 'completed' && then.status !== 'completed') diff.completedInitiatives.push(ref);
    if (now.status === 'cancelled' && then.status !== 'cancelled') diff.cancelled.push(ref);
    const milestones = now.milestonesCompleted - then.milestonesCompleted;
    if (milestones > 0) diff.completedMilestones.push({ ...ref, count: milestones });
  }
  for (const then of before.values()) if (!afterIds.has(then.initiativeId)) diff.removed.push(refOf(then));

  byTitle(diff.healthChanges);
  byTitle(diff.completedInitiatives);
  byTitle(diff.completedMilestones);
  byTitle(diff.newDelays);
  byTitle(diff.added);
  byTitle(diff.cancelled);
  byTitle(diff.removed);
  return diff;
}
