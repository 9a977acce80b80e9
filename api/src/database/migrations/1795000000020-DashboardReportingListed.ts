import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rows of `dashboard_reporting` carry what the dashboard's list of initiatives that await a
 * report shows besides the dates (status, start date, last reported period, lead department), so
 * that the list is read from one index range without a lookup per listed row. The refresh of a row
 * compares them too: a change of status or lead department rewrites the row; its counters move only
 * when its dates do. The lead department, the one new input, gets a trigger of its own; the others
 * already refresh the row.
 */
export class DashboardReportingListed1795000000020 implements MigrationInterface {
  name = 'DashboardReportingListed1795000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Filling the new columns of a large existing database may take longer than a statement is allowed to.
    const [{ timeout }] = await queryRunner.query(`SELECT current_setting('statement_timeout') AS timeout`);
    await queryRunner.query('SET LOCAL statement_timeout = 0');
    await queryRunner.query(`
      ALTER TABLE dashboard_reporting
        ADD COLUMN status initiative_status,
        ADD COLUMN start_date date,
        ADD COLUMN last_period_end date,
        ADD COLUMN lead_department_id uuid;
      UPDATE dashboard_reporting r
         SET status = i.status, start_date = i.start_date, last_period_end = i.last_period_end, lead_department_id = i.lead_department_id
        FROM dashboard_initiative i
       WHERE i.id = r.initiative_id;
      ALTER TABLE dashboard_reporting ALTER COLUMN status SET NOT NULL, ALTER COLUMN lead_department_id SET NOT NULL;

      -- Recomputes the reporting rows of these initiatives from their rollups and their plan's cadence;
      -- a row whose values all stay the same is not touched, and its counters move only when its dates do.
      CREATE OR REPLACE FUNCTION refresh_dashboard_reporting(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        gone dashboard_reporting[];
        added dashboard_reporting[];
      BEGIN
        WITH fresh AS (
          SELECT i.id AS initiative_id, i.action_plan_id, i.goal_id, p.reporting_period AS period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end,
                 i.status, i.start_date, i.last_period_end, i.lead_department_id
            FROM dashboard_initiative i
            JOIN action_plan p ON p.id = i.action_plan_id
           CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r
           WHERE i.id = ANY(ids)
        ),
        deleted AS (
          DELETE FROM dashboard_reporting d
           WHERE d.initiative_id = ANY(ids)
             AND NOT EXISTS (
               SELECT 1 FROM fresh f
                WHERE (f.initiative_id, f.action_plan_id, f.goal_id, f.period, f.title, f.awaiting_from, f.overdue_from, f.first_missing_end,
                       f.status, f.start_date, f.last_period_end, f.lead_department_id)
                      IS NOT DISTINCT FROM (d.initiative_id, d.action_plan_id, d.goal_id, d.period, d.title, d.awaiting_from, d.overdue_from, d.first_missing_end,
                       d.status, d.start_date, d.last_period_end, d.lead_department_id))
          RETURNING d.*
        )
        SELECT coalesce(array_agg(d ORDER BY d.initiative_id), '{}') INTO gone FROM deleted d;
        WITH fresh AS (
          SELECT i.id AS initiative_id, i.action_plan_id, i.goal_id, p.reporting_period AS period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end,
                 i.status, i.start_date, i.last_period_end, i.lead_department_id
            FROM dashboard_initiative i
            JOIN action_plan p ON p.id = i.action_plan_id
           CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r
           WHERE i.id = ANY(ids)
        ),
        inserted AS (
          INSERT INTO dashboard_reporting SELECT * FROM fresh ORDER BY initiative_id ON CONFLICT (initiative_id) DO NOTHING RETURNING *
        )
        SELECT coalesce(array_agg(d ORDER BY d.initiative_id), '{}') INTO added FROM inserted d;
        IF cardinality(gone) = 0 AND cardinality(added) = 0 THEN RETURN; END IF;
        INSERT INTO dashboard_reporting_count AS c (level, action_plan_id, goal_id, whole_month, day, awaiting, overdue)
        SELECT e.level, e.action_plan_id, e.goal_id, e.whole_month, e.day, sum(e.awaiting), sum(e.overdue)
          FROM (SELECT * FROM dashboard_reporting_events(gone, -1) UNION ALL SELECT * FROM dashboard_reporting_events(added, 1)) e
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(e.awaiting) <> 0 OR sum(e.overdue) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT dashboard_reporting_count_pkey DO UPDATE SET awaiting = c.awaiting + excluded.awaiting, overdue = c.overdue + excluded.overdue;
        DELETE FROM dashboard_reporting_count WHERE awaiting = 0 AND overdue = 0;
      END
      $$;

      CREATE FUNCTION dashboard_reporting_lead_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_dashboard_reporting(ARRAY[NEW.id]);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER dashboard_reporting_lead AFTER UPDATE OF lead_department_id ON dashboard_initiative
        FOR EACH ROW WHEN (OLD.lead_department_id IS DISTINCT FROM NEW.lead_department_id
                           AND current_setting('fremdrift.rebuilding_rollups', true) IS DISTINCT FROM 'on')
        EXECUTE FUNCTION dashboard_reporting_lead_changed();

      CREATE OR REPLACE FUNCTION rebuild_dashboard_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE initiative, milestone, status_update IN SHARE MODE;
        PERFORM set_config('fremdrift.rebuilding_rollups', 'on', true);
        DELETE FROM dashboard_count;
        DELETE FROM dashboard_due;
        DELETE FROM dashboard_expected;
        DELETE FROM dashboard_health_month;
        DELETE FROM dashboard_reporting_count;
        DELETE FROM dashboard_reporting;
        DELETE FROM dashboard_health_change;
        DELETE FROM dashboard_initiative;
        -- What dashboard_initiative_rows computes, aggregated in one pass over each table.
        INSERT INTO dashboard_initiative
        SELECT i.id, i.title, i.status, i.health, i.action_plan_id, i.goal_id, i.lead_department_id, i.start_date, i.target_date,
               coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.completed_on_time, 0), coalesce(m.total_weight, 0),
               coalesce(m.completed_weight, 0),
               fremdrift_progress(i.status, coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.total_weight, 0), coalesce(m.completed_weight, 0))::float,
               coalesce(m.open_due_dates, '{}'), u.first_period_end, u.last_period_end, u.latest_health, coalesce(p.participating, '{}')
          FROM initiative i
          LEFT JOIN (
            SELECT initiative_id, array_agg(department_id ORDER BY department_id) AS participating FROM initiative_department GROUP BY initiative_id
          ) p ON p.initiative_id = i.id
          LEFT JOIN (
            SELECT initiative_id, count(*)::int AS milestones, count(completed_date)::int AS completed,
                   count(*) FILTER (WHERE completed_date IS NOT NULL AND (due_date IS NULL OR completed_date <= due_date))::int AS completed_on_time,
                   coalesce(sum(weight), 0)::int AS total_weight,
                   coalesce(sum(weight) FILTER (WHERE completed_date IS NOT NULL), 0)::int AS completed_weight,
                   array_agg(due_date ORDER BY due_date) FILTER (WHERE completed_date IS NULL AND due_date IS NOT NULL) AS open_due_dates
              FROM milestone GROUP BY initiative_id
          ) m ON m.initiative_id = i.id
          LEFT JOIN (
            SELECT initiative_id, min(period_end) AS first_period_end, max(period_end) AS last_period_end,
                   (array_agg(health ORDER BY period_end DESC, reported_at DESC, id DESC))[1] AS latest_health
              FROM status_update GROUP BY initiative_id
          ) u ON u.initiative_id = i.id;
        INSERT INTO dashboard_health_change (initiative_id, month, health, previous, action_plan_id, goal_id)
        SELECT c.initiative_id, c.month, c.health, c.previous, i.action_plan_id, i.goal_id
          FROM dashboard_health_change_rows(ARRAY(SELECT id FROM initiative)) c JOIN initiative i ON i.id = c.initiative_id;
        INSERT INTO dashboard_health_month (level, action_plan_id, goal_id, month, on_track, at_risk, off_track, reported)
        SELECT level, plan, goal, month, sum(on_track), sum(at_risk), sum(off_track), sum(reported)
          FROM (
            SELECT c.month,
                   (c.health = 'on_track')::int - (c.previous IS NOT DISTINCT FROM 'on_track')::int AS on_track,
                   (c.health = 'at_risk')::int - (c.previous IS NOT DISTINCT FROM 'at_risk')::int AS at_risk,
                   (c.health = 'off_track')::int - (c.previous IS NOT DISTINCT FROM 'off_track')::int AS off_track,
                   (c.previous IS NULL)::int AS reported, k.level, k.plan, k.goal
              FROM dashboard_health_change c
             CROSS JOIN LATERAL (VALUES
               (0::smallint, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid),
               (1::smallint, c.action_plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
               (2::smallint, c.action_plan_id, coalesce(c.goal_id, '00000000-0000-0000-0000-000000000000'::uuid))) AS k (level, plan, goal)
          ) changes
         GROUP BY level, plan, goal, month
        HAVING sum(on_track) <> 0 OR sum(at_risk) <> 0 OR sum(off_track) <> 0 OR sum(reported) <> 0;
        INSERT INTO dashboard_count (level, action_plan_id, goal_id, department_id, lead, status, health, initiatives, progress, dated, milestones, completed, completed_on_time)
        SELECT k.level, k.action_plan_id, k.goal_id, d.department_id, d.lead, r.status, r.health, count(*), trim_scale(sum(r.progress::numeric)),
               count(*) FILTER (WHERE r.start_date IS NOT NULL AND r.target_date IS NOT NULL), sum(r.milestones), sum(r.completed), sum(r.completed_on_time)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL (SELECT r.lead_department_id AS department_id, true AS lead UNION ALL SELECT unnest(r.participating), false) d
         GROUP BY 1, 2, 3, 4, 5, 6, 7;
        INSERT INTO dashboard_due (level, action_plan_id, goal_id, whole_month, day, milestones)
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, count(*)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL unnest(r.open_due_dates) AS d (day)
         CROSS JOIN LATERAL (VALUES (false, d.day), (true, date_trunc('month', d.day)::date)) AS b (whole_month, day)
         GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO dashboard_expected (level, action_plan_id, goal_id, department_id, whole_month, day, slope, slope_day, steps)
        SELECT k.level, k.action_plan_id, k.goal_id, r.lead_department_id, e.whole_month, e.day,
               trim_scale(sum(e.slope)), trim_scale(sum(e.slope_day)), sum(e.steps)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL dashboard_expected_events(r.start_date, r.target_date) e
         GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(e.slope) <> 0 OR sum(e.slope_day) <> 0 OR sum(e.steps) <> 0;
        INSERT INTO dashboard_reporting (initiative_id, action_plan_id, goal_id, period, title, awaiting_from, overdue_from, first_missing_end,
                                         status, start_date, last_period_end, lead_department_id)
        SELECT i.id, i.action_plan_id, i.goal_id, p.reporting_period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end,
               i.status, i.start_date, i.last_period_end, i.lead_department_id
          FROM dashboard_initiative i
          JOIN action_plan p ON p.id = i.action_plan_id
         CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r;
        INSERT INTO dashboard_reporting_count (level, action_plan_id, goal_id, whole_month, day, awaiting, overdue)
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, sum(e.awaiting), sum(e.overdue)
          FROM dashboard_reporting r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL (VALUES (r.awaiting_from, 1, 0), (r.overdue_from, 0, 1)) AS e (day, awaiting, overdue)
         CROSS JOIN LATERAL (VALUES (false, e.day), (true, date_trunc('month', e.day)::date)) AS b (whole_month, day)
         WHERE e.day IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5;
        PERFORM set_config('fremdrift.rebuilding_rollups', 'off', true);
      END
      $$;
    `);
    await queryRunner.query(`SELECT set_config('statement_timeout', $1, true)`, [timeout]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER dashboard_reporting_lead ON dashboard_initiative;
      DROP FUNCTION dashboard_reporting_lead_changed();
      -- As migration 1795000000018 created them.
      CREATE OR REPLACE FUNCTION refresh_dashboard_reporting(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        gone dashboard_reporting[];
        added dashboard_reporting[];
      BEGIN
        WITH fresh AS (
          SELECT i.id AS initiative_id, i.action_plan_id, i.goal_id, p.reporting_period AS period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end
            FROM dashboard_initiative i
            JOIN action_plan p ON p.id = i.action_plan_id
           CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r
           WHERE i.id = ANY(ids)
        ),
        deleted AS (
          DELETE FROM dashboard_reporting d
           WHERE d.initiative_id = ANY(ids)
             AND NOT EXISTS (
               SELECT 1 FROM fresh f
                WHERE (f.initiative_id, f.action_plan_id, f.goal_id, f.period, f.title, f.awaiting_from, f.overdue_from, f.first_missing_end)
                      IS NOT DISTINCT FROM (d.initiative_id, d.action_plan_id, d.goal_id, d.period, d.title, d.awaiting_from, d.overdue_from, d.first_missing_end))
          RETURNING d.*
        )
        SELECT coalesce(array_agg(d ORDER BY d.initiative_id), '{}') INTO gone FROM deleted d;
        WITH fresh AS (
          SELECT i.id AS initiative_id, i.action_plan_id, i.goal_id, p.reporting_period AS period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end
            FROM dashboard_initiative i
            JOIN action_plan p ON p.id = i.action_plan_id
           CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r
           WHERE i.id = ANY(ids)
        ),
        inserted AS (
          INSERT INTO dashboard_reporting SELECT * FROM fresh ORDER BY initiative_id ON CONFLICT (initiative_id) DO NOTHING RETURNING *
        )
        SELECT coalesce(array_agg(d ORDER BY d.initiative_id), '{}') INTO added FROM inserted d;
        IF cardinality(gone) = 0 AND cardinality(added) = 0 THEN RETURN; END IF;
        INSERT INTO dashboard_reporting_count AS c (level, action_plan_id, goal_id, whole_month, day, awaiting, overdue)
        SELECT e.level, e.action_plan_id, e.goal_id, e.whole_month, e.day, sum(e.awaiting), sum(e.overdue)
          FROM (SELECT * FROM dashboard_reporting_events(gone, -1) UNION ALL SELECT * FROM dashboard_reporting_events(added, 1)) e
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(e.awaiting) <> 0 OR sum(e.overdue) <> 0
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT dashboard_reporting_count_pkey DO UPDATE SET awaiting = c.awaiting + excluded.awaiting, overdue = c.overdue + excluded.overdue;
        DELETE FROM dashboard_reporting_count WHERE awaiting = 0 AND overdue = 0;
      END
      $$;

      CREATE OR REPLACE FUNCTION rebuild_dashboard_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE initiative, milestone, status_update IN SHARE MODE;
        PERFORM set_config('fremdrift.rebuilding_rollups', 'on', true);
        DELETE FROM dashboard_count;
        DELETE FROM dashboard_due;
        DELETE FROM dashboard_expected;
        DELETE FROM dashboard_health_month;
        DELETE FROM dashboard_reporting_count;
        DELETE FROM dashboard_reporting;
        DELETE FROM dashboard_health_change;
        DELETE FROM dashboard_initiative;
        -- What dashboard_initiative_rows computes, aggregated in one pass over each table.
        INSERT INTO dashboard_initiative
        SELECT i.id, i.title, i.status, i.health, i.action_plan_id, i.goal_id, i.lead_department_id, i.start_date, i.target_date,
               coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.completed_on_time, 0), coalesce(m.total_weight, 0),
               coalesce(m.completed_weight, 0),
               fremdrift_progress(i.status, coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.total_weight, 0), coalesce(m.completed_weight, 0))::float,
               coalesce(m.open_due_dates, '{}'), u.first_period_end, u.last_period_end, u.latest_health, coalesce(p.participating, '{}')
          FROM initiative i
          LEFT JOIN (
            SELECT initiative_id, array_agg(department_id ORDER BY department_id) AS participating FROM initiative_department GROUP BY initiative_id
          ) p ON p.initiative_id = i.id
          LEFT JOIN (
            SELECT initiative_id, count(*)::int AS milestones, count(completed_date)::int AS completed,
                   count(*) FILTER (WHERE completed_date IS NOT NULL AND (due_date IS NULL OR completed_date <= due_date))::int AS completed_on_time,
                   coalesce(sum(weight), 0)::int AS total_weight,
                   coalesce(sum(weight) FILTER (WHERE completed_date IS NOT NULL), 0)::int AS completed_weight,
                   array_agg(due_date ORDER BY due_date) FILTER (WHERE completed_date IS NULL AND due_date IS NOT NULL) AS open_due_dates
              FROM milestone GROUP BY initiative_id
          ) m ON m.initiative_id = i.id
          LEFT JOIN (
            SELECT initiative_id, min(period_end) AS first_period_end, max(period_end) AS last_period_end,
                   (array_agg(health ORDER BY period_end DESC, reported_at DESC, id DESC))[1] AS latest_health
              FROM status_update GROUP BY initiative_id
          ) u ON u.initiative_id = i.id;
        INSERT INTO dashboard_health_change (initiative_id, month, health, previous, action_plan_id, goal_id)
        SELECT c.initiative_id, c.month, c.health, c.previous, i.action_plan_id, i.goal_id
          FROM dashboard_health_change_rows(ARRAY(SELECT id FROM initiative)) c JOIN initiative i ON i.id = c.initiative_id;
        INSERT INTO dashboard_health_month (level, action_plan_id, goal_id, month, on_track, at_risk, off_track, reported)
        SELECT level, plan, goal, month, sum(on_track), sum(at_risk), sum(off_track), sum(reported)
          FROM (
            SELECT c.month,
                   (c.health = 'on_track')::int - (c.previous IS NOT DISTINCT FROM 'on_track')::int AS on_track,
                   (c.health = 'at_risk')::int - (c.previous IS NOT DISTINCT FROM 'at_risk')::int AS at_risk,
                   (c.health = 'off_track')::int - (c.previous IS NOT DISTINCT FROM 'off_track')::int AS off_track,
                   (c.previous IS NULL)::int AS reported, k.level, k.plan, k.goal
              FROM dashboard_health_change c
             CROSS JOIN LATERAL (VALUES
               (0::smallint, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid),
               (1::smallint, c.action_plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
               (2::smallint, c.action_plan_id, coalesce(c.goal_id, '00000000-0000-0000-0000-000000000000'::uuid))) AS k (level, plan, goal)
          ) changes
         GROUP BY level, plan, goal, month
        HAVING sum(on_track) <> 0 OR sum(at_risk) <> 0 OR sum(off_track) <> 0 OR sum(reported) <> 0;
        INSERT INTO dashboard_count (level, action_plan_id, goal_id, department_id, lead, status, health, initiatives, progress, dated, milestones, completed, completed_on_time)
        SELECT k.level, k.action_plan_id, k.goal_id, d.department_id, d.lead, r.status, r.health, count(*), trim_scale(sum(r.progress::numeric)),
               count(*) FILTER (WHERE r.start_date IS NOT NULL AND r.target_date IS NOT NULL), sum(r.milestones), sum(r.completed), sum(r.completed_on_time)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL (SELECT r.lead_department_id AS department_id, true AS lead UNION ALL SELECT unnest(r.participating), false) d
         GROUP BY 1, 2, 3, 4, 5, 6, 7;
        INSERT INTO dashboard_due (level, action_plan_id, goal_id, whole_month, day, milestones)
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, count(*)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL unnest(r.open_due_dates) AS d (day)
         CROSS JOIN LATERAL (VALUES (false, d.day), (true, date_trunc('month', d.day)::date)) AS b (whole_month, day)
         GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO dashboard_expected (level, action_plan_id, goal_id, department_id, whole_month, day, slope, slope_day, steps)
        SELECT k.level, k.action_plan_id, k.goal_id, r.lead_department_id, e.whole_month, e.day,
               trim_scale(sum(e.slope)), trim_scale(sum(e.slope_day)), sum(e.steps)
          FROM dashboard_initiative r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL dashboard_expected_events(r.start_date, r.target_date) e
         GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(e.slope) <> 0 OR sum(e.slope_day) <> 0 OR sum(e.steps) <> 0;
        INSERT INTO dashboard_reporting (initiative_id, action_plan_id, goal_id, period, title, awaiting_from, overdue_from, first_missing_end)
        SELECT i.id, i.action_plan_id, i.goal_id, p.reporting_period, i.title, r.awaiting_from, r.overdue_from, r.first_missing_end
          FROM dashboard_initiative i
          JOIN action_plan p ON p.id = i.action_plan_id
         CROSS JOIN LATERAL dashboard_reporting_dates(p.reporting_period, i.status, i.start_date, i.last_period_end) r;
        INSERT INTO dashboard_reporting_count (level, action_plan_id, goal_id, whole_month, day, awaiting, overdue)
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, sum(e.awaiting), sum(e.overdue)
          FROM dashboard_reporting r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL (VALUES (r.awaiting_from, 1, 0), (r.overdue_from, 0, 1)) AS e (day, awaiting, overdue)
         CROSS JOIN LATERAL (VALUES (false, e.day), (true, date_trunc('month', e.day)::date)) AS b (whole_month, day)
         WHERE e.day IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5;
        PERFORM set_config('fremdrift.rebuilding_rollups', 'off', true);
      END
      $$;

      ALTER TABLE dashboard_reporting DROP COLUMN status, DROP COLUMN start_date, DROP COLUMN last_period_end, DROP COLUMN lead_department_id;
    `);
  }
}
