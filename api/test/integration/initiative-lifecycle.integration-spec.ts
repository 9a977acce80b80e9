import { LIMITS } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { type Factories } from '../support/factories';
import { initiativeWriter, setting, TODAY, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

const REASON = 'Lagt sammen med kommunens fælles praktikordning.';

/**
 * An initiative's lifecycle: cancelling needs a reason, which leaving `cancelled` clears, and
 * completing with open milestones needs a decision about them, carried out in the same transaction.
 */
describe('Initiatives API: lifecycle', () => {
  let t: TestApp;
  let make: Factories;
  const { patch } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));

  const get = async (id: string) => (await t.get(`/api/initiatives/${id}`)).body;
  const milestonesOf = async (id: string) => (await t.get(`/api/initiatives/${id}/milestones?pageSize=100`)).body.items as { completedDate: string | null }[];
  const historyOf = async (id: string) => (await t.get(`/api/initiatives/${id}/history?pageSize=100`)).body.items;

  describe('cancelling', () => {
    it('refuses cancelling without a reason with 400 on cancellationReason, and changes nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const refused = await patch(initiative.id, { status: 'cancelled' });
      expectInvalidFields(refused, ['cancellationReason']);
      expect(fieldCodes(refused)).toEqual({ cancellationReason: ['cancellationReason'] });
      expect(refused.body.errors.cancellationReason[0].params).toEqual({ min: LIMITS.cancellationReason.min, max: LIMITS.cancellationReason.max });
      expect(await t.rowCounts()).toEqual(before);
      expect(await get(initiative.id)).toEqual(initiative);
    });

    it('refuses a reason that is too short once trimmed', async () => {
      const { initiative } = await make.world();
      const refused = await patch(initiative.id, { status: 'cancelled', cancellationReason: `   ${'x'.repeat(LIMITS.cancellationReason.min - 1)}   ` });
      expect(fieldCodes(refused)).toEqual({ cancellationReason: ['cancellationReason'] });
      expect((await get(initiative.id)).status).toBe('planned');
    });

    it('cancels with a reason, stores it trimmed and shows it on the initiative and in its history', async () => {
      const { initiative } = await make.world();
      const cancelled = await patch(initiative.id, { status: 'cancelled', cancellationReason: `  ${REASON} ` });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: REASON, version: initiative.version + 1 });
      expect(await get(initiative.id)).toEqual(cancelled.body);
      expect(await historyOf(initiative.id)).toContainEqual(
        expect.objectContaining({
          entityType: 'initiative',
          action: 'update',
          changes: { status: { before: 'planned', after: 'cancelled' }, cancellationReason: { before: '', after: REASON } },
        }),
      );
    });

    it('keeps the stored reason while other fields change, and refuses clearing it', async () => {
      const { initiative } = await make.world();
      await patch(initiative.id, { status: 'cancelled', cancellationReason: REASON });
      const renamed = await patch(initiative.id, { title: 'Nyt navn', status: 'cancelled' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: 'Nyt navn', cancellationReason: REASON });
      expect(fieldCodes(await patch(initiative.id, { cancellationReason: ' ' }))).toEqual({ cancellationReason: ['cancellationReason'] });
    });

    it('clears the reason when the initiative is reopened', async () => {
      const { initiative } = await make.world();
      await patch(initiative.id, { status: 'cancelled', cancellationReason: REASON });
      const reopened = await patch(initiative.id, { status: 'in_progress' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'in_progress', cancellationReason: '' });
    });

    it('holds on create: POST with status cancelled needs a reason', async () => {
      const { plan, lead } = await setting(make);
      const before = await t.rowCounts();
      const refused = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Aflyst fra start', status: 'cancelled' });
      expectInvalidFields(refused, ['cancellationReason']);
      expect(await t.rowCounts()).toEqual(before);

      const created = await t.post('/api/initiatives', {
        actionPlanId: plan.id,
        leadDepartmentId: lead.id,
        title: 'Aflyst fra start',
        status: 'cancelled',
        cancellationReason: REASON,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'cancelled', cancellationReason: REASON });
    });

    it('stores no reason for an initiative that is not cancelled', async () => {
      const { plan, lead } = await setting(make);
      const created = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'I gang', cancellationReason: REASON });
      expect(created.body).toMatchObject({ status: 'planned', cancellationReason: '' });
    });
  });

  describe('completing with open milestones', () => {
    async function withMilestones() {
      const { initiative } = await make.world();
      const done = await make.milestone(initiative.id, { weight: 1, completedDate: '2026-05-01' });
      const open = [await make.milestone(initiative.id, { weight: 2 }), await make.milestone(initiative.id, { weight: 3, dueDate: '2026-12-01' })];
      return { initiative: await get(initiative.id), done, open };
    }

    it('answers 409 openMilestones with the count, and changes nothing', async () => {
      const { initiative } = await withMilestones();
      const before = await t.rowCounts();
      const refused = await patch(initiative.id, { status: 'completed' });
      expectProblem(refused, 409);
      expect(refused.body).toMatchObject({ code: 'openMilestones', params: { count: 2 } });
      expect(refused.body.current).toBeUndefined();
      expect(await t.rowCounts()).toEqual(before);
      expect(await get(initiative.id)).toEqual(initiative);
    });

    it('with complete, marks every open milestone completed today in the same change, and progress is 100 %', async () => {
      const { initiative, done, open } = await withMilestones();
      expect(initiative.progress).toBeCloseTo(1 / 6, 10);
      const completed = await patch(initiative.id, { status: 'completed', openMilestones: 'complete' });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', progress: 1, completedMilestoneCount: 3, version: initiative.version + 1 });
      expect((await milestonesOf(initiative.id)).map((m) => m.completedDate)).toEqual(['2026-05-01', TODAY, TODAY]);

      const history = await historyOf(initiative.id);
      for (const milestone of open) {
        expect(history).toContainEqual(
          expect.objectContaining({
            entityType: 'milestone',
            entityId: milestone.id,
            action: 'update',
            changes: { completedDate: { before: null, after: TODAY } },
          }),
        );
      }
      expect(history.filter((event: { entityId: string }) => event.entityId === done.id)).toHaveLength(1);
      const milestone = (await t.get(`/api/initiatives/${initiative.id}/milestones/${open[0].id}`)).body;
      expect(milestone.version).toBe(open[0].version + 1);
    });

    it('with keep, leaves them open', async () => {
      const { initiative } = await withMilestones();
      const completed = await patch(initiative.id, { status: 'completed', openMilestones: 'keep' });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', completedMilestoneCount: 1 });
      expect((await milestonesOf(initiative.id)).map((m) => m.completedDate)).toEqual(['2026-05-01', null, null]);
    });

    it('completes directly when every milestone is done', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { completedDate: '2026-05-01' });
      expect((await patch(initiative.id, { status: 'completed' })).status).toBe(200);
    });

    it('refuses an unknown choice with 400 on openMilestones', async () => {
      const { initiative } = await withMilestones();
      expect(fieldCodes(await patch(initiative.id, { status: 'completed', openMilestones: 'later' }))).toEqual({ openMilestones: ['isIn'] });
    });
  });

  describe('access and versions', () => {
    it('refuses a lead of another department with 403, and changes nothing', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id);
      const stranger = await t.signedIn('department_lead', [(await make.department()).id]);
      const before = await t.rowCounts();
      expectProblem(await stranger.patch(`/api/initiatives/${initiative.id}`, { status: 'cancelled', cancellationReason: REASON }, { ifMatch: 2 }), 403);
      expectProblem(await stranger.patch(`/api/initiatives/${initiative.id}`, { status: 'completed', openMilestones: 'complete' }, { ifMatch: 2 }), 403);
      expect(await t.rowCounts()).toEqual(before);
      expect((await milestonesOf(initiative.id))[0].completedDate).toBeNull();
    });

    it('lets a lead of the lead department cancel and complete', async () => {
      const { initiative, department } = await make.world();
      await make.milestone(initiative.id);
      const lead = await t.signedIn('department_lead', [department.id]);
      const version = (await get(initiative.id)).version;
      const completed = await lead.patch(`/api/initiatives/${initiative.id}`, { status: 'completed', openMilestones: 'complete' }, { ifMatch: version });
      expect(completed.status).toBe(200);
      expect(completed.body.progress).toBe(1);
    });

    it('answers a stale version with 409 staleVersion and completes no milestone', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id);
      const current = await get(initiative.id);
      await patch(initiative.id, { title: 'Ændret af en anden' });
      const before = await t.rowCounts();
      const stale = await t.patch(`/api/initiatives/${initiative.id}`, { status: 'completed', openMilestones: 'complete' }, { ifMatch: current.version });
      expectProblem(stale, 409);
      expect(stale.body.code).toBe('staleVersion');
      expect(await t.rowCounts()).toEqual(before);
      expect((await milestonesOf(initiative.id))[0].completedDate).toBeNull();
    });
  });
});
