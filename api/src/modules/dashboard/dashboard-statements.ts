import type { DashboardQuery } from '@fremdrift/contracts';
import { departmentCondition } from '../initiatives/department-condition';

/** A statement with its parameters, ready for `query(sql, params)`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The initiatives of the view, with progress and expected progress, as a CTE named `scope`: `$1`
 * is today. Progress and expected progress come from the SQL mirrors of the libs/progress rules.
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
      SELECT i.id, i.title, i.status, i.health, i.lead_department_id, i.action_plan_id, i.start_date,
             fremdrift_progress(i.status, coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.total_weight, 0), coalesce(m.completed_weight, 0))::float AS progress,
             fremdrift_expected_progress(i.start_date, i.target_date, $1::date)::float AS expected
        FROM initiative i
        LEFT JOIN (
          SELECT initiative_id, count(*) AS milestones, count(completed_date) AS completed, sum(weight) AS total_weight,
                 coalesce(sum(weight) FILTER (WHERE completed_date IS NOT NULL), 0) AS completed_weight
            FROM milestone GROUP BY initiative_id
        ) m ON m.initiative_id = i.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    )`;
  return { cte, params };
}

/**
 * The statements behind one view of the dashboard: a fixed number, however many initiatives
 * there are. Kept free of framework code, so that the benchmark runs these very statements.
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
                  'total', count(*),
                  'completed', count(completed_date),
                  'completedOnTime', count(*) FILTER (WHERE completed_date IS NOT NULL AND (due_date IS NULL OR completed_date <= due_date)),
                  'overdue', count(*) FILTER (WHERE fremdrift_milestone_overdue(completed_date, due_date, $1::date)),
                  'dueNext90Days', count(*) FILTER (WHERE completed_date IS NULL AND due_date >= $1::date AND due_date < $1::date + 90))
                 FROM milestone WHERE initiative_id IN (SELECT id FROM scope)) AS milestones`,
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

  /** Per month, the health of each initiative by its latest status update up to the month's end. */
  healthOverTime(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    params.push(query.from ?? null, query.to ?? null);
    const from = `$${params.length - 1}::date`;
    const to = `$${params.length}::date`;
    return {
      sql: `${cte},
       span AS (
         SELECT date_trunc('month', coalesce(${from}, (SELECT min(period_end) FROM status_update WHERE initiative_id IN (SELECT id FROM scope)), $1::date)) AS first,
                date_trunc('month', coalesce(${to}, $1::date)) AS last
       ),
       months AS (
         SELECT generate_series(greatest(first, last - interval '119 months'), last, interval '1 month')::date AS month FROM span
       )
       SELECT to_char(m.month, 'YYYY-MM') AS month,
              jsonb_build_object(
                'on_track', count(*) FILTER (WHERE latest.health = 'on_track'),
                'at_risk', count(*) FILTER (WHERE latest.health = 'at_risk'),
                'off_track', count(*) FILTER (WHERE latest.health = 'off_track')) AS "byHealth",
              count(latest.health)::int AS reported
         FROM months m
         LEFT JOIN LATERAL (
           SELECT DISTINCT ON (u.initiative_id) u.health
             FROM status_update u
            WHERE u.initiative_id IN (SELECT id FROM scope) AND u.period_end < (m.month + interval '1 month')::date
            ORDER BY u.initiative_id, u.period_end DESC, u.reported_at DESC
         ) latest ON true
        GROUP BY m.month
        ORDER BY m.month`,
      params,
    };
  },

  milestoneWeeks(query: DashboardQuery, today: string): Statement {
    const { cte, params } = scope(query, today);
    return {
      sql: `${cte}
       SELECT to_char(date_trunc('week', due_date), 'YYYY-MM-DD') AS "weekStart", count(*)::int AS due
         FROM milestone
        WHERE initiative_id IN (SELECT id FROM scope) AND completed_date IS NULL AND due_date >= $1::date AND due_date < $1::date + 90
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
              (SELECT to_char(max(u.period_end), 'YYYY-MM-DD') FROM status_update u WHERE u.initiative_id = s.id) AS "lastReportedPeriodEnd",
              json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment"
         FROM scope s
         JOIN action_plan p ON p.id = s.action_plan_id
         JOIN department d ON d.id = s.lead_department_id
        WHERE fremdrift_reports_now(s.status, s.start_date, $1::date)`,
      params,
    };
  },
};
