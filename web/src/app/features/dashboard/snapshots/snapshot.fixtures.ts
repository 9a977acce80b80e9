import type { SnapshotDiff } from '@fremdrift/contracts';

/** An initiative named in a diff. */
export const diffRef = (id: string, title: string, code = 'MSO', name = 'Sundhed og Omsorg') => ({
  initiativeId: id,
  reference: null,
  title,
  leadDepartment: { id: `d-${code}`, code, name },
});

/** A diff from "Status pr. 1. dec. 2026" to now with no changes; overrides add some. */
export function diffFixture(overrides: Partial<SnapshotDiff> = {}): SnapshotDiff {
  return {
    from: { id: 's1', name: 'Status pr. 1. dec. 2026', takenAt: '2026-12-01T09:00:00.000Z' },
    to: { id: null, name: 'Nu', takenAt: '2026-12-04T12:00:00.000Z' },
    healthChanges: [],
    completedInitiatives: [],
    completedMilestones: [],
    newDelays: [],
    added: [],
    cancelled: [],
    removed: [],
    ...overrides,
  };
}
