import { factories, UNKNOWN_ID } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Caching of API responses', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.reset();
    make = factories(t);
  });
  afterAll(() => t.close());

  it('forbids storing any response to a signed-in request: reads, writes and errors', async () => {
    const department = await make.department();
    const viewer = await t.signedIn('viewer');
    const responses = {
      list: await t.get('/api/departments'),
      one: await t.get(`/api/departments/${department.id}`),
      me: await viewer.get('/api/auth/me'),
      change: await t.patch(`/api/departments/${department.id}`, { name: 'Et nyt navn' }),
      forbidden: await viewer.post('/api/departments', { code: 'ZZ', name: 'Ingen adgang' }),
      missing: await t.get(`/api/departments/${UNKNOWN_ID}`),
      invalid: await t.post('/api/departments', { code: 'x' }),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([name, r]) => [name, [r.status, r.headers['cache-control']]]))).toEqual({
      list: [200, 'no-store'],
      one: [200, 'no-store'],
      me: [200, 'no-store'],
      change: [200, 'no-store'],
      forbidden: [403, 'no-store'],
      missing: [404, 'no-store'],
      invalid: [400, 'no-store'],
    });
  });

  it('forbids storing anonymous API answers too: a refused session, sign-in, an unknown route', async () => {
    const responses = [
      await t.anonymous.get('/api/auth/me'),
      await t.anonymous.post('/api/auth/login', { email: t.admin.email, password: 'wrong-password-123' }),
      await t.anonymous.get('/api/no-such-thing'),
    ];
    expect(responses.map((r) => [r.status, r.headers['cache-control']])).toEqual([
      [401, 'no-store'],
      [401, 'no-store'],
      [404, 'no-store'],
    ]);
  });

  it('keeps the policy a handler set itself: the public open data, also when unchanged (304)', async () => {
    const publicPolicy = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';
    const first = await t.anonymous.get('/api/public/initiatives');
    expect(first.headers['cache-control']).toBe(publicPolicy);
    const unchanged = await t.anonymous.get('/api/public/initiatives', { headers: { 'if-none-match': String(first.headers['etag']) } });
    expect([unchanged.status, unchanged.headers['cache-control']]).toEqual([304, publicPolicy]);
    expect((await t.anonymous.get('/api/public/initiatives.csv')).headers['cache-control']).toBe(publicPolicy);
  });
});
