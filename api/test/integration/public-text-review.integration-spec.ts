import { expectInvalidFields, expectProblem } from '../support/expectations';
import { type Factories } from '../support/factories';
import { type TestApp, type TestClient, useTestApp } from '../support/test-app';

/**
 * Management's review of the public text of status updates: a lead's text waits in the approval queue unless the plan
 * lets leads publish directly; management approves it or returns it with a comment, always on the version it read,
 * and a rewritten text goes back to the queue.
 */
describe('Status updates: review of public texts', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const report = (initiativeId: string, body: Record<string, unknown>, client: TestClient = t) =>
    client.post(`/api/initiatives/${initiativeId}/status-updates`, {
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      narrative: 'Status for perioden.',
      ...body,
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
      expect(approved.body).toMatchObject({
        publicTextState: 'approved',
        approvedPublicText: 'Første tekst.',
        reviewerName: expect.stringContaining('management'),
      });
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
});
