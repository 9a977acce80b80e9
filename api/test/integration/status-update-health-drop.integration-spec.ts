import { expectInvalidFields, expectProblem } from '../support/expectations';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A status update that lowers the health of an initiative must say why: an active delay cause from the list and a
 * reason of some length; without them nothing is stored. The list of delay causes comes in Danish and English and
 * admins extend it. (The same rule on edits of a status update: public-approval.integration-spec.ts.)
 */
describe('Status updates: the health-drop rule and the delay causes', () => {
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

  const report = (initiativeId: string, body: Record<string, unknown>) =>
    t.post(`/api/initiatives/${initiativeId}/status-updates`, {
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
