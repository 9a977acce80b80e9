import type { DepartmentRef } from './department';
import type { Health, InitiativeStatus } from './initiative';

/** A snapshot's name: "Status pr. 1. december 2026". */
export const SNAPSHOT_NAME_LIMITS = { min: 3, max: 120 } as const;

/** `?to=now` in a diff: compare with the current state, computed the way a snapshot is frozen but not stored. */
export const SNAPSHOT_NOW = 'now';

/** A delay cause's label in both languages, frozen with the snapshot. */
export interface SnapshotDelayCauseLabels {
  da: string;
  en: string;
}

/** "Status pr. <date>": the state of every initiative, frozen when management reports to the council. */
export interface ReportingSnapshotSummary {
  id: string;
  name: string;
  /** When it was frozen (ISO 8601). */
  takenAt: string;
  takenBy: string;
  /** The plan it covers; null for every plan. */
  actionPlanId: string | null;
  /** The plan's title when the snapshot was frozen; null for every plan. */
  actionPlanTitle: string | null;
  initiativeCount: number;
}

/** One initiative as it was when the snapshot was frozen. */
export interface SnapshotInitiative {
  initiativeId: string;
  reference: string | null;
  title: string;
  actionPlanId: string;
  leadDepartment: DepartmentRef;
  status: InitiativeStatus;
  health: Health | null;
  /** 0–100 (two decimals), from the same rule as the initiative's progress. */
  progress: number;
  /** 0–100 (two decimals) by the initiative's dates on the day it was frozen; null without both dates. */
  expectedProgress: number | null;
  /** The latest approved public text of a status update. */
  latestPublicText: string | null;
  /** The narrative of the latest status update (staff only). */
  latestInternalText: string | null;
  milestonesCompleted: number;
  milestonesOverdue: number;
  /** The delay cause of the latest update that gave one, when the initiative is at risk or off track. */
  delayCause: string | null;
  /** The same cause in both languages (`delayCause` is the Danish one). */
  delayCauseLabels: SnapshotDelayCauseLabels | null;
}

export interface ReportingSnapshot extends ReportingSnapshotSummary {
  initiatives: SnapshotInitiative[];
}

export interface CreateReportingSnapshotRequest {
  name: string;
  actionPlanId: string | null;
}

export interface SnapshotDiffInitiativeRef {
  initiativeId: string;
  reference: string | null;
  title: string;
  leadDepartment: DepartmentRef;
}

/**
 * What changed between two snapshots, or between a snapshot and now (`to.id` null): health better
 * or worse, initiatives and milestones completed, new delays with their causes, initiatives added
 * or cancelled. When one side covers one plan and the other every plan, the diff covers that plan.
 * Each list is sorted by title (Danish collation). The rules: `diffSnapshots` in libs/progress.
 */
export interface SnapshotDiff {
  from: { id: string; name: string; takenAt: string };
  to: { id: string | null; name: string; takenAt: string };
  healthChanges: (SnapshotDiffInitiativeRef & { before: Health | null; after: Health | null; direction: 'better' | 'worse' })[];
  completedInitiatives: SnapshotDiffInitiativeRef[];
  completedMilestones: (SnapshotDiffInitiativeRef & { count: number })[];
  newDelays: (SnapshotDiffInitiativeRef & { health: Health; delayCause: string | null; delayCauseLabels: SnapshotDelayCauseLabels | null })[];
  added: SnapshotDiffInitiativeRef[];
  cancelled: SnapshotDiffInitiativeRef[];
  /** Initiatives deleted since `from` (not cancelled: gone). */
  removed: SnapshotDiffInitiativeRef[];
}
