import { type Factories } from '../support/factories';
import { type TestApp, type TestClient, useTestApp } from '../support/test-app';

/**
 * A public text management returns is the lead's to revise and resend: the initiative summary
 * counts them (status updates' public texts and the initiative's public proposal), so that "Mine
 * initiativer" can flag them, and the count drops again once the lead has resent them.
 */
describe('Initiatives: public texts returned by management', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const report = (client: TestClient, initiativeId: string, periodEnd: string, publicText: string) =>
    client.post(`/api/initiatives/${initiativeId}/status-updates`, {
      periodStart: '2026-10-01',
      periodEnd,
      health: 'on_track',
      narrative: 'Status.',
      publicText,
    });
  const returnText = async (initiativeId: string, update: { id: string; version: number }) => {
    const response = await t.post(
      `/api/initiatives/${initiativeId}/status-updates/${update.id}/review`,
      { decision: 'return', comment: 'Skriv det mere enkelt.' },
      { ifMatch: update.version },
    );
    expect(response.status).toBe(200);
    return response.body;
  };
  const returnedOf = async (client: TestClient) =>
    Object.fromEntries(
      ((await client.get('/api/initiatives?mine=true&pageSize=100')).body.items as { id: string; returnedPublicTexts: number }[]).map((item) => [
        item.id,
        item.returnedPublicTexts,
      ]),
    );

  it('counts returned status update texts and a returned public proposal per initiative, on the list and the initiative', async () => {
    const { initiative, department, plan } = await make.world();
    const quiet = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
    const lead = await t.signedIn('department_lead', [department.id]);

    const first = (await report(lead, initiative.id, '2026-10-31', 'Første tekst.')).body;
    const second = (await report(lead, initiative.id, '2026-10-30', 'Anden tekst.')).body;
    await report(lead, initiative.id, '2026-10-29', 'Tredje tekst, som venter.');
    expect(await returnedOf(lead)).toEqual({ [initiative.id]: 0, [quiet.id]: 0 });

    await returnText(initiative.id, first);
    await returnText(initiative.id, second);
    const current = (await lead.get(`/api/initiatives/${initiative.id}`)).body;
    const proposed = (await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Et nyt resumé.' }, { ifMatch: current.version })).body;
    const returned = await t.post(
      `/api/initiatives/${initiative.id}/public-review`,
      { decision: 'return', comment: 'Ikke endnu.' },
      { ifMatch: proposed.version },
    );
    expect(returned.body.publicProposal).toMatchObject({ state: 'returned' });

    expect(await returnedOf(lead)).toEqual({ [initiative.id]: 3, [quiet.id]: 0 });
    expect((await lead.get(`/api/initiatives/${initiative.id}`)).body.returnedPublicTexts).toBe(3);
    expect(
      (await t.get(`/api/initiatives?actionPlanId=${plan.id}`)).body.items.map((item: { returnedPublicTexts: number }) => item.returnedPublicTexts).sort(),
    ).toEqual([0, 3]);
  });

  it('drops a text from the count once the lead has revised and resent it', async () => {
    const { initiative, department } = await make.world();
    const lead = await t.signedIn('department_lead', [department.id]);
    const update = (await report(lead, initiative.id, '2026-10-31', 'Kringlet tekst.')).body;
    const returnedUpdate = await returnText(initiative.id, update);
    const current = (await lead.get(`/api/initiatives/${initiative.id}`)).body;
    const proposed = (await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Kringlet resumé.' }, { ifMatch: current.version })).body;
    const returned = (
      await t.post(`/api/initiatives/${initiative.id}/public-review`, { decision: 'return', comment: 'Kortere.' }, { ifMatch: proposed.version })
    ).body;
    expect(await returnedOf(lead)).toEqual({ [initiative.id]: 2 });

    const resent = await lead.patch(
      `/api/initiatives/${initiative.id}/status-updates/${update.id}`,
      { publicText: 'Kort tekst.' },
      { ifMatch: returnedUpdate.version },
    );
    expect(resent.body).toMatchObject({ publicTextState: 'pending', reviewComment: '' });
    expect(await returnedOf(lead)).toEqual({ [initiative.id]: 1 });

    // Saving the returned proposal again, even unchanged, sends it for approval again.
    const resentProposal = await lead.patch(`/api/initiatives/${initiative.id}`, { publicSummary: 'Kringlet resumé.' }, { ifMatch: returned.version });
    expect(resentProposal.body.publicProposal).toMatchObject({ state: 'pending', publicSummary: 'Kringlet resumé.', reviewComment: '' });
    expect(resentProposal.body.returnedPublicTexts).toBe(0);
    expect(await returnedOf(lead)).toEqual({ [initiative.id]: 0 });
  });
});
