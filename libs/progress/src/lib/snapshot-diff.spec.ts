import type { SnapshotInitiative } from '@fremdrift/contracts';
import { diffSnapshots, type SnapshotSide } from './snapshot-diff';

const PLAN = 'plan-1';
const OTHER_PLAN = 'plan-2';
const department = { id: 'd1', code: 'MSO', name: 'Sundhed og Omsorg' };

function initiative(id: string, fields: Partial<SnapshotInitiative> = {}): SnapshotInitiative {
  return {
    initiativeId: id,
    reference: null,
    title: `Initiativ ${id}`,
    actionPlanId: PLAN,
    leadDepartment: department,
    status: 'in_progress',
    health: 'on_track',
    progress: 50,
    expectedProgress: 40,
    latestPublicText: null,
    latestInternalText: null,
    milestonesCompleted: 0,
    milestonesOverdue: 0,
    delayCause: null,
    delayCauseLabels: null,
    ...fields,
  };
}

const side = (id: string | null, initiatives: SnapshotInitiative[], actionPlanId: string | null = null): SnapshotSide => ({
  id,
  name: id ?? 'Nu',
  takenAt: '2026-10-01T08:00:00.000Z',
  actionPlanId,
  initiatives,
});
const snapshot = (initiatives: SnapshotInitiative[], actionPlanId: string | null = null) => ({ ...side('s1', initiatives, actionPlanId), id: 's1' });

const EMPTY = { healthChanges: [], completedInitiatives: [], completedMilestones: [], newDelays: [], added: [], cancelled: [], removed: [] };
const ref = (id: string) => ({ initiativeId: id, reference: null, title: `Initiativ ${id}`, leadDepartment: department });

describe('diffSnapshots', () => {
  it('finds nothing between two equal states, and names both sides', () => {
    const state = [initiative('a'), initiative('b', { health: 'at_risk' })];
    expect(diffSnapshots(snapshot(state), side(null, state))).toEqual({
      from: { id: 's1', name: 's1', takenAt: '2026-10-01T08:00:00.000Z' },
      to: { id: null, name: 'Nu', takenAt: '2026-10-01T08:00:00.000Z' },
      ...EMPTY,
    });
  });

  it('calls a change of health better or worse by on track > at risk > off track', () => {
    const diff = diffSnapshots(
      snapshot([initiative('a', { health: 'off_track' }), initiative('b', { health: 'at_risk' }), initiative('c', { health: 'at_risk' })]),
      side('s2', [initiative('a', { health: 'at_risk' }), initiative('b', { health: 'off_track' }), initiative('c', { health: 'on_track' })]),
    );
    expect(diff.healthChanges).toEqual([
      { ...ref('a'), before: 'off_track', after: 'at_risk', direction: 'better' },
      { ...ref('b'), before: 'at_risk', after: 'off_track', direction: 'worse' },
      { ...ref('c'), before: 'at_risk', after: 'on_track', direction: 'better' },
    ]);
    expect(diff.newDelays).toEqual([]);
  });

  it('counts a drop from on track, or from no health, as a new delay with its cause; a drop from at risk to off track is not new', () => {
    const labels = { da: 'Mangel på ressourcer', en: 'Lack of resources' };
    const diff = diffSnapshots(
      snapshot([initiative('a'), initiative('b', { health: null }), initiative('c', { health: 'at_risk' })]),
      side(null, [
        initiative('a', { health: 'off_track', delayCause: labels.da, delayCauseLabels: labels }),
        initiative('b', { health: 'at_risk' }),
        initiative('c', { health: 'off_track' }),
      ]),
    );
    expect(diff.newDelays).toEqual([
      { ...ref('a'), health: 'off_track', delayCause: labels.da, delayCauseLabels: labels },
      { ...ref('b'), health: 'at_risk', delayCause: null, delayCauseLabels: null },
    ]);
    expect(diff.healthChanges.map((change) => [change.initiativeId, change.direction])).toEqual([
      ['a', 'worse'],
      ['c', 'worse'],
    ]);
  });

  it('lists initiatives completed or cancelled since, not those that already were', () => {
    const diff = diffSnapshots(
      snapshot([initiative('a'), initiative('b'), initiative('c', { status: 'completed' }), initiative('d', { status: 'cancelled' })]),
      side(null, [
        initiative('a', { status: 'completed' }),
        initiative('b', { status: 'cancelled' }),
        initiative('c', { status: 'completed' }),
        initiative('d', { status: 'cancelled' }),
      ]),
    );
    expect(diff.completedInitiatives).toEqual([ref('a')]);
    expect(diff.cancelled).toEqual([ref('b')]);
  });

  it('counts milestones completed since, and nothing when fewer are completed', () => {
    const diff = diffSnapshots(
      snapshot([initiative('a', { milestonesCompleted: 1 }), initiative('b', { milestonesCompleted: 2 })]),
      side(null, [initiative('a', { milestonesCompleted: 3 }), initiative('b', { milestonesCompleted: 1 })]),
    );
    expect(diff.completedMilestones).toEqual([{ ...ref('a'), count: 2 }]);
  });

  it('lists added and removed initiatives; an added one only counts further as a new delay', () => {
    const diff = diffSnapshots(
      snapshot([initiative('a'), initiative('gone')]),
      side(null, [
        initiative('a'),
        initiative('new', { status: 'completed', milestonesCompleted: 4 }),
        initiative('late', { health: 'at_risk', status: 'cancelled' }),
      ]),
    );
    expect(diff).toMatchObject({
      ...EMPTY,
      added: [ref('late'), ref('new')],
      removed: [ref('gone')],
      newDelays: [{ ...ref('late'), health: 'at_risk' }],
    });
  });

  it('compares only the plan of the side that covers one plan', () => {
    const other = initiative('x', { actionPlanId: OTHER_PLAN });
    const everything = [initiative('a'), other];
    expect(diffSnapshots(snapshot([initiative('a')], PLAN), side(null, everything))).toMatchObject(EMPTY);
    expect(diffSnapshots(snapshot(everything), side(null, [initiative('a')], PLAN))).toMatchObject(EMPTY);
    expect(diffSnapshots(snapshot([initiative('a')]), side(null, everything)).added).toEqual([ref('x')]);
  });

  it('sorts each list by title in Danish order', () => {
    const diff = diffSnapshots(
      snapshot([]),
      side(null, [initiative('1', { title: 'Åben café' }), initiative('2', { title: 'Ørestad' }), initiative('3', { title: 'Zoneterapi' })]),
    );
    expect(diff.added.map((added) => added.title)).toEqual(['Zoneterapi', 'Ørestad', 'Åben café']);
  });
});
