import type { DashboardQuery } from '@fremdrift/contracts';
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
 * the SQL mirror of computeExpectedProgress.
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
      SELECT i.id, i.title, i.status, i.health, i.lead_department_id, i.action_plan_id, i.start_date, i.progress,
             fremdrift_expected_progress(i.start_date, i.target_date, $1::date)::float AS expected,
             i.milestones, i.completed, i.completed_on_time, i.open_due_dates, i.first_period_end, i.last_period_end
        FROM dashboard_initiative i
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    )`;
  return { cte, params };
}

/**
 * The statements behind one view of the dashboard: a fixed number, however many initiatives
 * there are, none of which reads milestones or the status-update history. Kept free of framework
 * code, so that the benchmark runs these very statements.
 */
export const DASHBOARD_STATEMENTS = {
  headline(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte}
       SELECT (SELECT count(*) FROM scope)::int AS initiatives,
              (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM scope GROUP BY status) s) AS "byStatus",
              (SELECT coalesce(jsonb_object_agg(health, n), '{}') FROM (SELECT health, count(*)::int AS n FROM scope GROUP BY health) s) AS "byHealth",
              (SELECT avg(progress) FROM scope) AS "averageProgress",
              (SELECT avg(expected) FROM scope) AS "averageExpectedProgress",
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
         SELECT lead_department_id AS department_id, count(*)::int AS n, avg(progress) AS progress, avg(expected) AS expected,
                jsonb_build_object(
                  'on_track', count(*) FILTER (WHERE health = 'on_track'),
                  'at_risk', count(*) FILTER (WHERE health = 'at_risk'),
                  'off_track', count(*) FILTER (WHERE health = 'off_track')) AS by_health
           FROM scope GROUP BY lead_department_id
       ),
       participating AS (
         SELECT p.department_id, count(*)::int AS n, avg(s.progress) AS progress
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
       span AS (
         SELECT date_trunc('month', coalesce(${from}, (SELECT min(first_period_end) FROM scope), $1::date)) AS first,
                date_trunc('month', coalesce(${to}, $1::date)) AS last
       ),
       months AS (
         SELECT generate_series(greatest(first, last - interval '119 months'), last, interval '1 month')::date AS month FROM span
       ),
       changes AS (
         SELECT greatest(c.month, (SELECT min(month) FROM months)) AS month,
                sum(${delta('on_track')}) AS on_track, sum(${delta('at_risk')}) AS at_risk, sum(${delta('off_track')}) AS off_track,
                count(*) FILTER (WHERE c.previous IS NULL) AS reported
           FROM dashboard_health_change c JOIN scope s ON s.id = c.initiative_id
          WHERE c.month <= (SELECT max(month) FROM months)
          GROUP BY 1
       )
       SELECT to_char(m.month, 'YYYY-MM') AS month,
              jsonb_build_object(
                'on_track', sum(coalesce(c.on_track, 0)) OVER running,
                'at_risk', sum(coalesce(c.at_risk, 0)) OVER running,
                'off_track', sum(coalesce(c.off_track, 0)) OVER running) AS "byHealth",
              (sum(coalesce(c.reported, 0)) OVER running)::int AS reported
         FROM months m
         LEFT JOIN changes c ON c.month = m.month
       WINDOW running AS (ORDER BY m.month)
        ORDER BY m.month`,
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

  /** The initiatives that report, with what the reporting rule needs. */
  reporting(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte}
       SELECT s.id, s.title, s.status, to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", p.reporting_period AS period,
              to_char(s.last_period_end, 'YYYY-MM-DD') AS "lastReportedPeriodEnd",
              json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment"
         FROM scope s
         JOIN action_plan p ON p.id = s.action_plan_id
         JOIN department d ON d.id = s.lead_department_id
        WHERE fremdrift_reports_now(s.status, s.start_date, $1::date)`,
      params,
    };
  },
};

/**
 * Recomputes every rollup the dashboard reads from scratch, in the caller's transaction. Triggers
 * keep them current on every write; this is for data loaded with triggers off (the benchmark's
 * bulk load) or as a repair (`npm run rollups:rebuild`).
 */
export const REBUILD_DASHBOARD_ROLLUPS = 'SELECT rebuild_dashboard_rollups()';
