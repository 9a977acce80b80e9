import { reportingPeriodOf } from '@fremdrift/progress';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { factories, UNKNOWN_ID } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** "No changes since last time": this period's update as a copy of the latest one. */
describe('Status update with no changes since last time', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const noChange = (initiativeId: string) => `/api/initiatives/${initiativeId}/status-updates/no-change`;
  const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  /** An initiative in progress whose latest update is for the previous period: due this period. */
  async function reportedLastPeriod(previous: Record<string, unknown> = {}) {
    const { department, plan, initiative } = await make.world();
    await t.patch(`/api/initiatives/${initiative.id}`, { status: 'in_progress', startDate: '2025-01-01' }, { ifMatch: initiative.version });
    const { reporting } = (await t.get(`/api/initiatives/${initiative.id}`)).body;
    const last = reportingPeriodOf(reporting.period, addDays(reporting.periodStart, -1));
    const update = await make.statusUpdate(initiative.id, {
      periodStart: last.start,
      periodEnd: last.end,
      health: 'at_risk',
      narrative: 'Forløbet kører med to hold.',
      blockers: 'Mangler lokaler om aftenen.',
      nextSteps: 'Aftale med biblioteket.',
      internalText: 'Budgettet er presset.',
      publicText: 'Forløbet kører.',
      delayCauseId: (await t.get('/api/delay-causes')).body[0].id,
      delayReason: 'Lokalerne blev opsagt med kort varsel.',
      ...previous,
    });
    return { department, plan, initiative, update, period: { start: reporting.periodStart as string, end: reporting.periodEnd as string } };
  }

  it('records this period’s update with the latest one’s health, narrative, blockers and next steps', async () => {
    const { initiative, update, period } = await reportedLastPeriod();
    const lead = await t.signedIn('department_lead', [initiative.leadDepartment.id]);

    const response = await lead.post(noChange(initiative.id), {});

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      initiativeId: initiative.id,
      periodStart: period.start,
      periodEnd: period.end,
      health: 'at_risk',
      narrative: 'Forløbet kører med to hold.',
      blockers: 'Mangler lokaler om aftenen.',
      nextSteps: 'Aftale med biblioteket.',
      noChange: true,
      // The remark and the cause of the drop belonged to the previous period.
      internalText: '',
      delayCauseId: null,
      delayReason: '',
    });
    expect(response.body.id).not.toBe(update.id);
    expect(response.body.authorName).not.toBe('');
    const after = (await t.get(`/api/initiatives/${initiative.id}`)).body;
    expect(after).toMatchObject({ health: 'at_risk', reporting: { state: 'done', lastReportedPeriodEnd: period.end } });
    const list = (await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body;
    expect(list.items.map((u: { id: string }) => u.id)).toEqual([response.body.id, update.id]);
    // Updates written in full do not carry the flag.
    expect(list.items[1].noChange).toBeUndefined();
  });

  it('keeps the note, trimmed, as the update’s internal remark', async () => {
    const { initiative } = await reportedLastPeriod();
    const response = await t.post(noChange(initiative.id), { note: '  Afventer byrådets beslutning.  ' });
    expect(response.status).toBe(201);
    expect(response.body.internalText).toBe('Afventer byrådets beslutning.');
  });

  it('brings no new public text: nothing waits for approval, and the public keeps the previous approved text', async () => {
    const { initiative, update } = await reportedLastPeriod();
    expect(update.approvedPublicText).toBe('Forløbet kører.');
    const lead = await t.signedIn('department_lead', [initiative.leadDepartment.id]);

    const response = await lead.post(noChange(initiative.id), {});

    expect(response.body).toMatchObject({ publicText: '', publicTextState: 'none', approvedPublicText: '' });
    expect((await t.get('/api/approvals')).body.items).toEqual([]);
    expect((await t.get(`/api/initiatives/${initiative.id}/status-updates/${update.id}`)).body.approvedPublicText).toBe('Forløbet kører.');
  });

  it('answers 409 alreadyReported when this period’s update is in, and records nothing', async () => {
    const { initiative } = await reportedLastPeriod();
    expect((await t.post(noChange(initiative.id), {})).status).toBe(201);

    const again = await t.post(noChange(initiative.id), {});

    expectProblem(again, 409);
    expect(again.body.code).toBe('alreadyReported');
    expect((await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body.total).toBe(2);
  });

  it('answers 409 alreadyReported for two clicks at once: one update is recorded', async () => {
    const { initiative } = await reportedLastPeriod();
    const statuses = (await Promise.all([t.post(noChange(initiative.id), {}), t.post(noChange(initiative.id), {})])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect((await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body.total).toBe(2);
  });

  it('answers 409 nothingToCarryOver without an earlier update', async () => {
    const { initiative } = await make.world();
    const response = await t.post(noChange(initiative.id), {});
    expectProblem(response, 409);
    expect(response.body.code).toBe('nothingToCarryOver');
    expect((await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body.total).toBe(0);
  });

  describe('health that has changed since the latest update still needs a cause and a reason', () => {
    it('refuses when the initiative’s health is worse than the latest update’s', async () => {
      const { initiative } = await reportedLastPeriod({ health: 'on_track', delayCauseId: null, delayReason: '' });
      const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
      expect((await t.patch(`/api/initiatives/${initiative.id}`, { health: 'off_track' }, { ifMatch: current.version })).status).toBe(200);

      const response = await t.post(noChange(initiative.id), {});

      expectInvalidFields(response, ['delayCauseId', 'delayReason']);
      expect(fieldCodes(response)).toEqual({ delayCauseId: ['healthDropCause'], delayReason: ['healthDropReason'] });
      expect((await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body.total).toBe(1);
    });

    it('refuses when carrying over would lower the initiative’s health', async () => {
      const { initiative } = await reportedLastPeriod({ health: 'off_track' });
      const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
      expect((await t.patch(`/api/initiatives/${initiative.id}`, { health: 'on_track' }, { ifMatch: current.version })).status).toBe(200);

      const response = await t.post(noChange(initiative.id), {});

      expect(fieldCodes(response)).toEqual({ delayCauseId: ['healthDropCause'], delayReason: ['healthDropReason'] });
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('on_track');
    });
  });

  describe('the note', () => {
    it('answers 400 maxLength for a note over 500 characters', async () => {
      const { initiative } = await reportedLastPeriod();
      const response = await t.post(noChange(initiative.id), { note: 'x'.repeat(501) });
      expectInvalidFields(response, ['note']);
      expect(fieldCodes(response)).toEqual({ note: ['maxLength'] });
      expect((await t.post(noChange(initiative.id), { note: 'x'.repeat(500) })).status).toBe(201);
    });

    it('answers 400 isString for a note that is not text, and for null', async () => {
      const { initiative } = await reportedLastPeriod();
      expect(fieldCodes(await t.post(noChange(initiative.id), { note: 42 })).note).toContain('isString');
      expectInvalidFields(await t.post(noChange(initiative.id), { note: null }), ['note']);
    });

    it('answers 400 for unknown fields rather than carrying them', async () => {
      const { initiative } = await reportedLastPeriod();
      expectInvalidFields(await t.post(noChange(initiative.id), { health: 'on_track' }), ['health']);
    });
  });

  describe('who may record it', () => {
    it('lets a lead of a participating department record it', async () => {
      const { initiative } = await reportedLastPeriod();
      const other = await make.department();
      const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
      await t.patch(`/api/initiatives/${initiative.id}`, { participatingDepartmentIds: [other.id] }, { ifMatch: current.version });
      const lead = await t.signedIn('department_lead', [other.id]);
      expect((await lead.post(noChange(initiative.id), {})).status).toBe(201);
    });

    it('answers 403 to a lead of another department, to management and to a viewer', async () => {
      const { initiative } = await reportedLastPeriod();
      const other = await make.department();
      for (const client of [
        await t.signedIn('department_lead', [other.id]),
        await t.signedIn('management'),
        await t.signedIn('viewer', [initiative.leadDepartment.id]),
      ]) {
        const response = await client.post(noChange(initiative.id), {});
        expectProblem(response, 403);
      }
      expect((await t.get(`/api/initiatives/${initiative.id}/status-updates`)).body.total).toBe(1);
    });

    it('answers 401 when not signed in', async () => {
      const { initiative } = await reportedLastPeriod();
      expectProblem(await t.anonymous.post(noChange(initiative.id), {}), 401);
    });
  });

  it('answers 404 for an unknown initiative and 400 for an id that is not one', async () => {
    expectProblem(await t.post(noChange(UNKNOWN_ID), {}), 404);
    expectProblem(await t.post(noChange('nope'), {}), 400);
  });
});
