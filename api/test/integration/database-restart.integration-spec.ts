import type { AppConfig } from '../../src/core/config/app-config';
import { expectProblem } from '../support/expectations';
import { factories } from '../support/factories';
import { startRestartablePostgres, type RestartablePostgres } from '../support/restartable-postgres';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app';

/** Small and quick to give up, so that an outage shows within a second instead of five. */
const DATABASE: AppConfig['database'] = { poolSize: 4, acquireTimeoutMs: 500, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 5_000 };

const PUBLIC_URLS = ['/api/public/initiatives', '/api/public/initiatives.csv', '/api/public/feed.atom'];

async function eventually(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

const text = (response: TestResponse) => (typeof response.body === 'string' ? response.body : JSON.stringify(response.body));

describe('The app across a PostgreSQL restart', () => {
  let pg: RestartablePostgres;
  let t: TestApp;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    pg = await startRestartablePostgres();
    t = await startTestApp({ database: DATABASE }, pg.url);
    make = factories(t);
  }, 60_000);
  beforeEach(() => t.reset());
  afterAll(async () => {
    await t?.close();
    await pg?.dispose();
  });

  /** A published initiative with a public update (the admin's is approved as written): in the JSON, the CSV and the Atom feed. */
  async function publishedInitiative(title: string) {
    const { plan, department } = await make.world();
    const initiative = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title, published: true });
    await make.statusUpdate(initiative.id, { publicText: 'Godt i gang.' });
    return (await t.get(`/api/initiatives/${initiative.id}`)).body as { id: string; version: number };
  }

  async function publicResponses(): Promise<string[]> {
    const responses = await Promise.all(PUBLIC_URLS.map((url) => t.anonymous.get(url)));
    for (const response of responses) expect(response.status).toBe(200);
    return responses.map(text);
  }

  async function restartAndWaitForHealth() {
    await pg.restart();
    expect(await eventually(async () => (await t.anonymous.get('/api/health')).status === 200, 10_000)).toBe(true);
  }

  it('shows a title changed right after the restart in the public JSON, CSV and Atom within seconds', async () => {
    const initiative = await publishedInitiative('Lektiecafé før genstart');
    for (const body of await publicResponses()) expect(body).toContain('Lektiecafé før genstart');

    await restartAndWaitForHealth();
    const renamed = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Lektiecafé efter genstart' }, { ifMatch: initiative.version });
    expect(renamed.status).toBe(200);

    const fresh = await eventually(async () => (await publicResponses()).every((body) => body.includes('Lektiecafé efter genstart')), 3000);
    expect(fresh).toBe(true);
    for (const body of await publicResponses()) expect(body).not.toContain('Lektiecafé før genstart');
  });

  it('withdraws an initiative unpublished right after the restart from the public JSON, CSV and Atom within seconds', async () => {
    const initiative = await publishedInitiative('Naturvejledning for alle');
    for (const body of await publicResponses()) expect(body).toContain('Naturvejledning for alle');

    await restartAndWaitForHealth();
    const unpublished = await t.patch(`/api/initiatives/${initiative.id}`, { published: false }, { ifMatch: initiative.version });
    expect(unpublished.status).toBe(200);

    const withdrawn = await eventually(async () => (await publicResponses()).every((body) => !body.includes('Naturvejledning for alle')), 3000);
    expect(withdrawn).toBe(true);
  });

  it('answers writes while PostgreSQL is down with 503 and Retry-After, and accepts them again once it is back', async () => {
    const { plan, department } = await make.world();
    await pg.stop();
    try {
      const writes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.post('/api/initiatives', { title: `Under nedbrud ${i}`, actionPlanId: plan.id, leadDepartmentId: department.id }),
        ),
      );
      for (const write of writes) {
        expectProblem(write, 503);
        expect(Number(write.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(write.headers['retry-after'])).toBeLessThanOrEqual(30);
      }
    } finally {
      await pg.start();
    }

    expect(await eventually(async () => (await t.anonymous.get('/api/health')).status === 200, 10_000)).toBe(true);
    const accepted = await t.post('/api/initiatives', { title: 'Efter nedbruddet', actionPlanId: plan.id, leadDepartmentId: department.id });
    expect(accepted.status).toBe(201);
  });
});
