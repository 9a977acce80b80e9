import { COMPLIANCE_LIST_LIMIT, type DashboardQuery, type MailKind } from '@fremdrift/contracts';
import { kindsByGroup, latestSentSql } from '../outbox/sent-mail-rows';
import { departmentCondition } from '../initiatives/department-condition';

/** A statement with its parameters, ready for `query(sql, params)`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The initiatives of the view as a CTE named `scope`, read from their rollups (`dashboard_initiative`,
 * kept by triggers in the writing transaction; see migration 1795000000015-DashboardRollups): `$1`
 * is today. Progress is stored with the rollup; expected progress depends on today and comes from
 * the SQL mirror of computeExpectedProgress. Averages are taken over numeric, so that they do not
 * depend on the order in which rows are read.
 */
function scope(query: DashboardQuery, today: string): { cte: string; params: unknown[] } {
  const params: unknown[] = [today];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.actionPlanId) where.push(`i.action_plan_id = ${param(query.actionPlanId)}`);
  if (query.goalId) where.push(`i.goal_id = ${param(query.goalId)}`);
  if (query.department) where.push(departmentCondition(query.department, query.departmentRole, param));
  const cte = `
    WITH scope AS (
      SELECT i.id, i.title, i.status, i.health, i.lead_department_id, i.action_plan_id, i.start_date, i.progress::numeric AS progress,
             fremdrift_expected_progress(i.start_date, i.target_date, $1::date) AS expected,
             i.milestones, i.completed, i.completed_on_time, i.open_due_dates, i.first_period_end, i.last_period_end
        FROM dashboard_initiative i
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    )`;
  return { cte, params };
}

/** The key of "all plans" and "all goals", and of "no goal", in the counters of migration 1795000000018. */
const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * Whether a view can be read from the counters: they are kept per plan and goal, not per department
 * (a department filter needs the other departments of each initiative in scope), so a department
 * filter reads the per-initiative rollups through their department indexes.
 */
const fromCounters = (query: DashboardQuery) => !query.department && query.goalId !== NIL;

/**
 * The counter rows (alias `alias`) of a view: all initiatives (level 0), a plan (level 1), or a goal
 * with or without its plan (level 2). `$1` is today.
 */
function counterScope(query: DashboardQuery, today: string, alias: string) {
  const params: unknown[] = [today];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = query.goalId
    ? [
        `${alias}.level = 2`,
        `${alias}.goal_id = ${param(query.goalId)}::uuid`,
        ...(query.actionPlanId ? [`${alias}.action_plan_id = ${param(query.actionPlanId)}::uuid`] : []),
      ]
    : query.actionPlanId
      ? [`${alias}.level = 1`, `${alias}.action_plan_id = ${param(query.actionPlanId)}::uuid`, `${alias}.goal_id = '${NIL}'`]
      : [`${alias}.level = 0`, `${alias}.action_plan_id = '${NIL}'`, `${alias}.goal_id = '${NIL}'`];
  return { params, param, where: where.join(' AND ') };
}

/**
 * The rows of dashboard_expected (alias `e`) that the sum of expected progress on day `$1` needs
 * (see dashboard_expected_events): whole months before today's month, and today's month day by day.
 */
const expectedRows = (where: string) => `(
  SELECT * FROM dashboard_expected e WHERE ${where} AND e.whole_month AND e.day < date_trunc('month', $1::date)::date
  UNION ALL
  SELECT * FROM dashboard_expected e WHERE ${where} AND NOT e.whole_month AND e.day >= date_trunc('month', $1::date)::date AND e.day <= $1::date
) e`;

/** The sum of the expected progress of the initiatives of those rows on day `$1`. */
const EXPECTED_SUM = `
  ($1::date - date '1970-01-01') * coalesce(sum(e.slope) FILTER (WHERE e.day < $1::date), 0) - coalesce(sum(e.slope_day) FILTER (WHERE e.day < $1::date), 0)
  + coalesce(sum(e.steps), 0)`;

/**
 * The CTEs VIEW_COUNTS (the view's rows of `dashboard_count`) and VIEW_EXPECTED (the expected
 * progress summed per department on day `$1`), from the counters: the headline and the departments
 * of one view read each once between them.
 */
const VIEW_COUNTS = 'view_counts';
const VIEW_EXPECTED = 'view_expected';
function sharedCounters(query: DashboardQuery, today: string): Statement {
  const { params, where } = counterScope(query, today, 'c');
  return {
    sql: `${VIEW_COUNTS} AS MATERIALIZED (
         SELECT c.* FROM dashboard_count c WHERE ${where}
       ),
       ${VIEW_EXPECTED} AS MATERIALIZED (
         SELECT e.department_id, ${EXPECTED_SUM} AS expected
           FROM ${expectedRows(counterScope(query, today, 'e').where)}
          GROUP BY e.department_id
       )`,
    params,
  };
}

/** How a counter statement reads its counters: its own rows, or VIEW_COUNTS and VIEW_EXPECTED defined around it. */
type CounterSource = 'own' | 'shared';

/** The view's rows of `dashboard_count` as `c`: read here (`where`), or from VIEW_COUNTS. */
const countsOf = (source: CounterSource, where: string) => (source === 'shared' ? `${VIEW_COUNTS} c` : `(SELECT * FROM dashboard_count c WHERE ${where}) c`);

/** The headline of a view from the counters: rows per status and health, not per initiative. */
function headlineFromCounters(query: DashboardQuery, today: string, source: CounterSource = 'own'): Statement {
  const { params, where } = counterScope(query, today, 'c');
  const expectedSum =
    source === 'shared'
      ? `(SELECT coalesce(sum(expected), 0) FROM ${VIEW_EXPECTED})`
      : `(SELECT ${EXPECTED_SUM} FROM ${expectedRows(counterScope(query, today, 'e').where)})`;
  return {
    sql: `
       WITH cells AS (
         SELECT c.status, c.health, sum(c.initiatives) AS n, sum(c.progress) AS progress, sum(c.dated) AS dated,
                sum(c.milestones) AS milestones, sum(c.completed) AS completed, sum(c.completed_on_time) AS completed_on_time
           FROM ${countsOf(source, where)}
          WHERE c.lead
          GROUP BY c.status, c.health
       ),
       due AS (
         SELECT coalesce(sum(c.milestones) FILTER (WHERE c.whole_month OR c.day < $1::date), 0) AS overdue,
                coalesce(sum(c.milestones) FILTER (WHERE NOT c.whole_month AND c.day >= $1::date), 0) AS soon
           FROM (
             SELECT * FROM dashboard_due c WHERE ${where} AND c.whole_month AND c.day < date_trunc('month', $1::date)::date
             UNION ALL
             SELECT * FROM dashboard_due c WHERE ${where} AND NOT c.whole_month AND c.day >= date_trunc('month', $1::date)::date AND c.day < $1::date + 90
           ) c
       )
       SELECT (SELECT coalesce(sum(n), 0) FROM cells)::int AS initiatives,
              (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, sum(n)::int AS n FROM cells GROUP BY status) s) AS "byStatus",
              (SELECT coalesce(jsonb_object_agg(health, n), '{}') FROM (SELECT health, sum(n)::int AS n FROM cells GROUP BY health) s) AS "byHealth",
              (SELECT (sum(progress) / nullif(sum(n), 0))::float FROM cells) AS "averageProgress",
              (SELECT (${expectedSum} / nullif(sum(dated), 0))::float FROM cells)
                AS "averageExpectedProgress",
              (SELECT jsonb_build_object(
                  'total', coalesce(sum(milestones), 0),
                  'completed', coalesce(sum(completed), 0),
                  'completedOnTime', coalesce(sum(completed_on_time), 0),
                  'overdue', (SELECT overdue FROM due),
                  'dueNext90Days', (SELECT soon FROM due))
                 FROM cells) AS milestones`,
    params,
  };
}

/** The departments of a view from the counters: rows per department, status and health. */
function departmentsFromCounters(query: DashboardQuery, today: string, source: CounterSource = 'own'): Statement {
  // From the shared CTEs it reads no filter of its own, so it takes no parameter but today.
  const { params, where } = source === 'own' ? counterScope(query, today, 'c') : { params: [today], where: '' };
  const expectedWhere = counterScope(query, today, 'e').where;
  const ownExpected = `
       expected AS (
         SELECT e.department_id, ${EXPECTED_SUM} AS expected
           FROM ${expectedRows(expectedWhere)}
          GROUP BY e.department_id
       ),`;
  return {
    sql: `
       WITH lead AS (
         SELECT c.department_id, sum(c.initiatives)::int AS n, sum(c.progress) / nullif(sum(c.initiatives), 0) AS progress, sum(c.dated) AS dated,
                jsonb_build_object(
                  'on_track', coalesce(sum(c.initiatives) FILTER (WHERE c.health = 'on_track'), 0),
                  'at_risk', coalesce(sum(c.initiatives) FILTER (WHERE c.health = 'at_risk'), 0),
                  'off_track', coalesce(sum(c.initiatives) FILTER (WHERE c.health = 'off_track'), 0)) AS by_health
           FROM ${countsOf(source, where)}
          WHERE c.lead
          GROUP BY c.department_id
       ),${source === 'own' ? ownExpected : ''}
       participating AS (
         SELECT c.department_id, sum(c.initiatives)::int AS n, sum(c.progress) / nullif(sum(c.initiatives), 0) AS progress
           FROM ${countsOf(source, where)}
          WHERE NOT c.lead
          GROUP BY c.department_id
       )
       SELECT json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS department,
              coalesce(lead.n, 0) AS "leadInitiatives", lead.progress::float AS "leadProgress",
              (expected.expected / nullif(lead.dated, 0))::float AS "leadExpected",
              coalesce(lead.by_health, '{"on_track": 0, "at_risk": 0, "off_track": 0}'::jsonb) AS "leadByHealth",
              coalesce(participating.n, 0) AS "participatingInitiatives", participating.progress::float AS "participatingProgress"
         FROM department d
         LEFT JOIN lead ON lead.department_id = d.id
         LEFT JOIN ${source === 'own' ? 'expected' : `${VIEW_EXPECTED} expected`} ON expected.department_id = d.id
         LEFT JOIN participating ON participating.department_id = d.id
        ORDER BY d.sort_order, d.name`,
    params,
  };
}

/** Open milestones due in each week of the next 90 days, from the due-date counters. */
function milestoneWeeksFromCounters(query: DashboardQuery, today: string): Statement {
  const { params, where } = counterScope(query, today, 'c');
  return {
    sql: `
       SELECT to_char(date_trunc('week', c.day), 'YYYY-MM-DD') AS "weekStart", sum(c.milestones)::int AS due
         FROM dashboard_due c
        WHERE ${where} AND NOT c.whole_month AND c.day >= $1::date AND c.day < $1::date + 90
        GROUP BY 1 HAVING sum(c.milestones) > 0 ORDER BY 1`,
    params,
  };
}

/**
 * The health-over-time chart of the whole organisation, a plan, a goal or both, from the monthly
 * counters (`dashboard_health_month`): a number of rows that grows with months, not initiatives.
 * The same running sum as the per-initiative form below.
 */
/**
 * The CTEs `span` and `months`: the chart's months from `from` (else the `earliest` month with data,
 * else today's) to `to` (else today's), at most 120 of them, the latest kept.
 */
const chartMonths = (from: string, to: string, earliest: string) => `span AS (
         SELECT date_trunc('month', coalesce(${from}, ${earliest}, $1::date)) AS first,
                date_trunc('month', coalesce(${to}, $1::date)) AS last
       ),
       months AS (
         SELECT generate_series(greatest(first, last - interval '119 months'), last, interval '1 month')::date AS month FROM span
       )`;

/** Health month by month as running totals of the changes (CTEs `months` and `changes`), from counters and rollups alike. */
const HEALTH_RUNNING_TOTALS = `SELECT to_char(m.month, 'YYYY-MM') AS month,
              jsonb_build_object(
                'on_track', sum(coalesce(c.on_track, 0)) OVER running,
                'at_risk', sum(coalesce(c.at_risk, 0)) OVER running,
                'off_track', sum(coalesce(c.off_track, 0)) OVER running) AS "byHealth",
              (sum(coalesce(c.reported, 0)) OVER running)::int AS reported
         FROM months m
         LEFT JOIN changes c ON c.month = m.month
       WINDOW running AS (ORDER BY m.month)
        ORDER BY m.month`;

function healthOverTimeFromCounters(query: DashboardQuery, today: string): Statement {
  const { params, param, where } = counterScope(query, today, 'h');
  const from = `${param(query.from ?? null)}::date`;
  const to = `${param(query.to ?? null)}::date`;
  return {
    sql: `
       WITH counted AS (
         SELECT h.month, sum(h.on_track) AS on_track, sum(h.at_risk) AS at_risk, sum(h.off_track) AS off_track, sum(h.reported) AS reported
           FROM dashboard_health_month h
          WHERE ${where}
          GROUP BY h.month
       ),
       ${chartMonths(from, to, '(SELECT min(month) FROM counted)')},
       changes AS (
         SELECT greatest(c.month, (SELECT min(month) FROM months)) AS month,
                sum(c.on_track) AS on_track, sum(c.at_risk) AS at_risk, sum(c.off_track) AS off_track, sum(c.reported) AS reported
           FROM counted c
          WHERE c.month <= (SELECT max(month) FROM months)
          GROUP BY 1
       )
       ${HEALTH_RUNNING_TOTALS}`,
    params,
  };
}

/**
 * The initiatives that await a report, from `dashboard_reporting` and its counters (migrations
 * 1795000000018 and 1795000000020): the overdue through the index on the end of their first unreported period
 * (daysOverdue is today minus that day), then the due, longest awaiting first; the counts are sums
 * of date-bucketed counters up to today. Due rows can only have started to await a report on a day
 * of their plan's current period or on no day at all ('-infinity'): one index range per cadence,
 * which holds hardly any other rows. The rows carry what the list shows, so nothing is looked up per
 * listed row. The same row shape as the per-initiative form.
 */
function reportingFromCounters(query: DashboardQuery, today: string, limit: number | null = COMPLIANCE_LIST_LIMIT): Statement {
  const { params, param, where } = counterScope(query, today, 'c');
  const rows = [
    ...(query.actionPlanId ? [`r.action_plan_id = ${param(query.actionPlanId)}::uuid`] : []),
    ...(query.goalId ? [`r.goal_id = ${param(query.goalId)}::uuid`] : []),
  ];
  const rowWhere = rows.length ? `${rows.join(' AND ')} AND` : '';
  const n = param(limit);
  // The due are not read at all when the overdue fill the list (a one-time filter).
  const roomLeft = `(${n}::bigint IS NULL OR (SELECT count(*) FROM overdue) < ${n}::bigint)`;
  // Per cadence: those that never reported and have no start yet, then those due since this period began.
  const due = (['monthly', 'quarterly'] as const)
    .map((period) => {
      const unit = period === 'monthly' ? 'month' : 'quarter';
      const notOverdue = `(r.overdue_from IS NULL OR r.overdue_from > $1::date)`;
      return `
         UNION ALL
         (SELECT r.initiative_id, r.period, r.status, r.start_date, r.last_period_end, r.lead_department_id, 1, r.awaiting_from, r.title FROM dashboard_reporting r
           WHERE ${rowWhere} r.period = '${period}' AND r.awaiting_from = '-infinity' AND ${notOverdue} AND ${roomLeft}
           ORDER BY r.title, r.initiative_id LIMIT ${n})
         UNION ALL
         (SELECT r.initiative_id, r.period, r.status, r.start_date, r.last_period_end, r.lead_department_id, 2, r.awaiting_from, r.title FROM dashboard_reporting r
           WHERE ${rowWhere} r.period = '${period}' AND r.awaiting_from >= date_trunc('${unit}', $1::date)::date AND r.awaiting_from <= $1::date
             AND ${notOverdue} AND ${roomLeft}
           ORDER BY r.awaiting_from, r.title, r.initiative_id LIMIT ${n})`;
    })
    .join('');
  return {
    sql: `
       -- Materialized, so that the counts are summed once even when the plan joins them per listed row.
       WITH counts AS MATERIALIZED (
         SELECT coalesce(sum(c.awaiting), 0)::int AS awaiting, coalesce(sum(c.overdue), 0)::int AS overdue
           FROM (
             SELECT * FROM dashboard_reporting_count c WHERE ${where} AND c.whole_month AND c.day < date_trunc('month', $1::date)::date
             UNION ALL
             SELECT * FROM dashboard_reporting_count c WHERE ${where} AND NOT c.whole_month AND c.day >= date_trunc('month', $1::date)::date AND c.day <= $1::date
           ) c
       ),
       overdue AS MATERIALIZED (
         SELECT r.initiative_id, r.period, r.status, r.start_date, r.last_period_end, r.lead_department_id, 0 AS part, r.first_missing_end AS day, r.title FROM dashboard_reporting r
          WHERE ${rowWhere} r.first_missing_end < $1::date AND r.overdue_from <= $1::date
          ORDER BY r.first_missing_end, r.title, r.initiative_id LIMIT ${n}
       ),
       listed AS (
         SELECT * FROM overdue
${due}
       ),
       top AS (SELECT * FROM listed ORDER BY part, day, title, initiative_id LIMIT ${n})
       SELECT top.initiative_id AS id, top.title, top.status, to_char(top.start_date, 'YYYY-MM-DD') AS "startDate", top.period,
              to_char(top.last_period_end, 'YYYY-MM-DD') AS "lastReportedPeriodEnd",
              json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment",
              counts.awaiting, counts.overdue
         FROM top
         -- A lookup per listed row keeps the rows in the order of top, so that they need no second sort.
        CROSS JOIN LATERAL (SELECT d.id, d.code, d.name FROM department d WHERE d.id = top.lead_department_id LIMIT 1) d
        CROSS JOIN counts
        ORDER BY top.part, top.day, top.title, top.initiative_id`,
    params,
  };
}

/**
 * The statements of a view read from the per-initiative rollups (`dashboard_initiative`): what a
 * department filter needs, and the twin the counters are tested against.
 */
export const DASHBOARD_ROLLUP_STATEMENTS = {
  headline(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte}
       SELECT (SELECT count(*) FROM scope)::int AS initiatives,
              (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM scope GROUP BY status) s) AS "byStatus",
              (SELECT coalesce(jsonb_object_agg(health, n), '{}') FROM (SELECT health, count(*)::int AS n FROM scope GROUP BY health) s) AS "byHealth",
              (SELECT avg(progress)::float FROM scope) AS "averageProgress",
              (SELECT avg(expected)::float FROM scope) AS "averageExpectedProgress",
              (SELECT jsonb_build_object(
                  'total', coalesce(sum(milestones), 0),
                  'completed', coalesce(sum(completed), 0),
                  'completedOnTime', coalesce(sum(completed_on_time), 0),
                  'overdue', coalesce(sum(fremdrift_overdue_milestones(open_due_dates, $1::date)), 0),
                  'dueNext90Days', coalesce(sum(cardinality(dashboard_due_between(open_due_dates, $1::date, $1::date + 90))), 0))
                 FROM scope) AS milestones`,
      params,
    };
  },

  departments(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte},
       lead AS (
         SELECT lead_department_id AS department_id, count(*)::int AS n, avg(progress)::float AS progress, avg(expected)::float AS expected,
                jsonb_build_object(
                  'on_track', count(*) FILTER (WHERE health = 'on_track'),
                  'at_risk', count(*) FILTER (WHERE health = 'at_risk'),
                  'off_track', count(*) FILTER (WHERE health = 'off_track')) AS by_health
           FROM scope GROUP BY lead_department_id
       ),
       participating AS (
         SELECT p.department_id, count(*)::int AS n, avg(s.progress)::float AS progress
           FROM scope s JOIN initiative_department p ON p.initiative_id = s.id GROUP BY p.department_id
       )
       SELECT json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS department,
              coalesce(lead.n, 0) AS "leadInitiatives", lead.progress AS "leadProgress", lead.expected AS "leadExpected",
              coalesce(lead.by_health, '{"on_track": 0, "at_risk": 0, "off_track": 0}'::jsonb) AS "leadByHealth",
              coalesce(participating.n, 0) AS "participatingInitiatives", participating.progress AS "participatingProgress"
         FROM department d
         LEFT JOIN lead ON lead.department_id = d.id
         LEFT JOIN participating ON participating.department_id = d.id
        ORDER BY d.sort_order, d.name`,
      params,
    };
  },

  /**
   * Per month, the health of each initiative by its latest status update up to the month's end: the
   * running sum of the health changes (`dashboard_health_change`) of the initiatives in scope, with
   * the changes before the first month counted into it.
   */
  healthOverTime(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    params.push(query.from ?? null, query.to ?? null);
    const from = `$${params.length - 1}::date`;
    const to = `$${params.length}::date`;
    const delta = (health: string) => `(c.health = '${health}')::int - (c.previous IS NOT DISTINCT FROM '${health}')::int`;
    return {
      sql: `${cte},
       ${chartMonths(from, to, '(SELECT min(first_period_end) FROM scope)')},
       changes AS (
         SELECT greatest(c.month, (SELECT min(month) FROM months)) AS month,
                sum(${delta('on_track')}) AS on_track, sum(${delta('at_risk')}) AS at_risk, sum(${delta('off_track')}) AS off_track,
                count(*) FILTER (WHERE c.previous IS NULL) AS reported
           FROM dashboard_health_change c JOIN scope s ON s.id = c.initiative_id
          WHERE c.month <= (SELECT max(month) FROM months)
          GROUP BY 1
       )
       ${HEALTH_RUNNING_TOTALS}`,
      params,
    };
  },

  /** Open milestones due in each week of the next 90 days. */
  milestoneWeeks(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte}
       SELECT to_char(date_trunc('week', due.date), 'YYYY-MM-DD') AS "weekStart", count(*)::int AS due
         FROM scope s, unnest(dashboard_due_between(s.open_due_dates, $1::date, $1::date + 90)) AS due(date)
        GROUP BY 1 ORDER BY 1`,
      params,
    };
  },

  /**
   * The initiatives that await this period's status update (computeReporting's "due" or "overdue"),
   * with what the reporting rule needs: the `limit` most overdue (all with null), each row with the
   * number of all of them (`awaiting`, `overdue`).
   * The due (none overdue) follow, longest awaiting first.
   */
  reporting(query: DashboardQuery, today: string, limit: number | null = COMPLIANCE_LIST_LIMIT): Statement {
    const { cte, params } = scope(query, today);
    params.push(limit);
    return {
      sql: `${cte}
       SELECT s.id, s.title, s.status, to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", p.reporting_period AS period,
              to_char(s.last_period_end, 'YYYY-MM-DD') AS "lastReportedPeriodEnd",
              json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment",
              (count(*) OVER ())::int AS awaiting, (count(*) FILTER (WHERE r.first_missing < r.current_start) OVER ())::int AS overdue
         FROM scope s
         JOIN action_plan p ON p.id = s.action_plan_id
         JOIN department d ON d.id = s.lead_department_id
        CROSS JOIN LATERAL (SELECT CASE p.reporting_period WHEN 'monthly' THEN interval '1 month' ELSE interval '3 months' END AS length) l
        CROSS JOIN LATERAL (
          SELECT date_trunc(CASE p.reporting_period WHEN 'monthly' THEN 'month' ELSE 'quarter' END, $1::date)::date AS current_start,
                 date_trunc(CASE p.reporting_period WHEN 'monthly' THEN 'month' ELSE 'quarter' END, coalesce(s.last_period_end + 1, s.start_date))::date AS first_missing
        ) r
        WHERE fremdrift_reports_now(s.status, s.start_date, $1::date)
          AND (s.last_period_end IS NULL OR s.last_period_end < r.current_start)
        ORDER BY CASE WHEN r.first_missing < r.current_start THEN $1::date - (r.first_missing + l.length - interval '1 day')::date ELSE 0 END DESC,
                 CASE WHEN r.first_missing >= r.current_start OR r.first_missing IS NULL THEN
                   CASE WHEN s.last_period_end IS NULL AND s.status <> 'planned' THEN '-infinity'::date
                        ELSE greatest(CASE WHEN s.status = 'planned' THEN s.start_date END,
                                      (date_trunc(CASE p.reporting_period WHEN 'monthly' THEN 'month' ELSE 'quarter' END, s.last_period_end) + l.length)::date) END
                 END,
                 s.title, s.id
        LIMIT $${params.length}`,
      params,
    };
  },
};

/** The statements of a view read from the counters of migration 1795000000018 (no department filter). */
export const DASHBOARD_COUNTER_STATEMENTS = {
  headline: headlineFromCounters,
  departments: departmentsFromCounters,
  healthOverTime: healthOverTimeFromCounters,
  milestoneWeeks: milestoneWeeksFromCounters,
  reporting: reportingFromCounters,
};

type StatementOf = (query: DashboardQuery, today: string) => Statement;
const either =
  (counters: StatementOf, rollups: StatementOf): StatementOf =>
  (query, today) =>
    fromCounters(query) ? counters(query, today) : rollups(query, today);

/**
 * The statements behind one view of the dashboard: a fixed number, however many initiatives
 * there are, none of which reads milestones or the status-update history. Without a department
 * filter each reads a number of counter rows that does not grow with the initiatives, and the list of
 * initiatives that await a report reads at most three index ranges of `limit` rows. Kept free of framework code, so that the
 * benchmark runs these very statements.
 */
export const DASHBOARD_STATEMENTS = {
  headline: either(DASHBOARD_COUNTER_STATEMENTS.headline, DASHBOARD_ROLLUP_STATEMENTS.headline),
  departments: either(DASHBOARD_COUNTER_STATEMENTS.departments, DASHBOARD_ROLLUP_STATEMENTS.departments),
  healthOverTime: either(DASHBOARD_COUNTER_STATEMENTS.healthOverTime, DASHBOARD_ROLLUP_STATEMENTS.healthOverTime),
  milestoneWeeks: either(DASHBOARD_COUNTER_STATEMENTS.milestoneWeeks, DASHBOARD_ROLLUP_STATEMENTS.milestoneWeeks),
  reporting: (query: DashboardQuery, today: string, limit: number | null = COMPLIANCE_LIST_LIMIT): Statement =>
    fromCounters(query) ? reportingFromCounters(query, today, limit) : DASHBOARD_ROLLUP_STATEMENTS.reporting(query, today, limit),
};

/**
 * `statement` with its parameters after the first (today, shared) numbered from `offset + 2` on,
 * so that several statements can run as one.
 */
function shifted(statement: Statement, offset: number): Statement {
  return {
    sql: statement.sql.replace(/\$(\d+)/g, (match, n: string) => (n === '1' ? match : `$${Number(n) + offset}`)),
    params: statement.params.slice(1),
  };
}

type ViewPart = 'headline' | 'departments' | 'healthOverTime' | 'milestoneWeeks' | 'reporting' | 'mails';

/**
 * Statements of DASHBOARD_STATEMENTS as one statement with one JSON column each (`headline` an
 * object, the others arrays of the rows those statements give), after the CTEs of `shared`.
 */
function combined(parts: [ViewPart, Statement][], today: string, shared?: Statement): Statement {
  const params: unknown[] = [today];
  const shift = (statement: Statement) => {
    const { sql, params: own } = shifted(statement, params.length - 1);
    params.push(...own);
    return sql;
  };
  const prelude = shared ? `WITH ${shift(shared)}\n       ` : '';
  const columns = parts.map(([name, statement]) => {
    const sql = shift(statement);
    const value = name === 'headline' ? `(SELECT row_to_json(x) FROM (${sql}) x)` : `(SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x)`;
    return `${value} AS "${name}"`;
  });
  return { sql: `${prelude}SELECT ${columns.join(',\n       ')}`, params };
}

/** The mails a compliance row shows: the latest of any kind of reminder, and the latest escalation. */
export const MAILS_SHOWN = {
  lastReminder: ['reminder', 'final_reminder', 'manual_reminder'],
  lastEscalation: ['escalation'],
} as const satisfies Record<string, readonly MailKind[]>;

/**
 * The parts of a view after the list of initiatives that await a report (`reporting`), computed once
 * as the CTE `listed`: the list, and the mails MAILS_SHOWN of the listed initiatives (`mails`).
 */
function listedWithMails(query: DashboardQuery, today: string, limit: number | null, before: [ViewPart, Statement][]): Statement {
  const reporting = DASHBOARD_STATEMENTS.reporting(query, today, limit);
  const { kinds, groups } = kindsByGroup(MAILS_SHOWN);
  return combined(
    [
      ...before,
      ['reporting', { sql: 'SELECT * FROM listed', params: [today] }],
      ['mails', { sql: latestSentSql('ARRAY(SELECT id FROM listed)', '$2::varchar[]', '$3::text[]'), params: [today, kinds, groups] }],
    ],
    today,
    { sql: `listed AS MATERIALIZED (${reporting.sql})`, params: reporting.params },
  );
}

/**
 * One view of the dashboard in two statements, meant to run at once on two connections: the five
 * statements of DASHBOARD_STATEMENTS as subqueries, split so that each half takes about as long
 * (one statement would run them one after the other on one server process; five would cost five
 * round trips). Each answers one row; together they hold one JSON column per statement, and the
 * second holds the list of initiatives that await a report with the mails it shows. From the
 * counters, the headline and the departments share their counter rows and sums of expected progress.
 */
export function dashboardViewStatements(query: DashboardQuery, today: string, limit: number | null = COMPLIANCE_LIST_LIMIT): Statement[] {
  const healthOverTime: [ViewPart, Statement] = ['healthOverTime', DASHBOARD_STATEMENTS.healthOverTime(query, today)];
  const milestoneWeeks: [ViewPart, Statement] = ['milestoneWeeks', DASHBOARD_STATEMENTS.milestoneWeeks(query, today)];
  if (!fromCounters(query)) {
    return [
      combined(
        [
          ['headline', DASHBOARD_ROLLUP_STATEMENTS.headline(query, today)],
          ['departments', DASHBOARD_ROLLUP_STATEMENTS.departments(query, today)],
          healthOverTime,
        ],
        today,
      ),
      listedWithMails(query, today, limit, [milestoneWeeks]),
    ];
  }
  return [
    combined(
      [
        ['headline', headlineFromCounters(query, today, 'shared')],
        ['departments', departmentsFromCounters(query, today, 'shared')],
      ],
      today,
      sharedCounters(query, today),
    ),
    listedWithMails(query, today, limit, [healthOverTime, milestoneWeeks]),
  ];
}

/**
 * Recomputes every rollup the dashboard reads from scratch, in the caller's transaction. Triggers
 * keep them current on every write; this is for data loaded with triggers off (the benchmark's
 * bulk load) or as a repair (`npm run rollups:rebuild`).
 */
export const REBUILD_DASHBOARD_ROLLUPS = 'SELECT rebuild_dashboard_rollups()';

/** The tables REBUILD_DASHBOARD_ROLLUPS fills. */
const DASHBOARD_ROLLUP_TABLES = [
  'dashboard_initiative',
  'dashboard_health_change',
  'dashboard_count',
  'dashboard_due',
  'dashboard_expected',
  'dashboard_health_month',
  'dashboard_reporting',
  'dashboard_reporting_count',
];

/**
 * After a rebuild has committed (VACUUM runs outside a transaction): statistics of the new rows for
 * the planner, and their pages marked all-visible, so that reads covered by an index need not visit
 * the table. Autovacuum would do the same, some time later.
 */
export const VACUUM_DASHBOARD_ROLLUPS = `VACUUM (ANALYZE) ${DASHBOARD_ROLLUP_TABLES.join(', ')}`;
