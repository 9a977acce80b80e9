import { expectInvalidFields, expectProblem } from '../support/expectations';
import { type Factories, factories } from '../support/factories';
import { type TestApp, type TestClient, startTestApp, useTestApp } from '../support/test-app';

/**
 * Everything that reaches the public (an initiative's publication and public summary, a status
 * update's public text) needs management's approval unless the action plan lets leads publish
 * directly; until then the public keeps the last approved version. An approval is of the version
 * management read.
 */
describe('Approval of what reaches the public', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  async function setting() {
    const { plan, department, initiative } = await make.world();
    const published = (
      await t.patch(`/api/initiatives/${initiative.id}`, { published: true, publicSummary: 'Godkendt resumé' }, { ifMatch: initiative.version })
    ).body;
    const lead = await t.signedIn('department_lead', [department.id]);
    const management = await t.signedIn('management');
    return { plan, department, initiative: published, lead, management };
  }

  const publicSummaryOf = async (id: string) => {
    const response = await t.anonymous.get(`/api/public/initiatives/${id}`);
    return response.status === 200 ? response.body.summary : null;
  };
  const isPublic = async (id: string) => (await t.anonymous.get(`/api/public/initiatives/${id}`)).status === 200;
  const current = async (client: TestClient, id: string) => (await client.get(`/api/initiatives/${id}`)).body;

  describe('an initiative’s public face', () => {
    it('keeps the approved public summary public while a lead’s change waits, and publishes it when approved', async () => {
      const { initiative, lead, management } = await setting();

      const edited = await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Ikke godkendt endnu' }, { ifMatch: initiative.version });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        publicSummary: 'Godkendt resumé',
        publicProposal: { publicSummary: 'Ikke godkendt endnu', published: null, state: 'pending', proposerName: expect.any(String) },
      });
      expect(await publicSummaryOf(initiative.id)).toBe('Godkendt resumé');
      expect((await t.anonymous.get('/api/public/initiatives.csv')).body).not.toContain('Ikke godkendt endnu');

      const queue = (await management.get('/api/approvals')).body;
      expect(queue.items).toEqual([
        expect.objectContaining({
          kind: 'initiative',
          proposal: expect.objectContaining({ publicSummary: 'Ikke godkendt endnu' }),
          initiative: expect.objectContaining({ id: initiative.id, publicSummary: 'Godkendt resumé', version: edited.body.version }),
        }),
      ]);

      const approved = await management.post(`/api/initiatives/${initiative.id}/public-review`, { decision: 'approve' }, { ifMatch: edited.body.version });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ publicSummary: 'Ikke godkendt endnu', publicProposal: null });
      expect(await publicSummaryOf(initiative.id)).toBe('Ikke godkendt endnu');
      expect((await management.get('/api/approvals')).body.total).toBe(0);
    });

    it('does not let a lead publish an initiative that management keeps internal', async () => {
      const { initiative, lead, management } = await setting();
      const hidden = (await t.patch(`/api/initiatives/${initiative.id}`, { published: false }, { ifMatch: initiative.version })).body;

      const ticked = await lead.patch(`/api/initiatives/${initiative.id}`, { published: true }, { ifMatch: hidden.version });
      expect(ticked.body).toMatchObject({ published: false, publicProposal: { published: true, state: 'pending' } });
      expect(await isPublic(initiative.id)).toBe(false);
      expect((await t.anonymous.get('/api/public/initiatives')).body.items).toEqual([]);

      const returned = await management.post(
        `/api/initiatives/${initiative.id}/public-review`,
        { decision: 'return', comment: 'Vent til efter byrådsmødet.' },
        { ifMatch: ticked.body.version },
      );
      expect(returned.body).toMatchObject({ published: false, publicProposal: { state: 'returned', reviewComment: 'Vent til efter byrådsmødet.' } });
      expect(await isPublic(initiative.id)).toBe(false);
    });

    it('keeps an initiative a lead creates as published off the public page until it is approved', async () => {
      const { plan, department, lead, management } = await setting();
      const created = await lead.post('/api/initiatives', {
        title: 'Lektiecafé',
        actionPlanId: plan.id,
        leadDepartmentId: department.id,
        published: true,
        publicSummary: 'Hjælp til lektier',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ published: false, publicSummary: '', publicProposal: { published: true, publicSummary: 'Hjælp til lektier' } });
      expect(await isPublic(created.body.id)).toBe(false);

      await management.post(`/api/initiatives/${created.body.id}/public-review`, { decision: 'approve' }, { ifMatch: created.body.version });
      expect(await publicSummaryOf(created.body.id)).toBe('Hjælp til lektier');
    });

    it('takes an initiative off the public page at once when its lead unpublishes it', async () => {
      const { initiative, lead } = await setting();
      const unpublished = await lead.patch(`/api/initiatives/${initiative.id}`, { published: false }, { ifMatch: initiative.version });
      expect(unpublished.body).toMatchObject({ published: false, publicProposal: null });
      expect(await isPublic(initiative.id)).toBe(false);
    });

    it('publishes a lead’s change at once when the plan lets leads publish directly', async () => {
      const { plan, initiative, lead } = await setting();
      await t.patch(`/api/action-plans/${plan.id}`, { leadsPublishDirectly: true });
      const edited = await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Straks offentlig' }, { ifMatch: initiative.version });
      expect(edited.body).toMatchObject({ publicSummary: 'Straks offentlig', publicProposal: null });
      expect(await publicSummaryOf(initiative.id)).toBe('Straks offentlig');
    });
  });

  describe('a status update’s public text', () => {
    it('keeps the last approved text public while a lead’s rewrite waits for approval', async () => {
      const { initiative, lead, management } = await setting();
      const update = await make.statusUpdate(initiative.id, { publicText: 'Første godkendte tekst' }, lead);
      const approved = await management.post(
        `/api/initiatives/${initiative.id}/status-updates/${update.id}/review`,
        { decision: 'approve' },
        { ifMatch: update.version },
      );
      expect(approved.status).toBe(200);

      const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
      const rewritten = await lead.patch(url, { publicText: 'Omskrevet, ikke godkendt' }, { ifMatch: approved.body.version });
      expect(rewritten.body).toMatchObject({
        publicTextState: 'pending',
        publicText: 'Omskrevet, ikke godkendt',
        approvedPublicText: 'Første godkendte tekst',
      });
      const texts = (await t.anonymous.get(`/api/public/initiatives/${initiative.id}`)).body.updates.map((u: { text: string }) => u.text);
      expect(texts).toEqual(['Første godkendte tekst']);
      expect((await t.anonymous.get('/api/public/feed.atom')).body).not.toContain('Omskrevet');
    });
  });

  describe('an approval of what was read', () => {
    it('refuses to approve a status update’s public text that changed since management read it', async () => {
      const { initiative, lead, management } = await setting();
      const update = await make.statusUpdate(initiative.id, { publicText: 'Version 1' }, lead);
      const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
      const changed = await lead.patch(url, { publicText: 'Version 2, ikke læst' }, { ifMatch: update.version });
      expect(changed.status).toBe(200);

      const approval = await management.post(`${url}/review`, { decision: 'approve' }, { ifMatch: update.version });
      expectProblem(approval, 409);
      expect(approval.body.current).toMatchObject({ publicText: 'Version 2, ikke læst', publicTextState: 'pending' });
      expect((await management.get(url)).body).toMatchObject({ publicTextState: 'pending', approvedPublicText: '' });
      expect((await t.anonymous.get(`/api/public/initiatives/${initiative.id}`)).body.updates).toEqual([]);
    });

    it('refuses to approve an initiative’s public proposal that changed since management read it', async () => {
      const { initiative, lead, management } = await setting();
      const first = (await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Version 1' }, { ifMatch: initiative.version })).body;
      await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Version 2, ikke læst' }, { ifMatch: first.version });

      expectProblem(await management.post(`/api/initiatives/${initiative.id}/public-review`, { decision: 'approve' }, { ifMatch: first.version }), 409);
      expect(await publicSummaryOf(initiative.id)).toBe('Godkendt resumé');
    });

    it('requires If-Match to review', async () => {
      const { initiative, lead, management } = await setting();
      const update = await make.statusUpdate(initiative.id, { publicText: 'Tekst' }, lead);
      expectProblem(await management.post(`/api/initiatives/${initiative.id}/status-updates/${update.id}/review`, { decision: 'approve' }), 428);
      expectProblem(await management.post(`/api/initiatives/${initiative.id}/public-review`, { decision: 'approve' }), 428);
      expect((await current(management, initiative.id)).publicSummary).toBe('Godkendt resumé');
    });

    it('answers 409 when there is nothing waiting for approval', async () => {
      const { initiative, management } = await setting();
      expectProblem(await management.post(`/api/initiatives/${initiative.id}/public-review`, { decision: 'approve' }, { ifMatch: initiative.version }), 409);
    });
  });
});

/** A drop in health must be explained (a cause and a reason) on every write that lowers it. */
describe('The health-drop rule on edits of a status update', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;
  let cause: string;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(async () => {
    await t.reset();
    cause = (await t.get('/api/delay-causes')).body[0].id;
  });
  afterAll(() => t.close());

  it('refuses a PATCH that lowers health without a cause and a reason, and changes nothing', async () => {
    const { initiative } = await make.world();
    const update = await make.statusUpdate(initiative.id, { health: 'on_track' });
    const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
    const before = await t.rowCounts();

    expectInvalidFields(await t.patch(url, { health: 'off_track' }, { ifMatch: update.version }), ['delayCauseId', 'delayReason']);
    expectInvalidFields(await t.patch(url, { health: 'off_track', delayCauseId: cause, delayReason: 'kor' }, { ifMatch: update.version }), ['delayReason']);

    expect(await t.rowCounts()).toEqual(before);
    expect((await t.get(url)).body).toMatchObject({ health: 'on_track', version: update.version });
    expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('on_track');
  });

  it('refuses to take away the explanation of a drop', async () => {
    const { initiative } = await make.world();
    const update = await make.statusUpdate(initiative.id, { health: 'at_risk', delayCauseId: cause, delayReason: 'Færre frivillige end ventet.' });
    const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
    expectInvalidFields(await t.patch(url, { delayCauseId: null }, { ifMatch: update.version }), ['delayCauseId']);
    expectInvalidFields(await t.patch(url, { delayReason: '' }, { ifMatch: update.version }), ['delayReason']);
  });

  it('accepts an explained drop, and the initiative’s health follows its latest update', async () => {
    const { initiative } = await make.world();
    const update = await make.statusUpdate(initiative.id, { health: 'on_track' });
    const url = `/api/initiatives/${initiative.id}/status-updates/${update.id}`;
    const lowered = await t.patch(url, { health: 'off_track', delayCauseId: cause, delayReason: 'Lokalerne blev opsagt.' }, { ifMatch: update.version });
    expect(lowered.status).toBe(200);
    expect((await t.get(`/api/initiatives/${initiative.id}`)).body.health).toBe('off_track');
  });
});
