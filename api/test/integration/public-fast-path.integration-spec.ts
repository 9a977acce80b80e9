import { request as httpRequest } from 'node:http';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PublicCatalog } from '../../src/modules/public/public-catalog';
import { expectInvalidFields } from '../support/expectations';
import { factories, type Factories } from '../support/factories';
import { listeningPort } from '../support/raw-http';
import { startTestApp, type TestApp, useTestApp } from '../support/test-app';

interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Headers whose values differ from one response to the next by design. */
const PER_RESPONSE = ['date', 'x-request-id'];

const withoutPerResponse = (headers: HttpResponse['headers']) => Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.includes(name)));

function sendTo(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<HttpResponse>((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Enough published initiatives for a page above the compression threshold. */
async function publishedCatalogue(make: Factories) {
  const { plan, department } = await make.world();
  const initiatives = [];
  for (const title of ['Sprogcafé på biblioteket', 'Mentorer til nye borgere', 'Gåture for ældre', 'Fællesspisning']) {
    const summary = `${title}: ${'en længere beskrivelse '.repeat(8)}`;
    initiatives.push(await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { published: true, title, summary }));
  }
  return { plan, initiatives };
}

/**
 * Cache hits of the public API are answered by the HTTP server ahead of Fastify and Nest
 * (`CachedResponses`), which `fastify.inject` never reaches: these tests talk HTTP to a listening app.
 */
describe('Public cache hits answered ahead of the app', () => {
  let t: TestApp;
  let make: Factories;
  let port: number;
  let renders: jest.SpyInstance;
  useTestApp((started) => ({ t, make } = started));

  beforeEach(async () => {
    port = await listeningPort(t.app);
    renders?.mockRestore();
    renders = jest.spyOn(t.app.get(PublicCatalog), 'body');
  });

  /** How many of the requests so far went through the app's handler (which asks the catalog for the body) rather than the fast path. */
  const throughTheApp = () => renders.mock.calls.length;

  const send = (path: string, headers: Record<string, string> = {}, method = 'GET') => sendTo(port, path, headers, method);

  const catalogue = () => publishedCatalogue(make);

  it('answers a hit with the bytes and headers of the miss that filled it, for brotli, gzip and no encoding', async () => {
    await catalogue();
    const decoded: Record<string, string> = {};
    for (const [name, acceptEncoding, decode] of [
      ['identity', undefined, (body: Buffer) => body],
      ['br', 'br, gzip', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : undefined;
      const before = throughTheApp();
      const miss = await send('/api/public/initiatives?page=1', headers);
      expect(throughTheApp()).toBe(before + 1);
      const hit = await send('/api/public/initiatives?page=1', headers);
      expect(throughTheApp()).toBe(before + 1);

      expect(miss.status).toBe(200);
      expect(hit.status).toBe(200);
      expect(hit.body.equals(miss.body)).toBe(true);
      expect(withoutPerResponse(hit.headers)).toEqual(withoutPerResponse(miss.headers));
      expect(hit.headers['content-encoding']).toBe(name === 'identity' ? undefined : name);
      expect(hit.headers['content-length']).toBe(String(hit.body.length));
      expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
      decoded[name] = decode(hit.body).toString();
    }
    expect(JSON.parse(decoded['identity'])).toMatchObject({ total: 4, page: 1 });
    expect(decoded['br']).toBe(decoded['identity']);
    expect(decoded['gzip']).toBe(decoded['identity']);
  });

  it('answers If-None-Match with the ETag with a 304 like the app, and HEAD like GET without a body', async () => {
    await catalogue();
    const browser = { 'accept-encoding': 'br, gzip' };
    const filled = await send('/api/public/initiatives?page=1', browser);
    await send('/api/public/initiatives?page=1', browser);
    const etag = String(filled.headers['etag']);
    expect(etag).toMatch(/^"[\w-]+-br"$/);

    // Another spelling of the same page is new to the fast path: the app answers it first.
    const before = throughTheApp();
    const appNotModified = await send('/api/public/initiatives?page=01', { ...browser, 'if-none-match': etag });
    expect(throughTheApp()).toBe(before + 1);
    const notModified = await send('/api/public/initiatives?page=1', { ...browser, 'if-none-match': etag });
    expect(throughTheApp()).toBe(before + 1);
    expect([appNotModified.status, notModified.status]).toEqual([304, 304]);
    expect(notModified.body.length).toBe(0);
    expect(withoutPerResponse(notModified.headers)).toEqual(withoutPerResponse(appNotModified.headers));
    // The other spelling is known now and answered from the cache too.
    expect((await send('/api/public/initiatives?page=01', browser)).body.equals(filled.body)).toBe(true);
    expect(throughTheApp()).toBe(before + 1);

    const stale = await send('/api/public/initiatives?page=1', { ...browser, 'if-none-match': '"something-else-br"' });
    expect(stale.status).toBe(200);

    const appHead = await send('/api/public/initiatives?page=2', browser, 'HEAD');
    await send('/api/public/initiatives?page=2', browser);
    const head = await send('/api/public/initiatives?page=2', browser, 'HEAD');
    expect(throughTheApp()).toBe(before + 2);
    expect([appHead.status, head.status, head.body.length]).toEqual([200, 200, 0]);
    expect(withoutPerResponse(head.headers)).toEqual(withoutPerResponse(appHead.headers));
  });

  it('serves the other cached public answers the same way: an initiative, the plans, a plan, the feeds, a DCAT file', async () => {
    const { plan, initiatives } = await catalogue();
    for (const path of [
      `/api/public/initiatives/${initiatives[0].id}`,
      '/api/public/action-plans',
      `/api/public/action-plans/${plan.id}`,
      '/api/public/feed.atom',
      '/api/public/dcat/catalog.ttl',
    ]) {
      const miss = await send(path, { 'accept-encoding': 'gzip' });
      const before = throughTheApp();
      const hit = await send(path, { 'accept-encoding': 'gzip' });
      expect(throughTheApp()).toBe(before);
      expect([path, hit.status, hit.body.equals(miss.body)]).toEqual([path, 200, true]);
      expect(withoutPerResponse(hit.headers)).toEqual(withoutPerResponse(miss.headers));
    }
    // The negotiated catalog depends on Accept as well as the target: the app answers it every time.
    await send('/api/public/dcat/catalog', { accept: 'text/turtle' });
    const before = throughTheApp();
    await send('/api/public/dcat/catalog', { accept: 'text/turtle' });
    expect(throughTheApp()).toBe(before + 1);
  });

  it('gives a signed-in visitor the same answer: the public API does not depend on the session', async () => {
    await catalogue();
    const viewer = await t.signedIn('viewer');
    const cookie = { cookie: `${SESSION_COOKIE}=${viewer.session.token}`, 'accept-encoding': 'gzip' };
    const before = throughTheApp();
    const miss = await send('/api/public/initiatives?pageSize=2', cookie);
    const hit = await send('/api/public/initiatives?pageSize=2', cookie);
    expect(throughTheApp()).toBe(before + 1);
    expect(hit.body.equals(miss.body)).toBe(true);
    expect(withoutPerResponse(hit.headers)).toEqual(withoutPerResponse(miss.headers));
    expect(hit.headers['set-cookie']).toBeUndefined();
  });

  it('never serves a stale hit: a write through the API is in the very next answer', async () => {
    const { initiatives } = await catalogue();
    const [first] = initiatives;
    await send('/api/public/initiatives?page=1');
    await send(`/api/public/initiatives/${first.id}`);
    expect((await send('/api/public/initiatives?page=1')).body.toString()).toContain('Sprogcafé på biblioteket');

    const renamed = await t.patch(`/api/initiatives/${first.id}`, { title: 'Sprogcafé i borgerhuset' }, { ifMatch: first.version });
    expect(renamed.status).toBe(200);
    const page = await send('/api/public/initiatives?page=1');
    const titles = JSON.parse(page.body.toString()).items.map((item: { title: string }) => item.title);
    expect(titles).toContain('Sprogcafé i borgerhuset');
    expect(titles).not.toContain('Sprogcafé på biblioteket');
    expect(JSON.parse((await send(`/api/public/initiatives/${first.id}`)).body.toString()).title).toBe('Sprogcafé i borgerhuset');
  });

  it('drops a hit when another process commits a change, as soon as the change feed reports it', async () => {
    const { initiatives } = await catalogue();
    const [first] = initiatives;
    await send(`/api/public/initiatives/${first.id}`);
    expect(JSON.parse((await send(`/api/public/initiatives/${first.id}`)).body.toString()).milestones).toEqual([]);
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('fremdrift.actor_id', '', true), set_config('fremdrift.actor_name', 'Test', true)`);
      await manager.query(`INSERT INTO milestone (initiative_id, title, position) VALUES ($1, 'Første hold', 0)`, [first.id]);
    });
    const catalog = t.app.get(PublicCatalog);
    const started = Date.now();
    while (catalog.isCached(`initiative:${first.id}`) && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse((await send(`/api/public/initiatives/${first.id}`)).body.toString()).milestones).toMatchObject([{ title: 'Første hold' }]);
  });

  it('leaves what it cannot answer to the app: invalid parameters, an unknown record, another method', async () => {
    await catalogue();
    await send('/api/public/initiatives?page=1');
    for (let i = 0; i < 2; i++) {
      const invalid = await send('/api/public/initiatives?page=0&pageSize=1000');
      expect(invalid.status).toBe(400);
      expect(invalid.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const body = JSON.parse(invalid.body.toString());
      expectInvalidFields({ status: invalid.status, headers: invalid.headers, body }, ['page', 'pageSize']);
      expect([body.errors.page[0].code, body.errors.pageSize[0].code]).toEqual(['min', 'max']);
    }
    const missing = await send('/api/public/initiatives/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const post = await send('/api/public/initiatives?page=1', {}, 'POST');
    expect(post.status).toBe(404);
  });
});

describe('Public cache hits in the request log', () => {
  it("counts hits per route and status in one line each, beside the app's line per request for the miss", async () => {
    let output = '';
    const t = await startTestApp({}, undefined, { write: (line: string) => void (output += line) });
    try {
      await t.reset();
      await publishedCatalogue(factories(t));
      const port = await listeningPort(t.app);
      output = '';
      const miss = await sendTo(port, '/api/public/initiatives?page=1', { 'accept-encoding': 'gzip' });
      await sendTo(port, '/api/public/initiatives?page=1', { 'accept-encoding': 'gzip' });
      await sendTo(port, '/api/public/initiatives?page=1', { 'accept-encoding': 'gzip' }, 'HEAD');
      await sendTo(port, '/api/public/initiatives?page=1', { 'accept-encoding': 'gzip', 'if-none-match': String(miss.headers['etag']) });
    } finally {
      await t.close();
    }
    const lines = output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const requestLines = lines.filter((line) => 'durationMs' in line);
    expect(requestLines).toEqual([expect.objectContaining({ method: 'GET', route: '/api/public/initiatives', status: 200, msg: 'request completed' })]);
    const counted = lines.filter((line) => line.msg === 'cached responses');
    expect(counted.map(({ method, route, status, count }) => ({ method, route, status, count }))).toEqual(
      expect.arrayContaining([
        { method: 'GET', route: '/api/public/initiatives', status: 200, count: 1 },
        { method: 'HEAD', route: '/api/public/initiatives', status: 200, count: 1 },
        { method: 'GET', route: '/api/public/initiatives', status: 304, count: 1 },
      ]),
    );
    expect(counted).toHaveLength(3);
    for (const line of counted) expect(line.maxDurationMs).toEqual(expect.any(Number));
  });
});
