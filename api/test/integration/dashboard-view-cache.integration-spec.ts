import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

/** The dashboard statements a block of requests sends (the rollup and counter tables are theirs alone). */
async function dashboardStatements(requests: () => Promise<void>): Promise<number> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await requests();
    return (spy.mock.calls as unknown[][])
      .map(([first]) => (typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '')))
      .filter((sql) => /dashboard_(initiative|health_month|count|due|expected|reporting)\b/.test(sql) && /^\s*(WITH|SELECT)\b/i.test(sql)).length;
  } finally {
    spy.mockRestore();
  }
}

describe('The dashboard between two changes', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  it('computes a view once until something changes, and shows a write through the API on the very next request', async () => {
    const { plan, department } = await make.world();
    const first = (await t.get('/api/dashboard')).body;
    expect(first.headline.initiatives).toBe(1);

    const again = await dashboardStatements(async () => {
      const second = await t.get('/api/dashboard');
      expect(second.body).toEqual(first);
    });
    expect(again).toBe(0);

    await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
    const afterWrite = await dashboardStatements(async () => {
      expect((await t.get('/api/dashboard')).body.headline.initiatives).toBe(2);
    });
    expect(afterWrite).toBe(2);
  });

  it('keeps each filter apart, whatever the order of its parameters', async () => {
    const { plan } = await make.world();
    await t.get(`/api/dashboard?actionPlanId=${plan.id}&from=2020-01-01`);
    const sent = await dashboardStatements(async () => {
      expect((await t.get(`/api/dashboard?from=2020-01-01&actionPlanId=${plan.id}`)).status).toBe(200);
      expect((await t.get('/api/dashboard')).status).toBe(200);
    });
    // The reordered filter is the same view; the unfiltered one is another.
    expect(sent).toBe(2);
  });

  it('shows a change another process commits as soon as the change feed reports it', async () => {
    const { initiative } = await make.world();
    expect((await t.get('/api/dashboard')).body.headline.milestones.total).toBe(0);
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('fremdrift.actor_id', '', true), set_config('fremdrift.actor_name', 'Test', true)`);
      await manager.query(`INSERT INTO milestone (initiative_id, title, position) VALUES ($1, 'Første hold', 0)`, [initiative.id]);
    });
    const started = Date.now();
    let total = 0;
    while (total === 0 && Date.now() - started < 2000) {
      total = (await t.get('/api/dashboard')).body.headline.milestones.total;
      if (total === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(total).toBe(1);
  });

  it('reads the mails sent for the listed initiatives on every request, since the outbox reports no changes', async () => {
    const { plan, department } = await make.world();
    const late = (
      await t.post('/api/initiatives', { title: 'Sen', actionPlanId: plan.id, leadDepartmentId: department.id, status: 'in_progress', startDate: '2025-01-01' })
    ).body;
    const rowOf = (body: { compliance: { initiative: { id: string }; lastReminder: unknown }[] }) => body.compliance.find((r) => r.initiative.id === late.id);
    expect(rowOf((await t.get('/api/dashboard')).body)?.lastReminder).toBeNull();
    await t.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, sent_at)
       VALUES ('cache-test', 'manual_reminder', 'lead@test.example', 'da', 'Påmindelse', 'x', '<p>x</p>', ARRAY[$1::uuid], 'sent', now())`,
      [late.id],
    );
    expect(rowOf((await t.get('/api/dashboard')).body)?.lastReminder).toMatchObject({ kind: 'manual_reminder', to: 'lead@test.example' });
  });
  it('shows for each listed initiative its latest reminder of any kind and its latest escalation, read on every request', async () => {
    const { plan, department } = await make.world();
    const create = async (title: string) =>
      (await t.post('/api/initiatives', { title, actionPlanId: plan.id, leadDepartmentId: department.id, status: 'in_progress', startDate: '2025-01-01' }))
        .body as { id: string };
    const [reminded, quiet] = [await create('Påmindet'), await create('Stille')];
    const send = (key: string, kind: string, sentAt: string) =>
      t.dataSource.query(
        `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, sent_at)
         VALUES ($1::text, $2, $1::text || '@test.example', 'da', 'Emne', 'x', '<p>x</p>', ARRAY[$3::uuid], 'sent', $4)`,
        [key, kind, reminded.id, sentAt],
      );
    expect((await t.get('/api/dashboard')).body.compliance).toHaveLength(2);
    await send('reminder', 'reminder', '2026-01-03T08:00:00Z');
    await send('manual', 'manual_reminder', '2026-01-05T08:00:00Z');
    await send('final', 'final_reminder', '2026-01-04T08:00:00Z');
    await send('escalation', 'escalation', '2026-01-02T08:00:00Z');

    const rows = (await t.get('/api/dashboard')).body.compliance as { initiative: { id: string }; lastReminder: unknown; lastEscalation: unknown }[];
    const row = (id: string) => rows.find((r) => r.initiative.id === id);
    expect(row(reminded.id)?.lastReminder).toEqual({
      kind: 'manual_reminder',
      to: 'manual@test.example',
      recipientName: null,
      at: '2026-01-05T08:00:00.000Z',
      state: 'sent',
    });
    expect(row(reminded.id)?.lastEscalation).toMatchObject({ kind: 'escalation', to: 'escalation@test.example', at: '2026-01-02T08:00:00.000Z' });
    expect(row(quiet.id)).toMatchObject({ lastReminder: null, lastEscalation: null });
  });

  it('shows the same mails in the answer computed after a change, read with the figures, as in the answers that follow it', async () => {
    const { plan, department } = await make.world();
    const create = async (title: string) =>
      (await t.post('/api/initiatives', { title, actionPlanId: plan.id, leadDepartmentId: department.id, status: 'in_progress', startDate: '2025-01-01' }))
        .body as { id: string };
    const reminded = await create('Påmindet');
    await t.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, created_at, sent_at)
       VALUES ('computed', 'reminder', 'lead@test.example', 'da', 'Emne', 'x', '<p>x</p>', ARRAY[$1::uuid], 'sent',
               '2026-01-03T07:59:59.987654Z', '2026-01-03T08:00:00.123456Z')`,
      [reminded.id],
    );
    // A change drops the kept view: the next answer that lists the new initiative was computed.
    const later = await create('Senere');
    const listed = (body: { compliance: { initiative: { id: string } }[] }) => body.compliance.some((r) => r.initiative.id === later.id);
    let computed = (await t.get('/api/dashboard')).body;
    for (const started = Date.now(); !listed(computed) && Date.now() - started < 2000;) computed = (await t.get('/api/dashboard')).body;
    const rowOf = (body: { compliance: { initiative: { id: string } }[] }) => body.compliance.find((r) => r.initiative.id === reminded.id);

    expect(rowOf(computed)).toMatchObject({
      lastReminder: { kind: 'reminder', to: 'lead@test.example', recipientName: null, at: '2026-01-03T08:00:00.123Z', state: 'sent' },
      lastEscalation: null,
    });
    expect(rowOf((await t.get('/api/dashboard')).body)).toEqual(rowOf(computed));
  });

  it('runs the statements of a view by a name that follows their text, so that PostgreSQL plans each once per connection', async () => {
    const { plan, department } = await make.world();
    const names = async (path: string) => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        expect((await t.get(path)).status).toBe(200);
        return (spy.mock.calls as unknown[][])
          .map(([first]) => first as { name?: string } | string)
          .filter((first): first is { name: string } => typeof first === 'object' && /^dashboard-view-/.test(String(first?.name)))
          .map((first) => first.name);
      } finally {
        spy.mockRestore();
      }
    };
    const unfiltered = await names('/api/dashboard');
    expect(unfiltered).toHaveLength(2);
    await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
    expect((await names('/api/dashboard')).sort()).toEqual([...unfiltered].sort());
    const byPlan = await names(`/api/dashboard?actionPlanId=${plan.id}`);
    expect(byPlan).toHaveLength(2);
    expect(byPlan.filter((name) => unfiltered.includes(name))).toEqual([]);
  });
  it('sends a repeated read the same bytes, compressed as the client asks, until the mails it shows change', async () => {
    const { plan, department } = await make.world();
    await t.post('/api/initiatives', { title: 'Sen', actionPlanId: plan.id, leadDepartmentId: department.id, status: 'in_progress', startDate: '2025-01-01' });
    const admin = await t.signedIn('admin');
    const read = async (acceptEncoding?: string) =>
      t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: '/api/dashboard',
          headers: { cookie: `fremdrift_session=${admin.session.token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
        });
    const plain = await read();
    expect(plain.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', vary: 'accept-encoding' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const view = JSON.parse(plain.body);
    expect(view.compliance).toHaveLength(1);

    const gzip = await read('gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
    const br = await read('br;q=1, gzip;q=0.5');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect((await read('gzip, deflate')).rawPayload.equals(gzip.rawPayload)).toBe(true);

    await t.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, sent_at)
       VALUES ('answer-test', 'reminder', 'lead@test.example', 'da', 'Påmindelse', 'x', '<p>x</p>', ARRAY[$1::uuid], 'sent', now())`,
      [view.compliance[0].initiative.id],
    );
    const reminded = JSON.parse(gunzipSync((await read('gzip')).rawPayload).toString());
    expect(reminded.compliance[0].lastReminder).toMatchObject({ kind: 'reminder', to: 'lead@test.example' });
    expect({ ...reminded, compliance: view.compliance }).toEqual(view);
  });
});
