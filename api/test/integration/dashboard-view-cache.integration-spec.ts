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
});
