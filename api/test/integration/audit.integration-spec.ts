import { type Factories } from '../support/factories';
import { fieldMessages } from '../support/expectations';
import { type TestApp, useTestApp } from '../support/test-app';

describe('Audit trail and optimistic concurrency', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const historyOf = async (initiativeId: string) => (await t.get(`/api/initiatives/${initiativeId}/history?pageSize=100`)).body;

  it('records every change to an initiative and everything in it, with author and before/after values', async () => {
    const { initiative, department } = await make.world();
    const other = await make.department();
    const lead = await t.signedIn('department_lead', [department.id]);

    const patched = await lead.patch(
      `/api/initiatives/${initiative.id}`,
      { health: 'at_risk', participatingDepartmentIds: [other.id] },
      { ifMatch: initiative.version },
    );
    expect(patched.status).toBe(200);
    const milestone = (await lead.post(`/api/initiatives/${initiative.id}/milestones`, { title: 'Aftaler indgået', weight: 2 })).body;
    await lead.patch(`/api/initiatives/${initiative.id}/milestones/${milestone.id}`, { completedDate: '2026-01-10' }, { ifMatch: milestone.version });
    const update = (
      await lead.post(`/api/initiatives/${initiative.id}/status-updates`, {
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        health: 'at_risk',
        narrative: 'Forsinket af ferie.',
      })
    ).body;

    const history = await historyOf(initiative.id);
    const leadName = expect.stringContaining(lead.user.email);
    expect(history.items).toEqual([
      expect.objectContaining({ entityType: 'status_update', entityId: update.id, action: 'create', actor: { id: lead.user.id, name: leadName } }),
      expect.objectContaining({
        entityType: 'milestone',
        action: 'update',
        changes: { completedDate: { before: null, after: '2026-01-10' } },
        actor: { id: lead.user.id, name: leadName },
      }),
      expect.objectContaining({
        entityType: 'milestone',
        action: 'create',
        changes: expect.objectContaining({ title: { before: null, after: 'Aftaler indgået' } }),
      }),
      expect.objectContaining({ entityType: 'initiative_department', entityId: other.id, action: 'create' }),
      expect.objectContaining({
        entityType: 'initiative',
        action: 'update',
        changes: { health: { before: 'on_track', after: 'at_risk' } },
        actor: { id: lead.user.id, name: leadName },
      }),
      expect.objectContaining({ entityType: 'initiative', action: 'create', actor: { id: t.admin.id, name: expect.stringContaining(t.admin.email) } }),
    ]);
    expect(history.total).toBe(6);
    expect(Date.parse(history.items[0].occurredAt)).not.toBeNaN();
  });

  it('keeps the history of a deleted initiative, its milestones included', async () => {
    const { initiative } = await make.world();
    const milestone = await make.milestone(initiative.id);
    const before = await t.get(`/api/initiatives/${initiative.id}`);
    expect((await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: before.body.version })).status).toBe(204);

    const events = (await t.get(`/api/audit-events?initiativeId=${initiative.id}&action=delete`)).body.items;
    expect(events.map((e: { entityType: string; entityId: string }) => `${e.entityType}:${e.entityId}`).sort()).toEqual(
      [`initiative:${initiative.id}`, `milestone:${milestone.id}`].sort(),
    );
  });

  it('records nothing for a change that changes nothing, and nothing for a rejected one', async () => {
    const { initiative } = await make.world();
    const before = (await historyOf(initiative.id)).total;
    await t.patch(`/api/initiatives/${initiative.id}`, { title: initiative.title }, { ifMatch: initiative.version });
    await t.patch(`/api/initiatives/${initiative.id}`, { targetDate: '2020-01-01', startDate: '2021-01-01' }, { ifMatch: initiative.version + 1 });
    expect((await historyOf(initiative.id)).total).toBe(before);
  });

  it('refuses UPDATE and DELETE of audit rows on the application’s own connection', async () => {
    await make.world();
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM audit_event');
    expect(count).toBeGreaterThan(0);
    await expect(t.dataSource.query(`UPDATE audit_event SET actor_name = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    const [after] = await t.dataSource.query(
      `SELECT count(*)::int AS count, count(*) FILTER (WHERE actor_name = 'someone else')::int AS forged FROM audit_event`,
    );
    expect(after).toEqual({ count, forged: 0 });
  });

  it('refuses a write that names no actor, so nothing escapes the trail', async () => {
    await expect(t.dataSource.query(`INSERT INTO department (code, name) VALUES ('ANON', 'Anonym afdeling')`)).rejects.toThrow(/needs an actor/);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM department WHERE code = 'ANON'`);
    expect(count).toBe(0);
  });

  it('lets admins filter the trail by entity, action, actor and time', async () => {
    const { initiative } = await make.world();
    const lead = await t.signedIn('admin');
    await lead.patch(`/api/initiatives/${initiative.id}`, { status: 'in_progress' }, { ifMatch: initiative.version });

    const byActor = (await t.get(`/api/audit-events?actorId=${lead.user.id}`)).body;
    expect(byActor.items).toHaveLength(1);
    expect(byActor.items[0]).toMatchObject({ entityType: 'initiative', action: 'update', changes: { status: { before: 'planned', after: 'in_progress' } } });
    expect((await t.get('/api/audit-events?entityType=department&action=create')).body.total).toBe(1);
    expect((await t.get('/api/audit-events?from=2999-01-01T00:00:00Z')).body.total).toBe(0);
    const bad = await t.get('/api/audit-events?entityType=everything&from=yesterday');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['entityType', 'from']);
  });

  describe('optimistic concurrency', () => {
    it('sends the version as an ETag and requires it back in If-Match', async () => {
      const { initiative } = await make.world();
      const read = await t.get(`/api/initiatives/${initiative.id}`);
      expect(read.headers['etag']).toBe(`"${read.body.version}"`);

      const missing = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Uden version' });
      expect(missing.status).toBe(428);
      const garbage = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Forkert version' }, { ifMatch: 'tomorrow' });
      expect(garbage.status).toBe(400);
      expect(fieldMessages(garbage)).toHaveProperty('If-Match');

      const ok = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Med version' }, { ifMatch: `W/"${read.body.version}"` });
      expect(ok.status).toBe(200);
      expect(ok.headers['etag']).toBe(`"${read.body.version + 1}"`);
    });

    it('answers a stale If-Match with 409 and the current state, and keeps the newer change', async () => {
      const { initiative } = await make.world();
      await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Første ændring' }, { ifMatch: initiative.version });
      const stale = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Anden ændring' }, { ifMatch: initiative.version });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ id: initiative.id, title: 'Første ændring', version: initiative.version + 1 });
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.title).toBe('Første ændring');
      const staleDelete = await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: initiative.version });
      expect(staleDelete.status).toBe(409);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).status).toBe(200);
    });

    it('accepts exactly one of 50 concurrent PATCHes with the same If-Match, and the trail holds exactly that one', async () => {
      const { initiative } = await make.world();
      const historyBefore = (await historyOf(initiative.id)).total;

      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.patch(`/api/initiatives/${initiative.id}`, { title: `Samtidig ændring ${i + 1}` }, { ifMatch: initiative.version }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);

      const winner = responses.find((r) => r.status === 200)!.body;
      const now = (await t.get(`/api/initiatives/${initiative.id}`)).body;
      expect(now).toMatchObject({ title: winner.title, version: initiative.version + 1 });

      const history = await historyOf(initiative.id);
      expect(history.total).toBe(historyBefore + 1);
      expect(history.items[0]).toMatchObject({ action: 'update', changes: { title: { before: initiative.title, after: winner.title } } });
    });

    it('guards milestones and status updates the same way', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id);
      const update = await make.statusUpdate(initiative.id);
      for (const url of [`/api/initiatives/${initiative.id}/milestones/${milestone.id}`, `/api/initiatives/${initiative.id}/status-updates/${update.id}`]) {
        const read = await t.get(url);
        expect(read.headers['etag']).toBe(`"${read.body.version}"`);
        expect((await t.delete(url)).status).toBe(428);
        const stale = await t.delete(url, { ifMatch: read.body.version + 1 });
        expect(stale.status).toBe(409);
        expect(stale.body.current).toMatchObject({ id: read.body.id, version: read.body.version });
        expect((await t.delete(url, { ifMatch: read.body.version })).status).toBe(204);
      }
    });
  });
});
