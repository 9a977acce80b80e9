import { HEALTHS, INITIATIVE_STATUSES, SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { isMilestoneOverdue, overdueMilestones } from '@fremdrift/progress';
import { Client } from 'pg';
import { loadConfig } from '../../src/core/config/app-config';
import { DASHBOARD_STATEMENTS } from '../../src/modules/dashboard/dashboard-statements';
import { rebuildDashboardRollups } from '../../src/modules/dashboard/rollups/rebuild-rollups';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small deterministic generator, so that a failing sequence can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const date = (from: number, years: number) => {
    const day = new Date(Date.UTC(from, 0, 1) + int(years * 365) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  return { int, pick, chance, date };
}

describe('The dashboard rollups', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  /** Both rollup tables, row by row, as text. */
  const snapshot = async () => ({
    initiatives: (await t.dataSource.query('SELECT d::text AS row FROM dashboard_initiative d ORDER BY d.id')).map((r: { row: string }) => r.row),
    healthChanges: (await t.dataSource.query('SELECT c::text AS row FROM dashboard_health_change c ORDER BY c.initiative_id, c.month')).map(
      (r: { row: string }) => r.row,
    ),
  });

  /** The dashboard without the moment it was computed. */
  const dashboard = async (query: string) => {
    const response = await t.get(`/api/dashboard?${query}`);
    expect(response.status).toBe(200);
    const { generatedAt: _generatedAt, ...view } = response.body;
    return view;
  };

  describe('the SQL twins of the overdue rule', () => {
    it('count the overdue and soon-due open milestones from the sorted due dates as isMilestoneOverdue does', async () => {
      const r = random(7);
      const today = '2026-07-02';
      for (let n = 0; n < 60; n++) {
        const milestones = Array.from({ length: r.int(7) }, () => ({
          dueDate: r.chance(0.15) ? null : r.pick(['2026-07-01', '2026-07-02', '2026-07-03', '2026-09-29', '2026-09-30', '2026-10-01', r.date(2026, 1)]),
          completedDate: r.chance(0.3) ? r.date(2026, 1) : null,
        }));
        const [{ overdue, dueSoon }] = await t.dataSource.query(
          `WITH open AS (SELECT coalesce(array_agg(d ORDER BY d), '{}')::date[] AS dates FROM unnest($1::date[]) d)
           SELECT fremdrift_overdue_milestones(dates, $2::date) AS overdue, dashboard_due_between(dates, $2::date, $2::date + 90)::text[] AS "dueSoon" FROM open`,
          [milestones.filter((m) => m.completedDate === null && m.dueDate !== null).map((m) => m.dueDate), today],
        );
        const soon = milestones
          .filter((m) => m.completedDate === null && m.dueDate !== null && !isMilestoneOverdue(m, today) && m.dueDate < '2026-09-30')
          .map((m) => m.dueDate)
          .sort();
        expect({ milestones, overdue, dueSoon }).toEqual({ milestones, overdue: overdueMilestones(milestones, today).length, dueSoon: soon });
      }
    });
  });

  describe('kept on every write', () => {
    /** A seeded random sequence of writes through the API, as users and imports make them. */
    async function randomWrites(seed: number, steps: number) {
      const r = random(seed);
      const departments = await Promise.all(['MSO', 'MBU', 'MKB', 'MTM'].map((code) => make.department({ code })));
      const plans = await Promise.all([0, 1].map(() => make.plan({ goals: [{ title: 'Et sundt og aktivt liv' }, { title: 'Fællesskaber' }] })));
      const [delayCause] = (await t.get('/api/delay-causes')).body;
      const initiatives: { id: string; milestones: { id: string; version: number }[]; updates: { id: string; version: number }[] }[] = [];
      let applied = 0;
      const ok = (response: { status: number }) => {
        if (response.status < 300) applied++;
        else expect(response.status).toBeLessThan(500);
        return response.status < 300;
      };
      const newInitiative = async () => {
        const plan = r.pick(plans);
        const lead = r.pick(departments);
        const start = r.chance(0.8) ? r.date(2019, 4) : null;
        const response = await t.post('/api/initiatives', {
          title: `Initiativ ${initiatives.length + 1}`,
          actionPlanId: plan.id,
          goalId: r.chance(0.7) ? r.pick(plan.goals as { id: string }[]).id : null,
          leadDepartmentId: lead.id,
          participatingDepartmentIds: departments.filter((d) => d !== lead && r.chance(0.3)).map((d) => d.id),
          status: r.pick(INITIATIVE_STATUSES.filter((s) => s !== 'cancelled')),
          startDate: start,
          targetDate: start && r.chance(0.8) ? r.date(2023, 5) : null,
        });
        if (ok(response)) initiatives.push({ id: response.body.id, milestones: [], updates: [] });
      };
      for (let i = 0; i < 6; i++) await newInitiative();

      for (let step = 0; step < steps; step++) {
        const target = r.pick(initiatives);
        const kind = r.int(16);
        if (kind <= 1) {
          await newInitiative();
        } else if (kind === 2 && initiatives.length > 8) {
          const current = (await t.get(`/api/initiatives/${target.id}`)).body;
          if (ok(await t.delete(`/api/initiatives/${target.id}`, { ifMatch: current.version }))) initiatives.splice(initiatives.indexOf(target), 1);
        } else if (kind <= 4) {
          const current = (await t.get(`/api/initiatives/${target.id}`)).body;
          const participants = new Set((current.participatingDepartments as { id: string }[]).map((d) => d.id));
          const plan = r.pick(plans);
          const change = r.pick([
            { status: r.pick(['idea', 'planned', 'in_progress', 'on_hold', 'completed']), openMilestones: r.pick(['complete', 'keep']) },
            { leadDepartmentId: r.pick(departments.filter((d) => !participants.has(d.id))).id },
            { participatingDepartmentIds: departments.filter((d) => d.id !== current.leadDepartment.id && r.chance(0.4)).map((d) => d.id) },
            { actionPlanId: plan.id, goalId: r.pick(plan.goals as { id: string }[]).id },
            { startDate: '2020-01-01', targetDate: r.date(2024, 4) },
            { title: `Omdøbt ${step}` },
          ]);
          ok(await t.patch(`/api/initiatives/${target.id}`, change, { ifMatch: current.version }));
        } else if (kind <= 8) {
          const response = await make
            .milestone(target.id, {
              dueDate: r.chance(0.9) ? r.date(2024, 4) : null,
              weight: r.int(6),
              ...(r.chance(0.3) ? { completedDate: r.date(2024, 3) } : {}),
            })
            .catch(() => null);
          if (response) {
            applied++;
            target.milestones.push({ id: response.id, version: response.version });
          }
        } else if (kind === 9 && target.milestones.length > 0) {
          const milestone = r.pick(target.milestones);
          const current = await t.get(`/api/initiatives/${target.id}/milestones/${milestone.id}`);
          if (current.status !== 200) continue;
          const change = r.pick([{ completedDate: r.date(2024, 3) }, { completedDate: null }, { dueDate: r.date(2025, 3) }, { weight: r.int(6) }]);
          ok(await t.patch(`/api/initiatives/${target.id}/milestones/${milestone.id}`, change, { ifMatch: current.body.version }));
        } else if (kind === 10 && target.milestones.length > 0) {
          const [milestone] = target.milestones.splice(-1, 1);
          const current = await t.get(`/api/initiatives/${target.id}/milestones/${milestone.id}`);
          if (current.status === 200) ok(await t.delete(`/api/initiatives/${target.id}/milestones/${milestone.id}`, { ifMatch: current.body.version }));
        } else if (kind <= 13) {
          const month = r.date(2023, 4).slice(0, 7);
          const response = await t.post(`/api/initiatives/${target.id}/status-updates`, {
            periodStart: `${month}-01`,
            periodEnd: `${month}-${r.pick(['10', '20', '28'])}`,
            health: r.pick(HEALTHS),
            narrative: 'Arbejdet skrider frem.',
            authorName: 'Mette Holm',
            delayCauseId: delayCause.id,
            delayReason: 'Mentorerne sprang fra.',
          });
          if (ok(response)) target.updates.push({ id: response.body.id, version: response.body.version });
        } else if (target.updates.length > 0) {
          const update = r.pick(target.updates);
          const current = await t.get(`/api/initiatives/${target.id}/status-updates/${update.id}`);
          if (current.status !== 200) continue;
          if (r.chance(0.4)) {
            if (ok(await t.delete(`/api/initiatives/${target.id}/status-updates/${update.id}`, { ifMatch: current.body.version })))
              target.updates.splice(target.updates.indexOf(update), 1);
          } else {
            const month = r.date(2023, 4).slice(0, 7);
            const change = r.pick([{ health: r.pick(HEALTHS) }, { periodStart: `${month}-01`, periodEnd: `${month}-15` }]);
            ok(await t.patch(`/api/initiatives/${target.id}/status-updates/${update.id}`, change, { ifMatch: current.body.version }));
          }
        }
      }

      // An import creates an initiative and adds milestones to an existing one.
      const admin = await t.signedIn('admin');
      const headers = { cookie: `${SESSION_COOKIE}=${admin.session.token}`, [XSRF_HEADER.toLowerCase()]: admin.session.csrfToken, 'content-type': 'text/csv' };
      const fastify = t.app.getHttpAdapter().getInstance();
      const importCsv = async (lines: string[]) => {
        const payload = Buffer.from(lines.join('\r\n'), 'utf8');
        const dryRun = await fastify.inject({ method: 'POST', url: '/api/initiatives/import?fileName=test', headers, payload });
        expect(dryRun.json().counts.error).toBe(0);
        const confirmed = await fastify.inject({
          method: 'POST',
          url: `/api/initiatives/import?fileName=test&confirm=${dryRun.json().token}`,
          headers,
          payload,
        });
        expect(confirmed.statusCode).toBe(200);
        applied++;
      };
      await importCsv([`Titel;Handleplan;Ansvarlig afdeling;Status;Startdato;Slutdato`, `Importeret;${plans[0].title};MBU;I gang;01-02-2024;30-11-2027`]);
      await importCsv([`Initiativ-id;Titel;Frist;Vægt`, `${initiatives[0].id};Importeret milepæl;15.03.2025;3`, `${initiatives[0].id};Endnu en;15.03.2031;1`]);
      return { applied, departments, plans };
    }

    it('equal a rebuild from scratch after a random sequence of writes, and the dashboard answers the same before and after', async () => {
      const { applied, departments, plans } = await randomWrites(20261204, 160);
      expect(applied).toBeGreaterThan(100);
      const [{ initiatives }] = await t.dataSource.query('SELECT count(*)::int AS initiatives FROM initiative');
      const [{ changes }] = await t.dataSource.query('SELECT count(*)::int AS changes FROM dashboard_health_change');
      expect(initiatives).toBeGreaterThan(10);
      expect(changes).toBeGreaterThan(10);

      const queries = [
        '',
        `actionPlanId=${plans[0].id}`,
        `actionPlanId=${plans[1].id}&goalId=${plans[1].goals[0].id}`,
        'department=MBU',
        'department=mso&departmentRole=lead',
        `department=${departments[2].id}&departmentRole=participating`,
        `actionPlanId=${plans[0].id}&department=MTM&from=2022-06-01&to=2024-02-29`,
        'from=2024-01-01',
        'to=2023-06-30',
      ];
      const incremental = await snapshot();
      const before = await Promise.all(queries.map(dashboard));

      await t.dataSource.query('SELECT rebuild_dashboard_rollups()');
      const rebuilt = await snapshot();
      expect(rebuilt.initiatives).toHaveLength(initiatives);
      expect(incremental).toEqual(rebuilt);
      expect(await Promise.all(queries.map(dashboard))).toEqual(before);
    });

    it('give the figures the milestones and the status-update history give when computed from them directly', async () => {
      await randomWrites(4242, 120);
      const { today } = await dashboard('');
      for (const [from, to] of [
        [null, null],
        ['2021-11-01', '2025-02-01'],
        ['2024-03-01', null],
      ]) {
        const view = await dashboard([from ? `from=${from}` : '', to ? `to=${to}` : ''].join('&'));
        const history = await t.dataSource.query(
          `WITH span AS (
             SELECT date_trunc('month', coalesce($1::date, (SELECT min(period_end) FROM status_update), $3::date)) AS first,
                    date_trunc('month', coalesce($2::date, $3::date)) AS last
           ),
           months AS (SELECT generate_series(greatest(first, last - interval '119 months'), last, interval '1 month')::date AS month FROM span)
           SELECT to_char(m.month, 'YYYY-MM') AS month,
                  json_build_object(
                    'on_track', count(*) FILTER (WHERE latest.health = 'on_track'),
                    'at_risk', count(*) FILTER (WHERE latest.health = 'at_risk'),
                    'off_track', count(*) FILTER (WHERE latest.health = 'off_track')) AS "byHealth",
                  count(latest.health)::int AS reported
             FROM months m
             LEFT JOIN LATERAL (
               SELECT DISTINCT ON (u.initiative_id) u.health FROM status_update u WHERE u.period_end < (m.month + interval '1 month')::date
                ORDER BY u.initiative_id, u.period_end DESC, u.reported_at DESC, u.id DESC
             ) latest ON true
            GROUP BY m.month ORDER BY m.month`,
          [from, to, today],
        );
        expect(history.length).toBeGreaterThan(2);
        expect({ from, to, healthOverTime: view.healthOverTime }).toEqual({ from, to, healthOverTime: history });
      }
      const [milestones] = await t.dataSource.query(
        `SELECT count(*)::int AS total, count(completed_date)::int AS completed,
                count(*) FILTER (WHERE completed_date IS NOT NULL AND (due_date IS NULL OR completed_date <= due_date))::int AS "completedOnTime",
                count(*) FILTER (WHERE fremdrift_milestone_overdue(completed_date, due_date, $1::date))::int AS overdue,
                count(*) FILTER (WHERE completed_date IS NULL AND due_date >= $1::date AND due_date < $1::date + 90)::int AS "dueNext90Days"
           FROM milestone`,
        [today],
      );
      const view = await dashboard('');
      expect(milestones.overdue).toBeGreaterThan(0);
      expect(view.headline.milestones).toEqual({ ...milestones, onTimeShare: milestones.completed ? milestones.completedOnTime / milestones.completed : null });
      const weeks = await t.dataSource.query(
        `SELECT to_char(date_trunc('week', due_date), 'YYYY-MM-DD') AS "weekStart", count(*)::int AS due FROM milestone
          WHERE completed_date IS NULL AND due_date >= $1::date AND due_date < $1::date + 90 GROUP BY 1 ORDER BY 1`,
        [today],
      );
      expect(view.milestoneWeeks).toEqual(weeks);
    });

    it('stay right when several writers change one initiative at once', async () => {
      const { initiative } = await make.world();
      const [delayCause] = (await t.get('/api/delay-causes')).body;
      const writes = await Promise.all([
        ...Array.from({ length: 8 }, (_, k) =>
          t.post(`/api/initiatives/${initiative.id}/milestones`, {
            title: `Milepæl ${k}`,
            weight: k,
            dueDate: `2030-0${k + 1}-01`,
            ...(k % 2 ? { completedDate: '2026-01-01' } : {}),
          }),
        ),
        ...Array.from({ length: 6 }, (_, k) =>
          t.post(`/api/initiatives/${initiative.id}/status-updates`, {
            periodStart: `2025-0${k + 1}-01`,
            periodEnd: `2025-0${k + 1}-20`,
            health: HEALTHS[k % 3],
            narrative: 'Arbejdet skrider frem.',
            authorName: 'Mette Holm',
            delayCauseId: delayCause.id,
            delayReason: 'Mentorerne sprang fra.',
          }),
        ),
      ]);
      expect(writes.map((w) => w.status).filter((status) => status >= 500)).toEqual([]);
      expect(writes.filter((w) => w.status < 300).length).toBeGreaterThanOrEqual(10);
      const incremental = await snapshot();
      await t.dataSource.query('SELECT rebuild_dashboard_rollups()');
      expect(incremental).toEqual(await snapshot());
    });

    it('are rebuilt from scratch by the rebuild command', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { weight: 2, completedDate: '2025-01-01' });
      await make.statusUpdate(initiative.id, { periodStart: '2025-01-01', periodEnd: '2025-01-31', health: 'on_track' });
      const kept = await snapshot();
      await t.dataSource.query(`UPDATE dashboard_initiative SET progress = 0, open_due_dates = '{2000-01-01}', last_period_end = NULL`);
      await t.dataSource.query('DELETE FROM dashboard_health_change');
      expect(await snapshot()).not.toEqual(kept);
      const url = String(process.env['DATABASE_URL']);
      expect(await rebuildDashboardRollups({ ...loadConfig({}), webRoot: null, databaseUrl: url, jobsEnabled: false }, url)).toEqual({
        initiatives: 1,
        healthChanges: 1,
      });
      expect(await snapshot()).toEqual(kept);
    });
  });

  it('answers the dashboard without a statement that reads milestones or the status-update history', async () => {
    const { plan, department, initiative } = await make.world();
    await make.milestone(initiative.id, { dueDate: '2020-01-01' });
    await make.statusUpdate(initiative.id);
    const views = ['', `actionPlanId=${plan.id}&goalId=${plan.goals[0].id}`, `department=${department.code}&departmentRole=participating&from=2020-01-01`];

    const statements: { sql: string; params: unknown[] }[] = [];
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      for (const query of views) expect((await t.get(`/api/dashboard?${query}`)).status).toBe(200);
      for (const call of spy.mock.calls as unknown[][]) {
        const [first, second] = call;
        const sql = typeof first === 'string' ? first : (first as { text: string }).text;
        const params = (Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? [])) as unknown[];
        if (/^\s*(WITH|SELECT)\b/i.test(sql)) statements.push({ sql, params });
      }
    } finally {
      spy.mockRestore();
    }
    const { today } = await dashboard('');
    for (const query of [{}, { actionPlanId: plan.id, goalId: plan.goals[0].id }, { department: 'MSO', departmentRole: 'any' as const, from: '2020-01-01' }])
      for (const statement of Object.values(DASHBOARD_STATEMENTS)) statements.push(statement(query, today));
    expect(statements.filter((s) => /dashboard_initiative/.test(s.sql)).length).toBeGreaterThanOrEqual(views.length * 5 + 15);

    const relationsOf = (plan: Json): string[] => [
      ...(plan['Relation Name'] ? [plan['Relation Name']] : []),
      ...((plan['Plans'] as Json[] | undefined) ?? []).flatMap(relationsOf),
    ];
    const read = new Set<string>();
    for (const { sql, params } of statements) {
      const [
        {
          'QUERY PLAN': [explained],
        },
      ] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const relations = relationsOf(explained.Plan);
      relations.forEach((relation) => read.add(relation));
      expect({ sql, relations: relations.filter((relation) => relation === 'milestone' || relation === 'status_update') }).toEqual({ sql, relations: [] });
    }
    // The plans name the tables they read, so the check above can fail.
    expect(read).toContain('dashboard_initiative');
    expect(read).toContain('dashboard_health_change');
    const [
      {
        'QUERY PLAN': [old],
      },
    ] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT count(*) FROM milestone m JOIN status_update u USING (initiative_id)`);
    expect(relationsOf(old.Plan).sort()).toEqual(['milestone', 'status_update']);
  });
});
