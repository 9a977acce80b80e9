import { COMPLIANCE_LIST_LIMIT, HEALTHS, INITIATIVE_STATUSES, SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { awaitsReport, computeReporting, isMilestoneOverdue, overdueMilestones, type ReportingInput } from '@fremdrift/progress';
import { Client } from 'pg';
import { loadConfig } from '../../src/core/config/app-config';
import {
  DASHBOARD_COUNTER_STATEMENTS,
  DASHBOARD_ROLLUP_STATEMENTS,
  DASHBOARD_STATEMENTS,
  dashboardViewStatements,
  MAILS_SHOWN,
} from '../../src/modules/dashboard/dashboard-statements';
import { kindsByGroup, latestSentSql } from '../../src/modules/outbox/sent-mail-rows';
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

  /** Every rollup and counter table, row by row, as text. */
  const snapshot = async () => ({
    initiatives: (await t.dataSource.query('SELECT d::text AS row FROM dashboard_initiative d ORDER BY d.id')).map((r: { row: string }) => r.row),
    healthChanges: (await t.dataSource.query('SELECT c::text AS row FROM dashboard_health_change c ORDER BY c.initiative_id, c.month')).map(
      (r: { row: string }) => r.row,
    ),
    healthMonths: (await t.dataSource.query('SELECT h::text AS row FROM dashboard_health_month h ORDER BY h.level, h.action_plan_id, h.goal_id, h.month')).map(
      (r: { row: string }) => r.row,
    ),
    counts: (await t.dataSource.query('SELECT c::text AS row FROM dashboard_count c ORDER BY 1')).map((r: { row: string }) => r.row),
    dueDates: (await t.dataSource.query('SELECT u::text AS row FROM dashboard_due u ORDER BY 1')).map((r: { row: string }) => r.row),
    expected: (await t.dataSource.query('SELECT e::text AS row FROM dashboard_expected e ORDER BY 1')).map((r: { row: string }) => r.row),
    reporting: (await t.dataSource.query('SELECT r::text AS row FROM dashboard_reporting r ORDER BY 1')).map((r: { row: string }) => r.row),
    reportingCounts: (await t.dataSource.query('SELECT c::text AS row FROM dashboard_reporting_count c ORDER BY 1')).map((r: { row: string }) => r.row),
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
            { startDate: r.date(2024, 3), targetDate: r.chance(0.5) ? r.date(2023, 5) : null },
            { title: `Omdøbt ${step}` },
            { health: r.pick(HEALTHS) },
            { published: r.chance(0.5), publicSummary: 'Et offentligt resumé af initiativet til borgerne.' },
            { status: 'cancelled', cancellationReason: 'Styregruppen har opgivet initiativet.' },
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

    it('give, as counters per plan and goal, the figures the per-initiative rollups give for every view without a department', async () => {
      const { plans, departments } = await randomWrites(777, 140);
      const { today } = await dashboard('');
      // Sums are exact; averages may differ in the last bits of a double.
      const rounded = (value: unknown): unknown =>
        typeof value === 'number'
          ? Number(value.toPrecision(12))
          : Array.isArray(value)
            ? value.map(rounded)
            : value && typeof value === 'object'
              ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]))
              : value;
      const views = [
        {},
        { actionPlanId: plans[0].id },
        { actionPlanId: plans[1].id, goalId: plans[1].goals[1].id },
        { goalId: plans[0].goals[0].id },
        { actionPlanId: plans[0].id, goalId: plans[1].goals[0].id },
        { from: '2022-01-01', to: '2024-06-30' },
        { actionPlanId: plans[1].id, from: '2025-03-01' },
      ];
      let compared = 0;
      for (const query of views)
        for (const name of Object.keys(DASHBOARD_COUNTER_STATEMENTS) as (keyof typeof DASHBOARD_COUNTER_STATEMENTS)[]) {
          const counters = DASHBOARD_COUNTER_STATEMENTS[name](query, today);
          const rollups = DASHBOARD_ROLLUP_STATEMENTS[name](query, today);
          const [fromCounters, fromRollups] = await Promise.all([counters, rollups].map(({ sql, params }) => t.dataSource.query(sql, params)));
          expect({ query, name, rows: rounded(fromCounters) }).toEqual({ query, name, rows: rounded(fromRollups) });
          if (JSON.stringify(fromRollups).match(/[1-9]/)) compared++;
        }
      expect(compared).toBeGreaterThan(20);

      // The compliance list: the most overdue of those computeReporting says await a report, counted all.
      // One initiative reported the previous month, so that this month's report is due, not overdue.
      const [year, month] = today.split('-').map(Number);
      const monthly = await make.plan({ reportingPeriod: 'monthly' });
      const reported = await make.initiative(
        { actionPlanId: monthly.id, leadDepartmentId: departments[0].id },
        { status: 'in_progress', startDate: '2024-01-01' },
      );
      await make.statusUpdate(reported.id, {
        periodStart: new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10),
        periodEnd: new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10),
      });
      const all = await t.dataSource.query(
        `SELECT i.id, i.status, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", p.reporting_period AS period,
                to_char(i.last_period_end, 'YYYY-MM-DD') AS "lastReportedPeriodEnd"
           FROM dashboard_initiative i JOIN action_plan p ON p.id = i.action_plan_id`,
      );
      const awaiting = all
        .map((row: ReportingInput & { id: string }) => ({ id: row.id, ...computeReporting(row, today) }))
        .filter(awaitsReport)
        .sort((a: { daysOverdue: number }, b: { daysOverdue: number }) => b.daysOverdue - a.daysOverdue);
      expect(awaiting.filter((row: { state: string }) => row.state === 'overdue').length).toBeGreaterThan(3);
      expect(awaiting.filter((row: { state: string }) => row.state === 'due').length).toBeGreaterThan(0);
      const run = async (limit: number | null) => {
        const { sql, params } = DASHBOARD_STATEMENTS.reporting({}, today, limit);
        return t.dataSource.query(sql, params);
      };
      const full = await run(null);
      expect(full.map((row: { id: string }) => row.id).sort()).toEqual(awaiting.map((row: { id: string }) => row.id).sort());
      const top = await run(3);
      expect(top.map((row: ReportingInput) => computeReporting(row, today).daysOverdue)).toEqual(
        awaiting.slice(0, 3).map((row: { daysOverdue: number }) => row.daysOverdue),
      );
      expect(top[0]).toMatchObject({ awaiting: awaiting.length, overdue: awaiting.filter((row: { state: string }) => row.state === 'overdue').length });
      const view = await dashboard('');
      expect(view.complianceCounts).toEqual({ awaiting: top[0].awaiting, overdue: top[0].overdue });
      expect(view.compliance.length).toBe(Math.min(awaiting.length, COMPLIANCE_LIST_LIMIT));
    });

    it('answer in the two statements of a view what the five statements answer one by one, the sums they share included, with the mails of the listed', async () => {
      const { plans, departments } = await randomWrites(3131, 100);
      const { today } = await dashboard('');
      // Mails of each kind shown, and one of a kind not shown, for every initiative.
      await t.dataSource.query(
        `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, sent_at)
         SELECT k.kind || i.id, k.kind, 'lead@test.example', 'da', 'Emne', 'x', '<p>x</p>', ARRAY[i.id], 'sent', now() - k.n * interval '1 hour'
           FROM dashboard_initiative i, unnest(ARRAY['reminder', 'final_reminder', 'escalation', 'digest']) WITH ORDINALITY AS k(kind, n)`,
      );
      const views = [
        {},
        { actionPlanId: plans[0].id },
        { goalId: plans[1].goals[0].id },
        { actionPlanId: plans[1].id, goalId: plans[1].goals[1].id, from: '2023-01-01', to: '2025-12-31' },
        { department: departments[0].code, departmentRole: 'any' as const },
      ];
      for (const query of views) {
        const [first, second] = await Promise.all(dashboardViewStatements(query, today).map(({ sql, params }) => t.dataSource.query(sql, params)));
        const { mails, ...combined } = { ...first[0], ...second[0] };
        const { kinds, groups } = kindsByGroup(MAILS_SHOWN);
        const [{ latest }] = await t.dataSource.query(
          `SELECT coalesce(json_agg(x), '[]') AS latest FROM (${latestSentSql('$1::uuid[]', '$2::varchar[]', '$3::text[]')}) x`,
          [combined.reporting.map((row: { id: string }) => row.id), kinds, groups],
        );
        expect(mails).toEqual(latest);
        expect(mails.length).toBe(2 * combined.reporting.length);
        const separate: Record<string, unknown> = {};
        for (const [name, statement] of Object.entries(DASHBOARD_STATEMENTS)) {
          const { sql, params } = statement(query, today);
          const rows = await t.dataSource.query(`SELECT coalesce(json_agg(x), '[]') AS rows FROM (${sql}) x`, params);
          separate[name] = name === 'headline' ? rows[0].rows[0] : rows[0].rows;
        }
        expect({ query, view: combined }).toEqual({ query, view: separate });
        expect(combined.headline.initiatives).toBeGreaterThan(0);
      }
    });

    it('list and count the initiatives that await a report as computeReporting says, in every view and whatever their status, start or cadence', async () => {
      const { plans, departments } = await randomWrites(5151, 90);
      const { today } = await dashboard('');
      const [year, month] = today.split('-').map(Number);
      const day = (months: number, date: number) => new Date(Date.UTC(year, month - 1 + months, date)).toISOString().slice(0, 10);
      const quarterStart = day(-((month - 1) % 3), 1);
      const monthly = await make.plan({ reportingPeriod: 'monthly', goals: [{ title: 'Et sundt og aktivt liv' }] });
      const quarterly = await make.plan({ reportingPeriod: 'quarterly', goals: [{ title: 'Fællesskaber' }] });
      const cases: { plan: Json; status: string; startDate: string | null; reports: [string, string][]; cancelled?: boolean }[] = [
        // Not yet started, with and without earlier reports.
        { plan: monthly, status: 'planned', startDate: day(2, 10), reports: [] },
        { plan: quarterly, status: 'planned', startDate: day(4, 1), reports: [[day(-3, 1), day(-2, 0)]] },
        { plan: monthly, status: 'planned', startDate: day(1, 1), reports: [[day(-14, 1), day(-13, 0)]] },
        // Started this period, two periods ago, and without a start date.
        { plan: monthly, status: 'planned', startDate: day(0, 1), reports: [] },
        { plan: quarterly, status: 'planned', startDate: day(-7, 15), reports: [] },
        { plan: monthly, status: 'in_progress', startDate: null, reports: [] },
        { plan: quarterly, status: 'on_hold', startDate: day(6, 1), reports: [] },
        // Reported the previous period in full, part of it, and this period.
        { plan: monthly, status: 'in_progress', startDate: '2024-01-01', reports: [[day(-1, 1), day(0, 0)]] },
        { plan: monthly, status: 'in_progress', startDate: '2024-01-01', reports: [[day(-1, 1), day(-1, 20)]] },
        { plan: quarterly, status: 'in_progress', startDate: '2024-01-01', reports: [[day(-((month - 1) % 3) - 3, 1), day(-((month - 1) % 3), 0)]] },
        { plan: quarterly, status: 'on_hold', startDate: '2024-01-01', reports: [[day(-((month - 1) % 3) - 3, 1), day(-((month - 1) % 3) - 1, 10)]] },
        { plan: quarterly, status: 'in_progress', startDate: '2024-01-01', reports: [[quarterStart, day(0, 2)]] },
        // Closed or not begun work with missing reports.
        { plan: monthly, status: 'completed', startDate: '2024-01-01', reports: [[day(-9, 1), day(-8, 0)]] },
        { plan: monthly, status: 'cancelled', startDate: '2024-01-01', reports: [], cancelled: true },
        { plan: quarterly, status: 'idea', startDate: '2024-01-01', reports: [] },
      ];
      for (const [index, c] of cases.entries()) {
        const initiative = await make.initiative(
          { actionPlanId: c.plan.id, leadDepartmentId: departments[index % departments.length].id },
          { status: c.cancelled ? 'in_progress' : c.status, startDate: c.startDate, goalId: c.plan.goals[0].id },
        );
        for (const [periodStart, periodEnd] of c.reports) await make.statusUpdate(initiative.id, { periodStart, periodEnd });
        if (c.cancelled) {
          const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
          const cancelled = await t.patch(
            `/api/initiatives/${initiative.id}`,
            { status: 'cancelled', cancellationReason: 'Styregruppen har opgivet initiativet.' },
            { ifMatch: current.version },
          );
          expect(cancelled.status).toBe(200);
        }
      }

      const views: { actionPlanId?: string; goalId?: string }[] = [
        {},
        { actionPlanId: monthly.id },
        { actionPlanId: quarterly.id, goalId: quarterly.goals[0].id },
        { goalId: monthly.goals[0].id },
        { actionPlanId: plans[0].id },
        { goalId: plans[1].goals[1].id },
      ];
      const check = async () => {
        const rows: (ReportingInput & { id: string; planId: string; goalId: string | null })[] = await t.dataSource.query(
          `SELECT i.id, i.status, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", p.reporting_period AS period,
                  to_char(i.last_period_end, 'YYYY-MM-DD') AS "lastReportedPeriodEnd", i.action_plan_id AS "planId", i.goal_id AS "goalId"
             FROM dashboard_initiative i JOIN action_plan p ON p.id = i.action_plan_id`,
        );
        const states = new Set<string>();
        for (const view of views) {
          const awaiting = rows
            .filter((row) => (!view.actionPlanId || row.planId === view.actionPlanId) && (!view.goalId || row.goalId === view.goalId))
            .map((row) => ({ id: row.id, ...computeReporting(row, today) }))
            .filter(awaitsReport)
            .sort((a, b) => b.daysOverdue - a.daysOverdue);
          awaiting.forEach((row) => states.add(row.state));
          const run = async (limit: number | null) => {
            const { sql, params } = DASHBOARD_STATEMENTS.reporting(view, today, limit);
            return t.dataSource.query(sql, params);
          };
          const full = await run(null);
          expect({ view, ids: full.map((row: { id: string }) => row.id).sort() }).toEqual({ view, ids: awaiting.map((row) => row.id).sort() });
          const counts = { awaiting: awaiting.length, overdue: awaiting.filter((row) => row.state === 'overdue').length };
          for (const limit of [1, 3, 100]) {
            const top = await run(limit);
            expect({ view, limit, daysOverdue: top.map((row: ReportingInput) => computeReporting(row, today).daysOverdue) }).toEqual({
              view,
              limit,
              daysOverdue: awaiting.slice(0, limit).map((row) => row.daysOverdue),
            });
            if (top.length) expect({ view, awaiting: top[0].awaiting, overdue: top[0].overdue }).toEqual({ view, ...counts });
            const twin = DASHBOARD_ROLLUP_STATEMENTS.reporting(view, today, limit);
            expect(top).toEqual(await t.dataSource.query(twin.sql, twin.params));
          }
          expect((await dashboard(new URLSearchParams(view as Record<string, string>).toString())).complianceCounts).toEqual(counts);
        }
        return states;
      };
      expect([...(await check())].sort()).toEqual(['due', 'overdue']);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM dashboard_initiative WHERE action_plan_id IN ($1, $2)`, [
        monthly.id,
        quarterly.id,
      ]);
      expect(n).toBe(cases.length);

      // A plan's new cadence moves the dates of its initiatives, as a rebuild computes them.
      for (const [plan, reportingPeriod] of [
        [monthly, 'quarterly'],
        [quarterly, 'monthly'],
        [plans[0], 'quarterly'],
      ] as const) {
        const changed = await t.patch(`/api/action-plans/${plan.id}`, { reportingPeriod });
        expect(changed.status).toBe(200);
      }
      await check();
      const incremental = await snapshot();
      await t.dataSource.query('SELECT rebuild_dashboard_rollups()');
      expect(await snapshot()).toEqual(incremental);
      expect(incremental.reporting.length).toBeGreaterThan(cases.length / 2);
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

    it('leave every counter row untouched by a status update that changes no figure, and move them when the health changes', async () => {
      const { initiative, plan, department } = await make.world();
      const started = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { status: 'in_progress', startDate: '2024-01-01' });
      await make.milestone(initiative.id, { dueDate: '2031-05-01', weight: 2 });
      await make.statusUpdate(initiative.id, { periodStart: '2026-09-01', periodEnd: '2026-09-30', health: 'on_track' });
      /** Each counter row with the transaction that last wrote it. */
      const versions = async () =>
        (
          await t.dataSource.query(
            `SELECT 'count' AS t, c.xmin::text AS version, c::text AS row FROM dashboard_count c
             UNION ALL SELECT 'due', u.xmin::text, u::text FROM dashboard_due u
             UNION ALL SELECT 'expected', e.xmin::text, e::text FROM dashboard_expected e
             UNION ALL SELECT 'month', h.xmin::text, h::text FROM dashboard_health_month h ORDER BY 1, 3`,
          )
        ).map((r: { t: string; version: string; row: string }) => `${r.t} ${r.version} ${r.row}`);
      const before = await versions();
      expect(before.filter((row: string) => row.startsWith('count')).length).toBeGreaterThanOrEqual(3);
      expect(before.filter((row: string) => row.startsWith('month')).length).toBe(3);

      await make.statusUpdate(initiative.id, { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'on_track' });
      expect(await versions()).toEqual(before);

      // A new title is copied to the reporting row, but moves no reporting counter.
      const reportingCounts = async () =>
        (await t.dataSource.query(`SELECT c.xmin::text || ' ' || c::text AS row FROM dashboard_reporting_count c ORDER BY 1`)).map(
          (r: { row: string }) => r.row,
        );
      const countsBefore = await reportingCounts();
      expect(countsBefore.length).toBeGreaterThanOrEqual(3);
      const current = (await t.get(`/api/initiatives/${started.id}`)).body;
      expect((await t.patch(`/api/initiatives/${started.id}`, { title: 'Et nyt navn' }, { ifMatch: current.version })).status).toBe(200);
      expect(await t.dataSource.query('SELECT title FROM dashboard_reporting WHERE initiative_id = $1', [started.id])).toEqual([{ title: 'Et nyt navn' }]);
      expect(await reportingCounts()).toEqual(countsBefore);
      expect(await versions()).toEqual(before);

      const [delayCause] = (await t.get('/api/delay-causes')).body;
      await make.statusUpdate(initiative.id, {
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        health: 'at_risk',
        delayCauseId: delayCause.id,
        delayReason: 'Mentorerne sprang fra.',
      });
      expect((await versions()).filter((row: string) => row.startsWith('month')).length).toBe(6);
    });

    it('copy a new lead department to the listed reporting row, and move no reporting counter while its dates stay', async () => {
      const { plan, department } = await make.world();
      const other = await make.department({ code: 'MTM' });
      const started = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { status: 'in_progress', startDate: '2024-01-01' });
      const reportingCounts = async () =>
        (await t.dataSource.query(`SELECT c.xmin::text || ' ' || c::text AS row FROM dashboard_reporting_count c ORDER BY 1`)).map(
          (r: { row: string }) => r.row,
        );
      const countsBefore = await reportingCounts();
      const current = (await t.get(`/api/initiatives/${started.id}`)).body;
      expect((await t.patch(`/api/initiatives/${started.id}`, { leadDepartmentId: other.id }, { ifMatch: current.version })).status).toBe(200);

      expect(await t.dataSource.query('SELECT lead_department_id, status FROM dashboard_reporting WHERE initiative_id = $1', [started.id])).toEqual([
        { lead_department_id: other.id, status: 'in_progress' },
      ]);
      expect(await reportingCounts()).toEqual(countsBefore);
      const listed = (await t.get('/api/dashboard')).body.compliance.find((row: { initiative: { id: string } }) => row.initiative.id === started.id);
      expect(listed.leadDepartment).toEqual({ id: other.id, code: 'MTM', name: other.name });
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
    // Two statements per view, sent at once.
    expect(statements.filter((s) => /dashboard_(initiative|health_month|count|due|expected|reporting)\b/.test(s.sql)).length).toBe(views.length * 2);
    const { today } = await dashboard('');
    for (const query of [{}, { actionPlanId: plan.id, goalId: plan.goals[0].id }, { department: 'MSO', departmentRole: 'any' as const, from: '2020-01-01' }])
      for (const statement of Object.values(DASHBOARD_STATEMENTS)) statements.push(statement(query, today));

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
    expect(read).toContain('dashboard_health_month');
    expect(read).toContain('dashboard_count');
    expect(read).toContain('dashboard_due');
    expect(read).toContain('dashboard_expected');
    expect(read).toContain('dashboard_reporting');
    expect(read).toContain('dashboard_reporting_count');
    const [
      {
        'QUERY PLAN': [old],
      },
    ] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT count(*) FROM milestone m JOIN status_update u USING (initiative_id)`);
    expect(relationsOf(old.Plan).sort()).toEqual(['milestone', 'status_update']);
  });
});
