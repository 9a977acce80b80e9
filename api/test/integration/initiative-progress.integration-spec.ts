import { type Factories } from '../support/factories';
import { initiativeWriter, TODAY, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * The figures an initiative carries, on a fixed "today": progress as the weighted share of completed milestones,
 * overdue and next milestones, and the expected progress of its schedule.
 */
describe('Initiatives API: progress and schedule figures', () => {
  let t: TestApp;
  let make: Factories;
  const { patch } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));

  describe('progress and schedule figures', () => {
    it('reports progress as the weighted share of completed milestones, in the detail and the list', async () => {
      const { initiative } = await make.world();
      await patch(initiative.id, { status: 'in_progress' });
      await make.milestone(initiative.id, { weight: 1 });
      await make.milestone(initiative.id, { weight: 3, completedDate: '2026-05-01' });
      await make.milestone(initiative.id, { weight: 6, completedDate: '2026-06-01' });

      const detail = await t.get(`/api/initiatives/${initiative.id}`);
      expect(detail.body.progress).toBeCloseTo(0.9, 10);
      expect(detail.body).toMatchObject({ milestoneCount: 3, completedMilestoneCount: 2 });
      expect((await t.get('/api/initiatives')).body.items[0].progress).toBeCloseTo(0.9, 10);
    });

    it('counts each milestone the same when every weight is zero, and a completed initiative as done', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { weight: 0, completedDate: '2026-05-01' });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.progress).toBeCloseTo(0.25, 10);
      expect((await patch(initiative.id, { status: 'completed', openMilestones: 'keep' })).body.progress).toBe(1);
    });

    it('counts open milestones past their due date as overdue, and names the next open milestone', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { title: 'Forsinket', dueDate: '2026-06-30' });
      await make.milestone(initiative.id, { title: 'Også forsinket', dueDate: '2026-01-15' });
      await make.milestone(initiative.id, { title: 'Nået', dueDate: '2026-02-01', completedDate: '2026-02-10' });
      await make.milestone(initiative.id, { title: 'I dag', dueDate: TODAY });
      const later = await make.milestone(initiative.id, { title: 'Senere', dueDate: '2026-12-01' });

      const detail = await t.get(`/api/initiatives/${initiative.id}`);
      expect(detail.body).toMatchObject({ overdueMilestoneCount: 2, milestoneCount: 5, completedMilestoneCount: 1 });
      expect(detail.body.nextMilestone).toEqual({ id: expect.any(String), title: 'Også forsinket', dueDate: '2026-01-15' });
      expect((await t.get('/api/initiatives')).body.items[0].overdueMilestoneCount).toBe(2);
      expect(later.overdue).toBe(false);
    });

    it.each([
      ['before the start', '2026-08-01', '2026-12-31', 0],
      ['half way', '2026-01-01', '2026-12-31', 0.5],
      ['on the target date', '2026-01-01', TODAY, 1],
      ['after the target date', '2025-01-01', '2026-01-01', 1],
    ])('reports the expected progress %s of the schedule', async (_, startDate, targetDate, expected) => {
      const { plan, department } = await make.world();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { startDate, targetDate });
      expect(created.expectedProgress).toBeCloseTo(expected, 10);
      expect(created.expectedProgress).toBeGreaterThanOrEqual(0);
      expect(created.expectedProgress).toBeLessThanOrEqual(1);
    });

    it('reports no expected progress without both a start and a target date', async () => {
      const { plan, department } = await make.world();
      const refs = { actionPlanId: plan.id, leadDepartmentId: department.id };
      expect((await make.initiative(refs, { startDate: '2026-01-01' })).expectedProgress).toBeNull();
      expect((await make.initiative(refs, { targetDate: '2026-12-31' })).expectedProgress).toBeNull();
    });
  });
});
