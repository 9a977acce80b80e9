import { gunzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_CACHED_BODIES, MAX_CACHED_BYTES, PublicCatalog } from '../../src/modules/public/public-catalog';
import { expectInvalidFields, expectProblem } from '../support/expectations';
import { type Factories } from '../support/factories';
import { publishedCatalogue } from '../support/public-catalogue';
import { type TestApp, useTestApp } from '../support/test-app';

describe('The public list, a page at a time, and the downloads of everything', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  /** The published catalogue, with a partner who consented to be shown on one initiative. */
  async function catalogue() {
    const world = await publishedCatalogue(make);
    const partner = await make.partner({ name: 'Frivilligcenter Aarhus' });
    await t.put(`/api/initiatives/${world.mentors.id}/partners/${partner.id}`, {
      role: 'Mentorer',
      publicConsent: true,
      consentGivenOn: '2026-03-12',
      consentMethod: 'workshop',
    });
    return world;
  }

  /** Writes as the system, straight to the database: only the change feed's notification tells the app. */
  const writeDirectly = (sql: string, params: unknown[]) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('fremdrift.actor_id', '', true), set_config('fremdrift.actor_name', 'Test', true)`);
      await manager.query(sql, params);
    });

  const titles = (response: { body: { items: { title: string }[] } }) => response.body.items.map((i) => i.title);
  const list = (query = '') => t.anonymous.get(`/api/public/initiatives${query}`);

  it('gives one page at a time in the order plan, goal, title, with the total, and never an unpublished initiative', async () => {
    await catalogue();
    const first = await list('?pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const pages = [first, await list('?pageSize=2&page=2'), await list('?pageSize=2&page=3'), await list('?pageSize=2&page=4')];
    expect(pages.map(titles)).toEqual([
      ['Job i foreninger', 'Mentorer til nye borgere'],
      ['Sprogcafé på biblioteket', 'Fællesspisning'],
      ['Gåture for ældre'],
      [],
    ]);
    expect(first.body.lastUpdatedAt).toEqual(
      first.body.items
        .map((i: { lastUpdatedAt: string }) => i.lastUpdatedAt)
        .sort()
        .at(-1),
    );
    const defaults = await list();
    expect(defaults.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
    expect(JSON.stringify(defaults.body)).not.toContain('UPUBLICERET');
  });

  it('filters by plan, department (leading or taking part), status and health, and searches words in any order, ignoring case and accents', async () => {
    const w = await catalogue();
    expect(titles(await list(`?plan=${w.health.id}`))).toEqual(['Fællesspisning', 'Gåture for ældre']);
    expect(titles(await list('?department=KB'))).toEqual(['Job i foreninger', 'Sprogcafé på biblioteket', 'Gåture for ældre']);
    expect(titles(await list('?status=in_progress&status=completed&department=KB'))).toEqual([
      'Job i foreninger',
      'Sprogcafé på biblioteket',
      'Gåture for ældre',
    ]);
    expect(titles(await list('?status=planned,completed'))).toEqual(['Mentorer til nye borgere', 'Gåture for ældre']);
    expect((await list('?health=off_track')).body).toMatchObject({ items: [], total: 0 });
    expect(titles(await list('?q=SPROGCAFE'))).toEqual(['Sprogcafé på biblioteket']);
    expect(titles(await list('?q=biblioteket%20sprog'))).toEqual(['Sprogcafé på biblioteket']);
    expect(titles(await list('?q=frivilligcenter'))).toEqual(['Mentorer til nye borgere']);
    expect(titles(await list('?q=flygtninge%20beskæftigelse'))).toEqual(['Mentorer til nye borgere', 'Sprogcafé på biblioteket']);
    expect(titles(await list('?q=æblehave'))).toEqual(['Job i foreninger']);
    expect(titles(await list('?q=50%25_'))).toEqual([]);
    expect(titles(await list('?q=UPUBLICERET'))).toEqual([]);
  });

  it('keeps one cached page for one query however it is spelled, with its ETag and 304', async () => {
    await catalogue();
    const catalog = t.app.get(PublicCatalog);
    const a = await list('?status=completed,planned&q=Gåture%20%20');
    const b = await list('?q=gåture&status=planned&status=completed&page=1&pageSize=25');
    expect(b.headers['etag']).toBe(a.headers['etag']);
    expect(catalog.cachedBodies).toBe(1);
    expect(((await list('?q=gåture&status=planned,completed')) as { status: number }).status).toBe(200);
    const again = await t.anonymous.get('/api/public/initiatives?status=planned,completed&q=gåture', {
      headers: { 'if-none-match': String(a.headers['etag']) },
    });
    expect(again.status).toBe(304);
  });

  it('keeps the cache within its bounds whatever queries clients send', async () => {
    await catalogue();
    const catalog = t.app.get(PublicCatalog);
    for (let i = 0; i < 60; i++) expect((await list(`?q=ord${i}`)).status).toBe(200);
    expect(catalog.cachedBodies).toBeLessThanOrEqual(Math.min(60, MAX_CACHED_BODIES));
    expect(catalog.cachedBytes).toBeLessThanOrEqual(MAX_CACHED_BYTES);
  });

  it('answers hostile or malformed parameters with 400, never 5xx', async () => {
    await catalogue();
    for (const [query, fields] of [
      ['?page=0', ['page']],
      ['?page=abc', ['page']],
      ['?page=1e3', ['page']],
      ['?page=100001', ['page']],
      ['?pageSize=101', ['pageSize']],
      ['?pageSize=-1', ['pageSize']],
      ['?status=nope', ['status']],
      ['?health=good', ['health']],
      ['?plan=not-a-uuid', ['plan']],
      ['?goal=1%27%20OR%201=1', ['goal']],
      [`?department=${'X'.repeat(11)}`, ['department']],
      [`?q=${'a'.repeat(201)}`, ['q']],
      ['?q=a&q=b', ['q']],
      ['?page=1&page=2', ['page']],
    ] as const) {
      const response = await list(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expectInvalidFields(response, [...fields]);
    }
    expectProblem(await list('?all=true'), 400);
    expectProblem(await list('?sort=title;DROP%20TABLE%20initiative'), 400);
    expect((await list('?department=%27%3B--&q=%25%00')).status).toBeLessThan(500);
  });

  it('drops, for a write to one initiative, its own record and the lists, and keeps the other records and plans', async () => {
    const w = await catalogue();
    const catalog = t.app.get(PublicCatalog);
    await new Promise((resolve) => setTimeout(resolve, 300));
    catalog.invalidate();
    for (const url of [`/api/public/initiatives/${w.cafe.id}`, `/api/public/initiatives/${w.walks.id}`, '/api/public/initiatives', '/api/public/action-plans'])
      expect((await t.anonymous.get(url)).status).toBe(200);
    const keys = [`initiative:${w.cafe.id}`, `initiative:${w.walks.id}`, 'plans'];
    expect(keys.map((key) => catalog.isCached(key))).toEqual([true, true, true]);
    expect(catalog.cachedBodies).toBe(4);

    await writeDirectly(`INSERT INTO milestone (initiative_id, title, position) VALUES ($1, 'Første hold', 0)`, [w.cafe.id]);
    const started = Date.now();
    while (catalog.isCached(`initiative:${w.cafe.id}`) && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(keys.map((key) => catalog.isCached(key))).toEqual([false, true, true]);
    expect(catalog.cachedBodies).toBe(2);
    expect((await t.anonymous.get(`/api/public/initiatives/${w.cafe.id}`)).body.milestones).toMatchObject([{ title: 'Første hold' }]);
    expect((await list()).body.items.find((i: { id: string }) => i.id === w.cafe.id).milestones).toHaveLength(1);
  });

  it('drops at once, for a write through this process to one initiative, what depends on it, and keeps the other records, also when the notification follows', async () => {
    const w = await catalogue();
    const catalog = t.app.get(PublicCatalog);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cached = () => [`initiative:${w.cafe.id}`, `initiative:${w.walks.id}`, `initiative:${w.food.id}`].map((key) => catalog.isCached(key));
    const readAll = async () => {
      for (const initiative of [w.cafe, w.walks, w.food]) expect((await t.anonymous.get(`/api/public/initiatives/${initiative.id}`)).status).toBe(200);
      expect(cached()).toEqual([true, true, true]);
    };

    await readAll();
    expect((await t.post(`/api/initiatives/${w.cafe.id}/milestones`, { title: 'Første hold' })).status).toBe(201);
    expect(cached()).toEqual([false, true, true]);
    expect((await t.anonymous.get(`/api/public/initiatives/${w.cafe.id}`)).body.milestones).toMatchObject([{ title: 'Første hold' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(catalog.isCached(`initiative:${w.walks.id}`)).toBe(true);

    await readAll();
    const update = { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'on_track', narrative: 'Godt i gang.' };
    expect((await t.post(`/api/initiatives/${w.food.id}/status-updates`, update)).status).toBe(201);
    expect(cached()).toEqual([true, true, false]);
  });

  it('streams every published initiative as JSON and CSV, equal in number and content to the pages', async () => {
    await catalogue();
    const pages = [await list('?pageSize=2'), await list('?pageSize=2&page=2'), await list('?pageSize=2&page=3')].flatMap((p) => p.body.items);

    const json = await t.anonymous.get('/api/public/initiatives.json');
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="fremdrift-initiativer.json"');
    expect(json.headers['etag']).toBeUndefined();
    expect(json.body.total).toBe(5);
    expect(json.body.items).toEqual(pages);
    expect(json.body.lastUpdatedAt).toBe(
      pages
        .map((i: { lastUpdatedAt: string }) => i.lastUpdatedAt)
        .sort()
        .at(-1),
    );

    const csv = await t.anonymous.get('/api/public/initiatives.csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="fremdrift-initiativer.csv"');
    const lines = (csv.body as string).split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('\uFEFFid;titel;')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(pages.map((i: { id: string }) => i.id));
    expect(csv.body).not.toContain('UPUBLICERET');
  });

  it('writes a download of many initiatives in several batches, still complete and in order', async () => {
    const { plan, department } = await make.world();
    await writeDirectly(
      `INSERT INTO initiative (title, action_plan_id, lead_department_id, published)
       SELECT 'Initiativ ' || lpad(n::text, 4, '0'), $1, $2, true FROM generate_series(1, 1200) n`,
      [plan.id, department.id],
    );
    const json = await t.anonymous.get('/api/public/initiatives.json');
    expect(json.body.total).toBe(1200);
    expect(json.body.items.map((i: { title: string }) => i.title)).toEqual(
      Array.from({ length: 1200 }, (_, n) => `Initiativ ${String(n + 1).padStart(4, '0')}`),
    );
    const csv = await t.anonymous.get('/api/public/initiatives.csv');
    expect((csv.body as string).split('\r\n').filter(Boolean)).toHaveLength(1201);
    expect((await list('?page=48')).body.items.map((i: { title: string }) => i.title)).toEqual(
      Array.from({ length: 25 }, (_, n) => `Initiativ ${String(47 * 25 + n + 1).padStart(4, '0')}`),
    );
  });

  it('serves a page compressed as the client asks, compressed once, with its own ETag', async () => {
    await catalogue();
    const fastify = (t.app as NestFastifyApplication).getHttpAdapter().getInstance();
    const plain = await fastify.inject({ method: 'GET', url: '/api/public/initiatives' });
    const gzipped = await fastify.inject({ method: 'GET', url: '/api/public/initiatives', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toContain('accept-encoding');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    expect(gzipped.headers['etag']).not.toBe(plain.headers['etag']);
    const unchanged = await fastify.inject({
      method: 'GET',
      url: '/api/public/initiatives',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(gzipped.headers['etag']) },
    });
    expect(unchanged.statusCode).toBe(304);
  });
});
