import { type Factories } from '../support/factories';
import { initiativeWriter, setting, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * Optimistic concurrency of initiatives: the version is the ETag, and PATCH or DELETE without If-Match (428) or with a
 * stale version (409 with the current state) changes nothing.
 */
describe('Initiatives API: versions and If-Match', () => {
  let t: TestApp;
  let make: Factories;
  const { patch } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));

  describe('versions and If-Match', () => {
    it('sends the version as the ETag of create, get and update', async () => {
      const { plan, lead } = await setting(make);
      const created = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Med ETag' });
      expect(created.headers['etag']).toBe('"1"');
      expect((await t.get(`/api/initiatives/${created.body.id}`)).headers['etag']).toBe('"1"');
      const updated = await t.patch(`/api/initiatives/${created.body.id}`, { title: 'Ny titel' }, { ifMatch: created.headers['etag'] as string });
      expect(updated.status).toBe(200);
      expect(updated.headers['etag']).toBe('"2"');
    });

    it('refuses PATCH and DELETE without If-Match with 428 and changes nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const patched = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Uden version' });
      expect(patched.status).toBe(428);
      expect(patched.headers['content-type']).toContain('application/problem+json');
      expect((await t.delete(`/api/initiatives/${initiative.id}`)).status).toBe(428);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(initiative);
    });

    it('refuses PATCH and DELETE with a stale version with 409 and the current state, and changes nothing', async () => {
      const { initiative } = await make.world();
      const changed = await patch(initiative.id, { title: 'Ændret af en anden' });
      expect(changed.body.version).toBe(2);
      const before = await t.rowCounts();

      const stale = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Min ændring' }, { ifMatch: initiative.version });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toEqual(changed.body);
      expect((await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: initiative.version })).status).toBe(409);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(changed.body);
    });
  });
});
