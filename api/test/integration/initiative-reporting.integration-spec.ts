import { MUNICIPAL_TIME_ZONE, todayIn } from '@fremdrift/progress';
import { expectInvalidFields } from '../support/expectations';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

/**
 * What a department lead's weekly round starts from: the initiatives their departments lead or take part in ("mine"),
 * and each initiative's reporting state (is this period's status update in, how late is it) in the plan's period.
 */
describe('Initiatives API: my initiatives and their reporting state', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  describe('my initiatives and reporting', () => {
    it('lists the initiatives my departments lead or take part in, and no others', async () => {
      const mine = await make.department();
      const theirs = await make.department();
      const plan = await make.plan();
      const led = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mine.id }, { title: 'Ledet af os' });
      const joined = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: theirs.id },
        { title: 'Vi deltager', participatingDepartmentIds: [mine.id] },
      );
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: theirs.id }, { title: 'Ikke vores' });
      const lead = await t.signedIn('department_lead', [mine.id]);

      const list = await lead.get('/api/initiatives?mine=true');
      expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([led.id, joined.id].sort());
      expect((await t.get('/api/initiatives?mine=true')).body.total).toBe(0);
      expect((await lead.get('/api/initiatives')).body.total).toBe(3);
    });

    it('says whether this period’s status update is in', async () => {
      const { initiative } = await make.world();
      await t.patch(`/api/initiatives/${initiative.id}`, { status: 'in_progress', startDate: '2020-01-01' }, { ifMatch: initiative.version });
      const before = (await t.get(`/api/initiatives/${initiative.id}`)).body.reporting;
      expect(before).toMatchObject({ state: 'overdue', period: 'monthly', lastReportedPeriodEnd: null });
      expect(before.daysOverdue).toBeGreaterThan(0);

      const today = todayIn(MUNICIPAL_TIME_ZONE);
      await t.post(`/api/initiatives/${initiative.id}/status-updates`, {
        periodStart: today,
        periodEnd: today,
        narrative: 'Status for perioden.',
        health: 'on_track',
      });
      const after = (await t.get('/api/initiatives')).body.items.find((i: { id: string }) => i.id === initiative.id).reporting;
      expect(after).toMatchObject({ state: 'done', lastReportedPeriodEnd: today, daysOverdue: 0 });
    });

    it('follows the plan’s reporting period', async () => {
      const { initiative, plan } = await make.world();
      expect((await t.patch(`/api/action-plans/${plan.id}`, { reportingPeriod: 'quarterly' })).body.reportingPeriod).toBe('quarterly');
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.reporting.period).toBe('quarterly');
      expectInvalidFields(await t.patch(`/api/action-plans/${plan.id}`, { reportingPeriod: 'weekly', leadsPublishDirectly: null }), [
        'leadsPublishDirectly',
        'reportingPeriod',
      ]);
    });
  });
});
