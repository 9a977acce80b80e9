import { MUNICIPAL_TIME_ZONE, todayIn } from '@fremdrift/progress';
import { expectInvalidFields, expectProblem } from '../support/expectations';
import { factories } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** What a department lead's weekly round relies on: reporting state, health drops, public-text approval. */
describe('The lead workspace API', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;
  let budget: string;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(async () => {
    await t.reset();
    budget = (await t.get('/api/delay-causes')).body.find((cause: { code: string }) => cause.code === 'budget').id;
  });
  afterAll(() => t.close());

  const report = (initiativeId: string, body: Record<string, unknown>, client: TestClient = t) =>
    client.post(`/api/initiatives/${initiativeId}/status-updates`, {
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      narrative: 'Status for perioden.',
      ...body,
    });

  describe('a drop in health', () => {
    it('needs a delay cause and a reason, and stores nothing without them', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectInvalidFields(await report(initiative.id, { health: 'at_risk' }), ['delayCauseId', 'delayReason']);
      expectInvalidFields(await report(initiative.id, { health: 'off_track', delayCauseId: budget, delayReason: 'for kort' }), ['delayReason']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('on_track');
    });

    it('is accepted with a reason, and sets the initiative’s health', async () => {
      const { initiative } = await make.world();
      const created = await report(initiative.id, { health: 'off_track', delayCauseId: budget, delayReason: 'Budgettet blev skåret i oktober.' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ delayCauseId: budget, delayReason: 'Budgettet blev skåret i oktober.' });
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('off_track');

      const recovery = await report(initiative.id, { health: 'at_risk', periodStart: '2026-11-01', periodEnd: '2026-11-30' });
      expect(recovery.status).toBe(201);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('at_risk');
    });

    it('refuses an unknown or inactive delay cause', async () => {
      const { initiative } = await make.world();
      const drop = { health: 'at_risk', delayReason: 'Samarbejdspartneren trak sig.' };
      expectInvalidFields(await report(initiative.id, { ...drop, delayCauseId: '00000000-0000-4000-8000-000000000000' }), ['delayCauseId']);
      await t.patch(`/api/delay-causes/${budget}`, { active: false });
      expectInvalidFields(await report(initiative.id, { ...drop, delayCauseId: budget }), ['delayCauseId']);
    });
  });

  describe('public texts', () => {
    it('wait for management’s approval, unless the plan lets leads publish directly', async () => {
      const { initiative, plan, department } = await make.world();
      const lead = await t.signedIn('department_lead', [department.id]);
      const waiting = await report(initiative.id, { health: 'on_track', publicText: 'Vi er godt i gang.' }, lead);
      expect(waiting.body).toMatchObject({ publicTextState: 'pending', approvedPublicText: '' });
      expect((await report(initiative.id, { health: 'on_track', periodEnd: '2026-10-30' }, lead)).body.publicTextState).toBe('none');

      await t.patch(`/api/action-plans/${plan.id}`, { leadsPublishDirectly: true });
      const direct = await report(initiative.id, { health: 'on_track', periodEnd: '2026-10-29', publicText: 'Straks offentlig.' }, lead);
      expect(direct.body).toMatchObject({ publicTextState: 'approved', approvedPublicText: 'Straks offentlig.' });
    });

    it('are listed for management, and approved or returned with a comment on the version read', async () => {
      const { initiative, department } = await make.world();
      const lead = await t.signedIn('department_lead', [department.id]);
      const first = (await report(initiative.id, { health: 'on_track', publicText: 'Første tekst.' }, lead)).body;
      const second = (await report(initiative.id, { health: 'on_track', periodEnd: '2026-10-30', publicText: 'Anden tekst.' }, lead)).body;
      const management = await t.signedIn('management');

      const queue = await management.get('/api/approvals');
      expect(queue.body.total).toBe(2);
      expect(queue.body.items[0]).toMatchObject({
        kind: 'status_update',
        statusUpdate: { id: first.id, publicText: 'Første tekst.' },
        initiative: { id: initiative.id, title: initiative.title, leadDepartment: { id: department.id, code: department.code } },
      });

      const url = (id: string) => `/api/initiatives/${initiative.id}/status-updates/${id}/review`;
      const approved = await management.post(url(first.id), { decision: 'approve' }, { ifMatch: first.version });
      expect(approved.body).toMatchObject({ publicTextState: 'approved', approvedPublicText: 'Første tekst.', reviewerName: expect.stringContaining('management') });
      expectInvalidFields(await management.post(url(second.id), { decision: 'return' }, { ifMatch: second.version }), ['comment']);
      const returned = await management.post(url(second.id), { decision: 'return', comment: 'Skriv det i et mere enkelt sprog.' }, { ifMatch: second.version });
      expect(returned.body).toMatchObject({ publicTextState: 'returned', reviewComment: 'Skriv det i et mere enkelt sprog.' });
      expect((await management.get('/api/approvals')).body.total).toBe(0);
      expectProblem(await management.post(url(first.id), { decision: 'approve' }, { ifMatch: approved.body.version }), 409);
    });

    it('go back to the queue when the lead rewrites a returned text', async () => {
      const { initiative, department } = await make.world();
      const lead = await t.signedIn('department_lead', [department.id]);
      const update = (await report(initiative.id, { health: 'on_track', publicText: 'Kringlet tekst.' }, lead)).body;
      const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
      expect((await t.post(`${url}/review`, { decision: 'return', comment: 'Gør den kortere, tak.' }, { ifMatch: update.version })).status).toBe(200);
      const current = (await lead.get(url)).body;
      const rewritten = await lead.patch(url, { publicText: 'Kort tekst.' }, { ifMatch: current.version });
      expect(rewritten.body).toMatchObject({ publicTextState: 'pending', reviewComment: '', reviewerName: null });
    });
  });

  describe('my initiatives and reporting', () => {
    it('lists the initiatives my departments lead or take part in, and no others', async () => {
      const mine = await make.department();
      const theirs = await make.department();
      const plan = await make.plan();
      const led = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mine.id }, { title: 'Ledet af os' });
      const joined = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: theirs.id }, { title: 'Vi deltager', participatingDepartmentIds: [mine.id] });
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
      await report(initiative.id, { health: 'on_track', periodStart: today, periodEnd: today });
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

  describe('the list of delay causes', () => {
    it('comes with the usual causes in Danish and English, and admins extend it', async () => {
      const causes = (await t.get('/api/delay-causes')).body;
      expect(causes.map((c: { labelDa: string }) => c.labelDa)).toEqual([
        'Ressourcer',
        'Afhængighed af anden afdeling',
        'Lovgivning',
        'Samarbejdspartner',
        'Budget',
        'Andet',
      ]);
      const created = await t.post('/api/delay-causes', { code: 'staffing', labelDa: 'Bemanding', labelEn: 'Staffing', sortOrder: 9 });
      expect(created.status).toBe(201);
      expectProblem(await t.post('/api/delay-causes', { code: 'staffing', labelDa: 'Igen', labelEn: 'Again' }), 409);
      expectInvalidFields(await t.post('/api/delay-causes', { code: 'Has Spaces', labelDa: '', labelEn: null }), ['code', 'labelDa', 'labelEn']);
    });
  });
});
