import { randomUUID } from 'node:crypto';
import { PublicCatalog } from '../../src/modules/public/public-catalog';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const PUBLIC_URL = 'https://fremdrift.example.dk/aabne-data';

describe('Public links and caches, whatever the client sends', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), { publicUrl: PUBLIC_URL });

  /** A published initiative with a public update (the admin's is approved as written), so that the feeds have an entry. */
  async function publishedWithUpdate() {
    const { plan, department } = await make.world();
    const initiative = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { published: true });
    await make.statusUpdate(initiative.id, { publicText: 'Første hold er i gang.' });
    return { plan, initiative };
  }

  it('builds feed links from the configured public address, never from the Host header', async () => {
    const { plan, initiative } = await publishedWithUpdate();
    for (const url of ['/api/public/feed.atom', `/api/public/action-plans/${plan.id}/feed.atom`]) {
      const feed = await t.anonymous.get(url, { headers: { host: 'evil.example' } });
      expect(feed.status).toBe(200);
      expect(feed.body).toContain(`href="${PUBLIC_URL}${url}"`);
      expect(feed.body).toContain(`href="${PUBLIC_URL}/initiativ/${initiative.id}"`);
      expect(feed.body).not.toContain('evil.example');
    }
  });

  it('keeps one cached feed for all Hosts, and nothing for ids that do not exist', async () => {
    const { plan } = await publishedWithUpdate();
    const catalog = t.app.get(PublicCatalog);

    for (let i = 0; i < 300; i++) {
      const host = { headers: { host: `host-${i}.example` } };
      expect((await t.anonymous.get('/api/public/feed.atom', host)).status).toBe(200);
      expect((await t.anonymous.get(`/api/public/action-plans/${plan.id}/feed.atom`, host)).status).toBe(200);
      expect((await t.anonymous.get(`/api/public/initiatives/${randomUUID()}`)).status).toBe(404);
      expect((await t.anonymous.get(`/api/public/action-plans/${randomUUID()}/feed.atom`)).status).toBe(404);
    }

    // The two feeds at most: a change notification arriving late may have cleared them meanwhile.
    expect(catalog.cachedBodies).toBeLessThanOrEqual(2);
  });
});
