import { HttpErrorResponse } from '@angular/common/http';
import { completedMilestones, groupByPlanAndGoal, isNotFound, nextMilestone, publicListParams } from './public-api';
import { publicInitiative } from './public-initiative.fixtures';

describe('the public data helpers', () => {
  it('send only the filters in use, and the page when it is not the first', () => {
    expect(publicListParams({ q: ' sprog ', department: '', health: 'at_risk' }, 1)).toEqual({ pageSize: '24', q: 'sprog', health: 'at_risk' });
    expect(publicListParams({ plan: 'p1' }, 3, 100)).toEqual({ pageSize: '100', plan: 'p1', page: '3' });
  });

  it('group by plan, then goal, with initiatives without a goal last', () => {
    const groups = groupByPlanAndGoal([
      publicInitiative({ id: 'a', goal: null }),
      publicInitiative({ id: 'b' }),
      publicInitiative({ id: 'c', actionPlan: { id: 'p2', title: 'Anden plan' } }),
    ]);
    expect(groups.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(groups[0].goals.map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ['Sprog og netværk', ['b']],
      [null, ['a']],
    ]);
  });

  it('find the reached milestones and the next one', () => {
    const { milestones } = publicInitiative();
    expect(completedMilestones(milestones).map((m) => m.title)).toEqual(['Lokaler fundet']);
    expect(nextMilestone(milestones)?.title).toBe('Første café');
    expect(nextMilestone([])).toBeNull();
  });

  it('tell a 404 from other errors', () => {
    expect(isNotFound(new HttpErrorResponse({ status: 404 }))).toBe(true);
    expect(isNotFound(new HttpErrorResponse({ status: 500 }))).toBe(false);
  });
});
