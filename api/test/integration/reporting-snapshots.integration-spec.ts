import type { ReportingSnapshot, SnapshotDiff } from '@fremdrift/contracts';
import { Clock } from '../../src/core/clock/clock';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { UNKNOWN_ID, type Factories } from '../support/factories';
import { initiativeWriter, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * Frozen reporting snapshots ("Status pr. <date>") and their diff: what management reports to the
 * council, as it was, and exactly what has changed since. "Today" is 2026-07-02 (useInitiativeSpec).
 */
describe('Reporting snapshots', () => {
  let t: TestApp;
  let make: Factories;
  const { patch, remove } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));
  // The snapshot tables are outside the shared reset: a snapshot cannot be deleted, only truncated.
  beforeEach(() => t.dataSource.query('TRUNCATE reporting_snapshot_initiative, reporting_snapshot'));

  const freeze = (name: string, actionPlanId: string | null = null) => t.post('/api/reporting-snapshots', { name, actionPlanId });
  const diffOf = async (from: string, to = 'now'): Promise<SnapshotDiff> => {
    const response = await t.get(`/api/reporting-snapshots/${from}/diff?to=${to}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const milestoneVersion = async (initiativeId: string, id: string) => (await t.get(`/api/initiatives/${initiativeId}/milestones/${id}`)).body.version;

  /** A plan of four initiatives under way in Sundhed og Omsorg, and one in another plan. */
  async function setting() {
    const department = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
    const plan = await make.plan({ title: 'Flygtningehandleplan' });
    const otherPlan = await make.plan({ title: 'Anden handleplan' });
    const under = { actionPlanId: plan.id, leadDepartmentId: department.id };
    const running = { status: 'in_progress', startDate: '2026-01-01', targetDate: '2026-12-31' };
    const cafe = await make.initiative(under, { title: 'Sprogcafé', externalReference: 'FHP-01', ...running });
    const mentors = await make.initiative(under, { title: 'Mentorordning', ...running });
    const jobs = await make.initiative(under, { title: 'Jobparate forløb', ...running });
    const sports = await make.initiative(under, { title: 'Idrætsforeninger', status: 'planned' });
    const elsewhere = await make.initiative({ actionPlanId: otherPlan.id, leadDepartmentId: department.id }, { title: 'Andet initiativ' });
    await make.milestone(cafe.id, { title: 'Lokaler fundet', dueDate: '2026-03-01', completedDate: '2026-02-20' });
    await make.milestone(cafe.id, { title: 'Frivillige rekrutteret', dueDate: '2026-06-01' });
    const mentorMilestone = await make.milestone(mentors.id, { title: 'Første mentorpar', dueDate: '2026-09-01' });
    await make.statusUpdate(cafe.id, {
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31',
      narrative: 'Caféen har åbent to dage om ugen.',
      publicText: 'Sprogcaféen er åben tirsdag og torsdag.',
    });
    return { department, plan, otherPlan, cafe, mentors, mentorMilestone, jobs, sports, elsewhere };
  }

  /** After the first snapshot: a drop in health with its cause, a milestone and an initiative completed, one cancelled, one added. */
  async function changeEverything(world: Awaited<ReturnType<typeof setting>>) {
    const resources = (await t.get('/api/delay-causes')).body.find((cause: { code: string }) => cause.code === 'resources');
    await make.statusUpdate(world.cafe.id, {
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
      health: 'off_track',
      narrative: 'Vi mangler frivillige.',
      delayCauseId: resources.id,
      delayReason: 'To frivillige er stoppet, og ingen nye er fundet.',
    });
    const completedMilestone = await t.patch(
      `/api/initiatives/${world.mentors.id}/milestones/${world.mentorMilestone.id}`,
      { completedDate: '2026-07-01' },
      { ifMatch: await milestoneVersion(world.mentors.id, world.mentorMilestone.id) },
    );
    expect(completedMilestone.status).toBe(200);
    expect((await patch(world.jobs.id, { status: 'completed' })).status).toBe(200);
    expect((await patch(world.sports.id, { status: 'cancelled', cancellationReason: 'Foreningerne har ikke kræfter til det.' })).status).toBe(200);
    const added = await make.initiative({ actionPlanId: world.plan.id, leadDepartmentId: world.department.id }, { title: 'Lektiehjælp' });
    return { resources, added };
  }

  const refOf = (initiative: { id: string; title: string }, department: { id: string; code: string; name: string }, reference: string | null = null) => ({
    initiativeId: initiative.id,
    reference,
    title: initiative.title,
    leadDepartment: { id: department.id, code: department.code, name: department.name },
  });

  describe('freezing', () => {
    it('freezes every initiative with its status, health, progress, expected progress, latest texts and milestones as of today', async () => {
      const world = await setting();
      const response = await freeze('Status pr. 2. juli 2026');
      expect(response.status).toBe(201);
      const snapshot: ReportingSnapshot = response.body;
      expect(snapshot).toMatchObject({
        name: 'Status pr. 2. juli 2026',
        takenAt: '2026-07-02T10:00:00.000Z',
        actionPlanId: null,
        actionPlanTitle: null,
        initiativeCount: 5,
      });
      expect(snapshot.takenBy).toMatch(/^Test admin/);
      expect(snapshot.initiatives.map((initiative) => initiative.title)).toEqual([
        'Andet initiativ',
        'Idrætsforeninger',
        'Jobparate forløb',
        'Mentorordning',
        'Sprogcafé',
      ]);
      expect(snapshot.initiatives.find((initiative) => initiative.title === 'Sprogcafé')).toEqual({
        ...refOf(world.cafe, world.department, 'FHP-01'),
        actionPlanId: world.plan.id,
        status: 'in_progress',
        health: 'on_track',
        progress: 50,
        // 182 of the 364 days from 1 January to 31 December.
        expectedProgress: 50,
        latestPublicText: 'Sprogcaféen er åben tirsdag og torsdag.',
        latestInternalText: 'Caféen har åbent to dage om ugen.',
        milestonesCompleted: 1,
        milestonesOverdue: 1,
        delayCause: null,
        delayCauseLabels: null,
      });
      expect(snapshot.initiatives.find((initiative) => initiative.title === 'Idrætsforeninger')).toMatchObject({
        status: 'planned',
        progress: 0,
        expectedProgress: null,
        latestPublicText: null,
        latestInternalText: null,
        milestonesCompleted: 0,
        milestonesOverdue: 0,
      });
      expect((await t.get(`/api/reporting-snapshots/${snapshot.id}`)).body).toEqual(snapshot);
    });

    it('freezes one plan when asked, and names the plan as it was', async () => {
      const world = await setting();
      const response = await freeze('Flygtningeplanen', world.plan.id);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ actionPlanId: world.plan.id, actionPlanTitle: 'Flygtningehandleplan', initiativeCount: 4 });
      expect(response.body.initiatives.map((initiative: { title: string }) => initiative.title)).not.toContain('Andet initiativ');
    });

    it('keeps what it froze when the initiatives change or are deleted afterwards', async () => {
      const world = await setting();
      const frozen = (await freeze('Før ændringerne')).body as ReportingSnapshot;
      await changeEverything(world);
      expect((await patch(world.cafe.id, { title: 'Sprogcafé (nyt navn)' })).status).toBe(200);
      expect((await remove(world.elsewhere.id)).status).toBe(204);
      expect((await t.get(`/api/reporting-snapshots/${frozen.id}`)).body).toEqual(frozen);
    });

    it('records who froze it in the audit trail, under the snapshot’s name', async () => {
      await setting();
      const frozen = (await freeze('Status til byrådet')).body;
      const trail = await t.get('/api/audit-events?entityType=reporting_snapshot');
      expect(trail.body.items).toHaveLength(1);
      expect(trail.body.items[0]).toMatchObject({
        action: 'create',
        entityId: frozen.id,
        actor: { id: t.admin.id },
        subject: { id: frozen.id, label: { da: 'Status til byrådet', en: 'Status til byrådet' }, deleted: false },
      });
      expect(trail.body.items[0].changes.name).toEqual({ before: null, after: 'Status til byrådet' });
    });

    it('lists snapshots newest first, a page at a time', async () => {
      await setting();
      const first = (await freeze('Første')).body;
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-07-03T10:00:00Z'));
      const second = (await freeze('Anden')).body;
      const page = await t.get('/api/reporting-snapshots?pageSize=1');
      expect(page.body).toEqual({
        items: [
          {
            id: second.id,
            name: 'Anden',
            takenAt: '2026-07-03T10:00:00.000Z',
            takenBy: second.takenBy,
            actionPlanId: null,
            actionPlanTitle: null,
            initiativeCount: 5,
          },
        ],
        total: 2,
        page: 1,
        pageSize: 1,
      });
      expect((await t.get('/api/reporting-snapshots?page=2&pageSize=1')).body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    });
  });

  describe('immutability', () => {
    it('refuses UPDATE and DELETE of a snapshot and of its initiatives, even directly in SQL', async () => {
      await setting();
      const frozen = (await freeze('Uforanderlig')).body;
      await expect(t.dataSource.query(`UPDATE reporting_snapshot SET name = 'Ændret' WHERE id = $1`, [frozen.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`UPDATE reporting_snapshot_initiative SET health = 'off_track' WHERE snapshot_id = $1`, [frozen.id])).rejects.toThrow(
        /immutable/,
      );
      await expect(t.dataSource.query('DELETE FROM reporting_snapshot_initiative WHERE snapshot_id = $1', [frozen.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query('DELETE FROM reporting_snapshot WHERE id = $1', [frozen.id])).rejects.toThrow(/immutable/);
      expect((await t.get(`/api/reporting-snapshots/${frozen.id}`)).body).toEqual(frozen);
    });
  });

  describe('the diff', () => {
    it('between two snapshots, and from the first to now, shows exactly what changed', async () => {
      const world = await setting();
      const before = (await freeze('Status pr. 1. juli')).body;
      const { resources, added } = await changeEverything(world);
      const after = (await freeze('Status pr. 2. juli')).body;
      const mso = world.department;
      const expected = {
        healthChanges: [{ ...refOf(world.cafe, mso, 'FHP-01'), before: 'on_track', after: 'off_track', direction: 'worse' }],
        completedInitiatives: [refOf(world.jobs, mso)],
        completedMilestones: [{ ...refOf(world.mentors, mso), count: 1 }],
        newDelays: [
          {
            ...refOf(world.cafe, mso, 'FHP-01'),
            health: 'off_track',
            delayCause: resources.labelDa,
            delayCauseLabels: { da: resources.labelDa, en: resources.labelEn },
          },
        ],
        added: [refOf(added, mso)],
        cancelled: [refOf(world.sports, mso)],
        removed: [],
      };
      expect(await diffOf(before.id, after.id)).toEqual({
        from: { id: before.id, name: 'Status pr. 1. juli', takenAt: before.takenAt },
        to: { id: after.id, name: 'Status pr. 2. juli', takenAt: after.takenAt },
        ...expected,
      });
      expect(await diffOf(before.id)).toEqual({
        from: { id: before.id, name: 'Status pr. 1. juli', takenAt: before.takenAt },
        to: { id: null, name: 'Nu', takenAt: '2026-07-02T10:00:00.000Z' },
        ...expected,
      });
      expect((await t.get(`/api/reporting-snapshots/${before.id}/diff`)).body).toEqual(await diffOf(before.id));
      expect(await diffOf(after.id)).toMatchObject({
        healthChanges: [],
        completedInitiatives: [],
        completedMilestones: [],
        newDelays: [],
        added: [],
        cancelled: [],
        removed: [],
      });
    });

    it('shows the initiatives deleted since as removed, and compares now only within the snapshot’s plan', async () => {
      const world = await setting();
      const planOnly = (await freeze('Kun planen', world.plan.id)).body;
      const everything = (await freeze('Alle planer')).body;
      await make.initiative({ actionPlanId: world.otherPlan.id, leadDepartmentId: world.department.id }, { title: 'Nyt i anden plan' });
      expect((await remove(world.mentors.id)).status).toBe(204);
      expect(await diffOf(planOnly.id)).toMatchObject({ added: [], removed: [refOf(world.mentors, world.department)] });
      expect((await diffOf(everything.id)).added.map((ref) => ref.title)).toEqual(['Nyt i anden plan']);
    });

    it('refuses to compare snapshots of two different plans with 409, and compares a plan with every plan within that plan', async () => {
      const world = await setting();
      const one = (await freeze('Den ene plan', world.plan.id)).body;
      const other = (await freeze('Den anden plan', world.otherPlan.id)).body;
      const everything = (await freeze('Alle planer')).body;
      const refused = await t.get(`/api/reporting-snapshots/${one.id}/diff?to=${other.id}`);
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('conflict');
      expect(await diffOf(everything.id, other.id)).toMatchObject({ added: [], removed: [], healthChanges: [] });
    });
  });

  describe('who may', () => {
    it('lets management and admins freeze; viewers and leads get 403, nobody signed in 401', async () => {
      const world = await setting();
      const management = await t.signedIn('management');
      const viewer = await t.signedIn('viewer');
      const lead = await t.signedIn('department_lead', [world.department.id]);
      const byManagement = await management.post('/api/reporting-snapshots', { name: 'Ledelsens status' });
      expect(byManagement.status).toBe(201);
      expect(byManagement.body.takenBy).toMatch(/^Test management/);
      expectProblem(await viewer.post('/api/reporting-snapshots', { name: 'Seerens status' }), 403);
      expectProblem(await lead.post('/api/reporting-snapshots', { name: 'Lederens status' }), 403);
      expectProblem(await t.anonymous.post('/api/reporting-snapshots', { name: 'Anonym status' }), 401);
      expect((await t.get('/api/reporting-snapshots')).body.total).toBe(1);
    });

    it('lets management, viewers and admins read snapshots and diffs, as they read the dashboard; leads get 403', async () => {
      const world = await setting();
      const frozen = (await freeze('Til læsning')).body;
      const lead = await t.signedIn('department_lead', [world.department.id]);
      for (const role of ['management', 'viewer'] as const) {
        const client = await t.signedIn(role);
        expect((await client.get('/api/reporting-snapshots')).status).toBe(200);
        expect((await client.get(`/api/reporting-snapshots/${frozen.id}`)).status).toBe(200);
        expect((await client.get(`/api/reporting-snapshots/${frozen.id}/diff?to=now`)).status).toBe(200);
      }
      for (const url of ['/api/reporting-snapshots', `/api/reporting-snapshots/${frozen.id}`, `/api/reporting-snapshots/${frozen.id}/diff`]) {
        expectProblem(await lead.get(url), 403);
        expectProblem(await t.anonymous.get(url), 401);
      }
    });
  });

  describe('validation', () => {
    it('needs a name of 3 to 120 characters, trimmed', async () => {
      for (const name of [undefined, '', '  ab  ', 'x'.repeat(121), 42]) {
        const response = await t.post('/api/reporting-snapshots', { name });
        expectInvalidFields(response, ['name']);
      }
      expect(fieldCodes(await t.post('/api/reporting-snapshots', { name: 'ab' }))).toEqual({ name: ['isLength'] });
      expect((await t.post('/api/reporting-snapshots', { name: `  ${'x'.repeat(120)}  ` })).status).toBe(201);
      expect((await t.post('/api/reporting-snapshots', { name: 'abc', unknown: 1 })).status).toBe(400);
    });

    it('refuses a plan that is no id, or that does not exist, with 400 on actionPlanId, and stores nothing', async () => {
      expect(fieldCodes(await freeze('Status', 'plan-1'))).toEqual({ actionPlanId: ['isUuid'] });
      expect(fieldCodes(await freeze('Status', UNKNOWN_ID))).toEqual({ actionPlanId: ['unknownReference'] });
      expect((await t.get('/api/reporting-snapshots')).body.total).toBe(0);
      const trail = await t.get('/api/audit-events?entityType=reporting_snapshot');
      expect(trail.body.items).toEqual([]);
    });

    it('answers 404 for a snapshot that does not exist, on either side of a diff, and 400 for what is no id', async () => {
      await setting();
      const frozen = (await freeze('Findes')).body;
      expectProblem(await t.get(`/api/reporting-snapshots/${UNKNOWN_ID}`), 404);
      expectProblem(await t.get(`/api/reporting-snapshots/${UNKNOWN_ID}/diff?to=now`), 404);
      expectProblem(await t.get(`/api/reporting-snapshots/${frozen.id}/diff?to=${UNKNOWN_ID}`), 404);
      expect(fieldCodes(await t.get('/api/reporting-snapshots/not-an-id'))).toEqual({ id: ['isUuid'] });
      expect(fieldCodes(await t.get(`/api/reporting-snapshots/${frozen.id}/diff?to=yesterday`))).toEqual({ to: ['matches'] });
      expect(fieldCodes(await t.get('/api/reporting-snapshots?pageSize=0'))).toEqual({ pageSize: ['min'] });
    });
  });
});
