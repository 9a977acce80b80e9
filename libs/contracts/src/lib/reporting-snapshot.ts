import type { DepartmentRef } from './department';
import type { Health, InitiativeStatus } from './initiative';

/** "Status pr. <date>": the state of every initiative, frozen when management reports to the council. */
export interface ReportingSnapshotSummary {
  id: string;
  name: string;
  /** When it was frozen (ISO 8601). */
  takenAt: string;
  takenBy: string;
  /** The plan it covers; null for every plan. */
  actionPlanId: string | null;
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
  /** 0–100. */
  progress: number;
  expectedProgress: number | null;
  latestPublicText: string | null;
  latestInternalText: string | null;
  milestonesCompleted: number;
  milestonesOverdue: number;
  /** The delay cause of the latest update that gave one, when the initiative is at risk or off track. */
  delayCause: string | null;
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
 * or cancelled.
 */
export interface SnapshotDiff {
  from: { id: string; name: string; takenAt: string };
  to: { id: string | null; name: string; takenAt: string };
  healthChanges: (SnapshotDiffInitiativeRef & { before: Health | null; after: Health | null; direction: 'better' | 'worse' })[];
  completedInitiatives: SnapshotDiffInitiativeRef[];
  completedMilestones: (SnapshotDiffInitiativeRef & { count: number })[];
  newDelays: (SnapshotDiffInitiativeRef & { health: Health; delayCause: string | null })[];
  added: SnapshotDiffInitiativeRef[];
  cancelled: SnapshotDiffInitiativeRef[];
}
