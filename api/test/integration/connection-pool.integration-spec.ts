import { type Factories } from '../support/factories';
import { TEST_PASSWORD, type TestApp, type TestResponse, useTestApp } from '../support/test-app';

const POOL_SIZE = 4;
const BURST = 3 * POOL_SIZE;

interface World {
  department: { id: string };
  plan: { id: string };
  initiative: { id: string };
  partners: { id: string }[];
}

/** One creation per endpoint that creates something; `n` tells the requests of a burst apart. */
const CREATES: [string, number, (t: TestApp, w: World, n: number) => Promise<TestResponse>][] = [
  ['department', 201, (t, _, n) => t.post('/api/departments', { code: `B${n}`, name: `Burst afdeling ${n}` })],
  ['action plan', 201, (t, _, n) => t.post('/api/action-plans', { title: `Burst plan ${n}`, goals: [{ title: 'Mål' }] })],
  ['goal', 201, (t, w, n) => t.post(`/api/action-plans/${w.plan.id}/goals`, { title: `Burst mål ${n}` })],
  ['initiative', 201, (t, w, n) => t.post('/api/initiatives', { title: `Burst ${n}`, actionPlanId: w.plan.id, leadDepartmentId: w.department.id })],
  ['milestone without a position', 201, (t, w, n) => t.post(`/api/initiatives/${w.initiative.id}/milestones`, { title: `Milepæl ${n}`, weight: 1 })],
  [
    'status update',
    201,
    (t, w, n) =>
      t.post(`/api/initiatives/${w.initiative.id}/status-updates`, {
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        health: 'on_track',
        narrative: `Status ${n}`,
        publicText: `Offentlig tekst ${n}`,
      }),
  ],
  ['partner', 201, (t, _, n) => t.post('/api/partners', { name: `Burst partner ${n}`, type: 'company' })],
  [
    "initiative's partner",
    200,
    (t, w, n) =>
      t.put(`/api/initiatives/${w.initiative.id}/partners/${w.partners[n].id}`, {
        role: 'Medskaber',
        publicConsent: true,
        consentGivenOn: '2026-03-12',
        consentMethod: 'workshop',
      }),
  ],
  ['delay cause', 201, (t, _, n) => t.post('/api/delay-causes', { code: `burst_${n}`, labelDa: `Årsag ${n}`, labelEn: `Cause ${n}` })],
  ['user', 201, (t, _, n) => t.post('/api/users', { email: `burst-${n}@test.example`, displayName: `Burst ${n}`, role: 'viewer', password: TEST_PASSWORD })],
  ['sign-in session', 200, (t) => t.anonymous.post('/api/auth/login', { email: 'burst-login@test.example', password: TEST_PASSWORD })],
];

/**
 * A unit of work holds one connection. A query inside it that asked the pool for a second one used
 * to wait for ever once every connection was held by such a unit, and from then on the whole API
 * hung. With a small pool, bursts of three times its size against every endpoint that creates
 * something must all be answered, and the app must stay healthy.
 */
describe('Connection pool under bursts of writes', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), {
    database: { poolSize: POOL_SIZE, acquireTimeoutMs: 10_000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 10_000 },
  });

  it.each(CREATES)('answers a burst of %s creations and stays healthy', async (_, expectedStatus, create) => {
    const world: World = { ...(await make.world()), partners: await Promise.all(Array.from({ length: BURST }, () => make.partner())) };
    expect((await t.post('/api/users', { email: 'burst-login@test.example', displayName: 'Burst', role: 'viewer', password: TEST_PASSWORD })).status).toBe(201);

    const responses = await Promise.all(Array.from({ length: BURST }, (_, n) => create(t, world, n)));

    expect(responses.map((response) => response.status)).toEqual(Array(BURST).fill(expectedStatus));
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
  });

  it('stays healthy after a burst of a hundred status updates', async () => {
    const { initiative } = await make.world();
    const create = CREATES.find(([kind]) => kind === 'status update')![2];
    const responses = await Promise.all(Array.from({ length: 100 }, (_, n) => create(t, { initiative } as World, n)));
    expect(responses.filter((response) => response.status !== 201)).toEqual([]);
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
  });
});
