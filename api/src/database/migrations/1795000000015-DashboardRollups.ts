import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard reads rollups instead of milestones and the status-update history:
 *
 * - `dashboard_initiative`: one row per initiative with the fields the dashboard filters and groups
 *   by, its milestone totals and progress, the due dates of its open milestones (ascending, so that
 *   "overdue" and "due soon" are counted against today at query time) and its reporting dates.
 * - `dashboard_health_change`: per initiative, each month at whose end its health (by the latest
 *   status update, as the health-over-time chart counts it) differs from the month before, with the
 *   health it replaced. A month's distribution is a running sum of these changes.
 *
 * Statement-level triggers on initiative, milestone and status_update recompute the rows of the
 * initiatives a statement touched, in the writing transaction. `rebuild_dashboard_rollups()`
 * recomputes everything with the same functions (`npm run rollups:rebuild`).
 */
export class DashboardRollups1795000000015 implements MigrationInterface {
  name = 'DashboardRollups1795000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dashboard_initiative (
        id uuid PRIMARY KEY REFERENCES initiative (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        status initiative_status NOT NULL,
        health health NOT NULL,
        action_plan_id uuid NOT NULL,
        goal_id uuid,
        lead_department_id uuid NOT NULL,
        start_date date,
        target_date date,
        milestones integer NOT NULL,
        completed integer NOT NULL,
        completed_on_time integer NOT NULL,
        total_weight integer NOT NULL,
        completed_weight integer NOT NULL,
        progress double precision NOT NULL,
        open_due_dates date[] NOT NULL,
        first_period_end date,
        last_period_end date,
        latest_health health
      );
      CREATE INDEX ix_dashboard_initiative_action_plan ON dashboard_initiative (action_plan_id);
      CREATE INDEX ix_dashboard_initiative_goal ON dashboard_initiative (goal_id);
      CREATE INDEX ix_dashboard_initiative_lead_department ON dashboard_initiative (lead_department_id);

      CREATE TABLE dashboard_health_change (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        month date NOT NULL,
        health health NOT NULL,
        previous health,
        PRIMARY KEY (initiative_id, month)
      );

      -- isMilestoneOverdue of libs/progress summed over an initiative's open milestones: open_due_dates
      -- is ascending, and width_bucket counts the elements <= its first argument by binary search.
      CREATE FUNCTION fremdrift_overdue_milestones(open_due_dates date[], today date)
      RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT width_bucket(today - 1, open_due_dates)
      $$;

      -- Open milestones due in [from, until): the slice of open_due_dates between the two bounds.
      CREATE FUNCTION dashboard_due_between(open_due_dates date[], from_date date, until date)
      RETURNS date[] LANGUAGE sql IMMUTABLE AS $$
        SELECT open_due_dates[width_bucket(from_date - 1, open_due_dates) + 1 : width_bucket(until - 1, open_due_dates)]
      $$;

      CREATE FUNCTION dashboard_initiative_rows(ids uuid[]) RETURNS SETOF dashboard_initiative LANGUAGE sql STABLE AS $$
        SELECT i.id, i.title, i.status, i.health, i.action_plan_id, i.goal_id, i.lead_department_id, i.start_date, i.target_date,
               m.milestones, m.completed, m.completed_on_time, m.total_weight, m.completed_weight,
               fremdrift_progress(i.status, m.milestones, m.completed, m.total_weight, m.completed_weight)::float,
               m.open_due_dates, u.first_period_end, u.last_period_end, latest.health
          FROM initiative i
          CROSS JOIN LATERAL (
            SELECT count(*)::int AS milestones, count(completed_date)::int AS completed,
                   count(*) FILTER (WHERE completed_date IS NOT NULL AND (due_date IS NULL OR completed_date <= due_date))::int AS completed_on_time,
                   coalesce(sum(weight), 0)::int AS total_weight,
                   coalesce(sum(weight) FILTER (WHERE completed_date IS NOT NULL), 0)::int AS completed_weight,
                   coalesce(array_agg(due_date ORDER BY due_date) FILTER (WHERE completed_date IS NULL AND due_date IS NOT NULL), '{}') AS open_due_dates
              FROM milestone WHERE initiative_id = i.id
          ) m
          CROSS JOIN LATERAL (SELECT min(period_end) AS first_period_end, max(period_end) AS last_period_end FROM status_update WHERE initiative_id = i.id) u
          LEFT JOIN LATERAL (
            SELECT health FROM status_update WHERE initiative_id = i.id ORDER BY period_end DESC, reported_at DESC, id DESC LIMIT 1
          ) latest ON true
         WHERE i.id = ANY(ids)
      $$;

      CREATE FUNCTION dashboard_health_change_rows(ids uuid[])
      RETURNS TABLE (initiative_id uuid, month date, health health, previous health) LANGUAGE sql STABLE AS $$
        SELECT initiative_id, month, health, previous
          FROM (
            SELECT initiative_id, month, health, lag(health) OVER (PARTITION BY initiative_id ORDER BY month) AS previous
              FROM (
                SELECT DISTINCT ON (u.initiative_id, date_trunc('month', u.period_end))
                       u.initiative_id, date_trunc('month', u.period_end)::date AS month, u.health
                  FROM status_update u
                 WHERE u.initiative_id = ANY(ids)
                 ORDER BY u.initiative_id, date_trunc('month', u.period_end), u.period_end DESC, u.reported_at DESC, u.id DESC
              ) month_end
          ) changes
         WHERE previous IS DISTINCT FROM health
      $$;

      -- Recomputes the rollups of the given initiatives. Writers of one initiative take turns on its
      -- rollup row, and each recomputation reads with a snapshot taken after the previous one committed.
      CREATE FUNCTION refresh_dashboard_rollups(ids uuid[], with_history boolean) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM dashboard_initiative WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
        INSERT INTO dashboard_initiative SELECT * FROM dashboard_initiative_rows(ids)
          ON CONFLICT (id) DO UPDATE SET
            title = excluded.title, status = excluded.status, health = excluded.health, action_plan_id = excluded.action_plan_id,
            goal_id = excluded.goal_id, lead_department_id = excluded.lead_department_id, start_date = excluded.start_date,
            target_date = excluded.target_date, milestones = excluded.milestones, completed = excluded.completed,
            completed_on_time = excluded.completed_on_time, total_weight = excluded.total_weight, completed_weight = excluded.completed_weight,
            progress = excluded.progress, open_due_dates = excluded.open_due_dates, first_period_end = excluded.first_period_end,
            last_period_end = excluded.last_period_end, latest_health = excluded.latest_health;
        IF with_history THEN
          DELETE FROM dashboard_health_change WHERE initiative_id = ANY(ids);
          INSERT INTO dashboard_health_change SELECT * FROM dashboard_health_change_rows(ids);
        END IF;
      END
      $$;

      CREATE FUNCTION rebuild_dashboard_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE initiative, milestone, status_update IN SHARE MODE;
        DELETE FROM dashboard_health_change;
        DELETE FROM dashboard_initiative;
        -- What dashboard_initiative_rows computes, aggregated in one pass over each table.
        INSERT INTO dashboard_initiative
        SELECT i.id, i.title, i.status, i.health, i.action_plan_id, i.goal_id, i.lead_department_id, i.start_date, i.target_date,
               coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.completed_on_time, 0), coalesce(m.total_weight, 0),
               coalesce(m.completed_weight, 0),
               fremdrift_progress(i.status, coalesce(m.milestones, 0), coalesce(m.completed, 0), coalesce(m.total_weight, 0), coalesce(m.completed_weight, 0))::float,
               coalesce(m.open_due_dates, '{}'), u.first_period_end, u.last_period_end, u.latest_health
          FROM initiative i
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
        INSERT INTO dashboard_health_change SELECT * FROM dashboard_health_change_rows(ARRAY(SELECT id FROM initiative));
      END
      $$;

      CREATE FUNCTION dashboard_initiative_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT id FROM new_rows);
        ELSE
          ids := ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.title, n.status, n.health, n.action_plan_id, n.goal_id, n.lead_department_id, n.start_date, n.target_date)
                   IS DISTINCT FROM (o.title, o.status, o.health, o.action_plan_id, o.goal_id, o.lead_department_id, o.start_date, o.target_date));
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM refresh_dashboard_rollups(ids, false); END IF;
        RETURN NULL;
      END
      $$;

      CREATE FUNCTION dashboard_milestone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM old_rows);
        ELSE
          ids := ARRAY(
            SELECT DISTINCT unnest(ARRAY[o.initiative_id, n.initiative_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.initiative_id, n.due_date, n.completed_date, n.weight) IS DISTINCT FROM (o.initiative_id, o.due_date, o.completed_date, o.weight));
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM refresh_dashboard_rollups(ids, false); END IF;
        RETURN NULL;
      END
      $$;

      CREATE FUNCTION dashboard_status_update_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM old_rows);
        ELSE
          ids := ARRAY(
            SELECT DISTINCT unnest(ARRAY[o.initiative_id, n.initiative_id]) FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.initiative_id, n.period_end, n.reported_at, n.health) IS DISTINCT FROM (o.initiative_id, o.period_end, o.reported_at, o.health));
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM refresh_dashboard_rollups(ids, true); END IF;
        RETURN NULL;
      END
      $$;

      CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON initiative REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_initiative_changed();
      CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON initiative REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_initiative_changed();

      CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON milestone REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_milestone_changed();
      CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON milestone REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_milestone_changed();
      CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON milestone REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_milestone_changed();

      CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON status_update REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_status_update_changed();
      CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON status_update REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_status_update_changed();
      CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON status_update REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_status_update_changed();
    `);
    // Filling the rollups of a large existing database may take longer than a statement is allowed to.
    const [{ timeout }] = await queryRunner.query(`SELECT current_setting('statement_timeout') AS timeout`);
    await queryRunner.query('SET LOCAL statement_timeout = 0');
    await queryRunner.query('SELECT rebuild_dashboard_rollups()');
    await queryRunner.query(`SELECT set_config('statement_timeout', $1, true)`, [timeout]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER dashboard_rollup_insert ON status_update;
      DROP TRIGGER dashboard_rollup_update ON status_update;
      DROP TRIGGER dashboard_rollup_delete ON status_update;
      DROP TRIGGER dashboard_rollup_insert ON milestone;
      DROP TRIGGER dashboard_rollup_update ON milestone;
      DROP TRIGGER dashboard_rollup_delete ON milestone;
      DROP TRIGGER dashboard_rollup_insert ON initiative;
      DROP TRIGGER dashboard_rollup_update ON initiative;
      DROP FUNCTION dashboard_status_update_changed();
      DROP FUNCTION dashboard_milestone_changed();
      DROP FUNCTION dashboard_initiative_changed();
      DROP FUNCTION rebuild_dashboard_rollups();
      DROP FUNCTION refresh_dashboard_rollups(uuid[], boolean);
      DROP FUNCTION dashboard_health_change_rows(uuid[]);
      DROP FUNCTION dashboard_initiative_rows(uuid[]);
      DROP FUNCTION dashboard_due_between(date[], date, date);
      DROP FUNCTION fremdrift_overdue_milestones(date[], date);
      DROP TABLE dashboard_health_change;
      DROP TABLE dashboard_initiative;
    `);
  }
}
