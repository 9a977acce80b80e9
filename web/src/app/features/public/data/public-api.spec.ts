import { HttpErrorResponse } from '@angular/common/http';
import { completedMilestones, groupByPlanAndGoal, isNotFound, matches, nextMilestone, type PublicFilters } from './public-api';
import { publicInitiative } from './public-initiative.fixtures';

const none: PublicFilters = { q: '', department: '', goal: '', health: '', status: '' };

describe('the public data helpers', () => {
  it('search every word in title, summary, departments and partners, ignoring case', () => {
    const initiative = publicInitiative();
    expect(matches(initiative, { ...none, q: 'SPROG flygtningehjælp' })).toBe(true);
    expect(matches(initiative, { ...none, q: 'beskæftigelse' })).toBe(true);
    expect(matches(initiative, { ...none, q: 'sprog cykel' })).toBe(false);
  });

  it('filter by lead or participating department, goal, health and status', () => {
    const initiative = publicInitiative();
    expect(matches(initiative, { ...none, department: 'MSO' })).toBe(true);
    expect(matches(initiative, { ...none, department: 'MBU' })).toBe(false);
    expect(matches(initiative, { ...none, goal: 'g2' })).toBe(false);
    expect(matches(initiative, { ...none, health: 'at_risk' })).toBe(false);
    expect(matches(initiative, { ...none, status: 'in_progress', health: 'on_track' })).toBe(true);
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
