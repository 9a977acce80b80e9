import { computeInitiativeMetrics } from './initiative-metrics';

describe('computeInitiativeMetrics', () => {
  it('combines progress, schedule, overdue count and the next milestone', () => {
    const metrics = computeInitiativeMetrics(
      { status: 'in_progress', startDate: '2026-01-01', targetDate: '2026-12-31' },
      [
        { id: 'a', title: 'Kick-off', dueDate: '2026-02-01', completedDate: '2026-02-03', weight: 1 },
        { id: 'b', title: 'Pilot', dueDate: '2026-06-01', completedDate: null, weight: 2 },
        { id: 'c', title: 'Evaluering', dueDate: '2026-12-01', completedDate: null, weight: 1 },
      ],
      '2026-11-23',
    );
    expect(metrics).toMatchObject({
      progress: 0.25,
      suggestedHealth: 'off_track',
      milestoneCount: 3,
      completedMilestoneCount: 1,
      overdueMilestoneCount: 1,
      nextMilestone: { id: 'b', title: 'Pilot', dueDate: '2026-06-01' },
    });
    expect(metrics.expectedProgress).toBeCloseTo(326 / 364, 5);
  });
});
