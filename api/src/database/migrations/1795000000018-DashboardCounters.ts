import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second level of dashboard rollups: counters of all initiatives (level 0), of each plan
 * (level 1) and of each plan and goal (level 2; `goal_id` is the nil uuid for "no goal"), so that
 * the dashboard of the whole organisation, a plan or a goal reads a number of rows that grows with
 * plans, goals, departments and months, not with initiatives:
 *
 * - `dashboard_count`: per department as lead or participant, status and health, the number of
 *   initiatives, the sum of their progress, how many have both dates, and their milestone totals.
 * - `dashboard_due`: open milestones per due day, and per due month (`whole_month`), so that
 *   "overdue" (before today) and "due in the next 90 days" are counted against today at read time.
 * - `dashboard_expected`: expected progress as events (a ramp up at the start date, down at the
 *   target date), per lead department, per day and per month, summed against today at read time.
 * - `dashboard_health_month`: per month, the sum of the health changes (`dashboard_health_change`).
 * - `dashboard_reporting`: per initiative, the days from which it awaits a status update and is
 *   overdue (computeReporting as dates), indexed for the most overdue; `dashboard_reporting_count`
 *   counts both per day and month, summed against today at read time.
 *
 * Row triggers on `dashboard_initiative` (which now holds the participating departments) and on
 * `dashboard_health_change` (which now holds the initiative's plan and goal) keep the counters in
 * the writing transaction. The refresh of an initiative's rollups writes only the health-change
 * rows that differ, and the `dashboard_initiative` row only when a value differs, and the triggers
 * touch only the counters whose inputs changed: a write that changes no figure (a status update
 * with the same health) touches no counter row, so concurrent writers do not queue on shared rows.
 * A department filter is not served from the counters (it needs the other departments of each
 * initiative in scope) but from the per-initiative rollups.
 *
 * `rebuild_dashboard_rollups()` recomputes the counters too, with the row triggers muted for its
 * transaction (`fremdrift.rebuilding_rollups`).
 */
export class DashboardCounters1795000000018 implements MigrationInterface {
  name = 'DashboardCounters1795000000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Filling the counters of a large existing database may take longer than a statement is allowed to.
    const [{ timeout }] = await queryRunner.query(`SELECT current_setting('statement_timeout') AS timeout`);
    await queryRunner.query('SET LOCAL statement_timeout = 0');
    await queryRunner.query(`
      ALTER TABLE dashboard_health_change ADD COLUMN action_plan_id uuid, ADD COLUMN goal_id uuid;
      ALTER TABLE dashboard_initiative ADD COLUMN participating uuid[] NOT NULL DEFAULT '{}';
      ALTER TABLE dashboard_initiative ALTER COLUMN participating DROP DEFAULT;

      CREATE OR REPLACE FUNCTION dashboard_initiative_rows(ids uuid[]) RETURNS SETOF dashboard_initiative LANGUAGE sql STABLE AS $$
        SELECT i.id, i.title, i.status, i.health, i.action_plan_id, i.goal_id, i.lead_department_id, i.start_date, i.target_date,
               m.milestones, m.completed, m.completed_on_time, m.total_weight, m.completed_weight,
               fremdrift_progress(i.status, m.milestones, m.completed, m.total_weight, m.completed_weight)::float,
               m.open_due_dates, u.first_period_end, u.last_period_end, latest.health,
               ARRAY(SELECT p.department_id FROM initiative_department p WHERE p.initiative_id = i.id ORDER BY p.department_id)
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

      -- The participating departments are part of an initiative's rollup row, so that the counters
      -- below depend on that row alone (also when an initiative and its departments go together).
      CREATE FUNCTION dashboard_participants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
          ids := ARRAY(SELECT DISTINCT initiative_id FROM old_rows);
        ELSE
          ids := ARRAY(SELECT initiative_id FROM new_rows UNION SELECT initiative_id FROM old_rows);
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM refresh_dashboard_rollups(ids, false); END IF;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON initiative_department REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_participants_changed();
      CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON initiative_department REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_participants_changed();
      CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON initiative_department REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_participants_changed();

      CREATE TABLE dashboard_health_month (
        level smallint NOT NULL CHECK (level IN (0, 1, 2)),
        action_plan_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        month date NOT NULL,
        on_track integer NOT NULL,
        at_risk integer NOT NULL,
        off_track integer NOT NULL,
        reported integer NOT NULL,
        PRIMARY KEY (level, action_plan_id, goal_id, month)
      );
      CREATE INDEX ix_dashboard_health_month_goal ON dashboard_health_month (goal_id) WHERE level = 2;

      -- Adds (sign 1) or removes (sign -1) one health change at its three levels; a row that sums to
      -- nothing is removed, so that the counters equal a rebuild row for row.
      CREATE FUNCTION dashboard_health_month_add(plan_id uuid, goal uuid, at_month date, new_health health, old_health health, sign integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        nil constant uuid := '00000000-0000-0000-0000-000000000000';
      BEGIN
        INSERT INTO dashboard_health_month AS m (level, action_plan_id, goal_id, month, on_track, at_risk, off_track, reported)
        SELECT k.level, k.plan, k.goal, at_month,
               sign * ((new_health = 'on_track')::int - (old_health IS NOT DISTINCT FROM 'on_track')::int),
               sign * ((new_health = 'at_risk')::int - (old_health IS NOT DISTINCT FROM 'at_risk')::int),
               sign * ((new_health = 'off_track')::int - (old_health IS NOT DISTINCT FROM 'off_track')::int),
               sign * (old_health IS NULL)::int
          FROM (VALUES (0::smallint, nil, nil), (1::smallint, plan_id, nil), (2::smallint, plan_id, coalesce(goal, nil))) AS k (level, plan, goal)
         ORDER BY 1, 2, 3
        ON CONFLICT ON CONSTRAINT dashboard_health_month_pkey DO UPDATE SET
          on_track = m.on_track + excluded.on_track, at_risk = m.at_risk + excluded.at_risk,
          off_track = m.off_track + excluded.off_track, reported = m.reported + excluded.reported;
        DELETE FROM dashboard_health_month m
         WHERE m.month = at_month
           AND (m.level, m.action_plan_id, m.goal_id) IN ((0, nil, nil), (1, plan_id, nil), (2, plan_id, coalesce(goal, nil)))
           AND m.on_track = 0 AND m.at_risk = 0 AND m.off_track = 0 AND m.reported = 0;
      END
      $$;

      CREATE FUNCTION dashboard_health_change_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.action_plan_id, OLD.goal_id, OLD.month, OLD.health, OLD.previous)
                                 IS NOT DISTINCT FROM (NEW.action_plan_id, NEW.goal_id, NEW.month, NEW.health, NEW.previous) THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM dashboard_health_month_add(OLD.action_plan_id, OLD.goal_id, OLD.month, OLD.health, OLD.previous, -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM dashboard_health_month_add(NEW.action_plan_id, NEW.goal_id, NEW.month, NEW.health, NEW.previous, 1);
        END IF;
        RETURN NULL;
      END
      $$;

      CREATE TRIGGER dashboard_counters AFTER INSERT OR UPDATE OR DELETE ON dashboard_health_change
        FOR EACH ROW WHEN (current_setting('fremdrift.rebuilding_rollups', true) IS DISTINCT FROM 'on')
        EXECUTE FUNCTION dashboard_health_change_counted();

      -- TRUNCATE fires no row triggers (e.g. TRUNCATE initiative CASCADE).
      CREATE FUNCTION dashboard_rollups_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'dashboard_health_change' THEN
          DELETE FROM dashboard_health_month;
        ELSE
          DELETE FROM dashboard_count;
          DELETE FROM dashboard_due;
          DELETE FROM dashboard_expected;
          DELETE FROM dashboard_reporting;
          DELETE FROM dashboard_reporting_count;
        END IF;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER dashboard_counters_truncate AFTER TRUNCATE ON dashboard_health_change
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollups_truncated();

      CREATE TABLE dashboard_count (
        level smallint NOT NULL CHECK (level IN (0, 1, 2)),
        action_plan_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        department_id uuid NOT NULL,
        lead boolean NOT NULL,
        status initiative_status NOT NULL,
        health health NOT NULL,
        initiatives integer NOT NULL,
        progress numeric NOT NULL,
        dated integer NOT NULL,
        milestones integer NOT NULL,
        completed integer NOT NULL,
        completed_on_time integer NOT NULL,
        PRIMARY KEY (level, action_plan_id, goal_id, department_id, lead, status, health)
      );
      CREATE INDEX ix_dashboard_count_goal ON dashboard_count (goal_id) WHERE level = 2;

      CREATE TABLE dashboard_due (
        level smallint NOT NULL CHECK (level IN (0, 1, 2)),
        action_plan_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        whole_month boolean NOT NULL,
        day date NOT NULL,
        milestones integer NOT NULL,
        PRIMARY KEY (level, action_plan_id, goal_id, whole_month, day)
      );
      CREATE INDEX ix_dashboard_due_goal ON dashboard_due (goal_id) WHERE level = 2;

      CREATE TABLE dashboard_expected (
        level smallint NOT NULL CHECK (level IN (0, 1, 2)),
        action_plan_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        department_id uuid NOT NULL,
        whole_month boolean NOT NULL,
        day date NOT NULL,
        slope numeric NOT NULL,
        slope_day numeric NOT NULL,
        steps integer NOT NULL,
        PRIMARY KEY (level, action_plan_id, goal_id, whole_month, day, department_id)
      );
      CREATE INDEX ix_dashboard_expected_goal ON dashboard_expected (goal_id) WHERE level = 2;

      -- The three levels an initiative of a plan and goal counts at.
      CREATE FUNCTION dashboard_levels(plan_id uuid, goal uuid)
      RETURNS TABLE (level smallint, action_plan_id uuid, goal_id uuid) LANGUAGE sql IMMUTABLE AS $$
        VALUES (0::smallint, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid),
               (1::smallint, plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
               (2::smallint, plan_id, coalesce(goal, '00000000-0000-0000-0000-000000000000'::uuid))
      $$;

      -- The rows of dashboard_expected for initiatives with these dates: expected progress is
      -- clamp((today - start) / (target - start)), the sum of a ramp up from start and one down from
      -- target, so a sum over initiatives is today * sum(slope) - sum(slope * day) over the events
      -- before today, plus the steps (target <= start) on or before today. Days count from 1970-01-01;
      -- each event goes into its day's row and into its month's row (whole_month). The nullif keeps
      -- 1 / 0 out of reach of the planner, which folds a constant before the WHERE filters it out.
      CREATE FUNCTION dashboard_expected_events(start_date date, target_date date)
      RETURNS TABLE (whole_month boolean, day date, slope numeric, slope_day numeric, steps integer) LANGUAGE sql IMMUTABLE AS $$
        SELECT b.whole_month, b.day, e.slope, e.slope * (e.day - date '1970-01-01'), e.steps
          FROM (
            SELECT start_date AS day, 1 / nullif(target_date - start_date, 0)::numeric AS slope, 0 AS steps WHERE start_date < target_date
            UNION ALL SELECT target_date, -1 / nullif(target_date - start_date, 0)::numeric, 0 WHERE start_date < target_date
            UNION ALL SELECT target_date, 0, 1 WHERE target_date <= start_date
          ) e
          CROSS JOIN LATERAL (VALUES (false, e.day), (true, date_trunc('month', e.day)::date)) AS b (whole_month, day)
      $$;

      -- Adds (sign 1) or removes (sign -1) an initiative's figures, as lead and as each participating
      -- department; rows that count nothing go.
      CREATE FUNCTION dashboard_count_add(r dashboard_initiative, sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dashboard_count AS c (level, action_plan_id, goal_id, department_id, lead, status, health, initiatives, progress, dated, milestones, completed, completed_on_time)
        SELECT k.level, k.action_plan_id, k.goal_id, d.department_id, d.lead, r.status, r.health, sign, trim_scale(sign * r.progress::numeric),
               sign * (r.start_date IS NOT NULL AND r.target_date IS NOT NULL)::int, sign * r.milestones, sign * r.completed, sign * r.completed_on_time
          FROM dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN (SELECT r.lead_department_id AS department_id, true AS lead UNION ALL SELECT unnest(r.participating), false) d
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT dashboard_count_pkey DO UPDATE SET
          initiatives = c.initiatives + excluded.initiatives, progress = trim_scale(c.progress + excluded.progress), dated = c.dated + excluded.dated,
          milestones = c.milestones + excluded.milestones, completed = c.completed + excluded.completed,
          completed_on_time = c.completed_on_time + excluded.completed_on_time;
        IF sign < 0 THEN
          DELETE FROM dashboard_count c
           USING dashboard_levels(r.action_plan_id, r.goal_id) k
           WHERE (c.level, c.action_plan_id, c.goal_id) = (k.level, k.action_plan_id, k.goal_id)
             AND c.status = r.status AND c.health = r.health AND c.initiatives = 0
             AND (c.department_id = r.lead_department_id AND c.lead OR c.department_id = ANY(r.participating) AND NOT c.lead);
        END IF;
      END
      $$;

      CREATE FUNCTION dashboard_due_add(plan_id uuid, goal uuid, dates date[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(dates) = 0 THEN RETURN; END IF;
        INSERT INTO dashboard_due AS u (level, action_plan_id, goal_id, whole_month, day, milestones)
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, sign * count(*)
          FROM dashboard_levels(plan_id, goal) k
         CROSS JOIN unnest(dates) AS d (day)
         CROSS JOIN LATERAL (VALUES (false, d.day), (true, date_trunc('month', d.day)::date)) AS b (whole_month, day)
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ON CONSTRAINT dashboard_due_pkey DO UPDATE SET milestones = u.milestones + excluded.milestones;
        IF sign < 0 THEN
          DELETE FROM dashboard_due u
           USING dashboard_levels(plan_id, goal) k
           WHERE (u.level, u.action_plan_id, u.goal_id) = (k.level, k.action_plan_id, k.goal_id) AND u.milestones = 0
             AND (u.day = ANY(dates) OR (u.whole_month AND u.day IN (SELECT date_trunc('month', d)::date FROM unnest(dates) d)));
        END IF;
      END
      $$;

      CREATE FUNCTION dashboard_expected_add(plan_id uuid, goal uuid, department uuid, start_date date, target_date date, sign integer)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF start_date IS NULL OR target_date IS NULL THEN RETURN; END IF;
        INSERT INTO dashboard_expected AS x (level, action_plan_id, goal_id, department_id, whole_month, day, slope, slope_day, steps)
        SELECT k.level, k.action_plan_id, k.goal_id, department, e.whole_month, e.day,
               trim_scale(sign * sum(e.slope)), trim_scale(sign * sum(e.slope_day)), sign * sum(e.steps)
          FROM dashboard_levels(plan_id, goal) k
         CROSS JOIN dashboard_expected_events(start_date, target_date) e
         GROUP BY 1, 2, 3, 4, 5, 6
         ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT dashboard_expected_pkey DO UPDATE SET
          slope = trim_scale(x.slope + excluded.slope), slope_day = trim_scale(x.slope_day + excluded.slope_day), steps = x.steps + excluded.steps;
        DELETE FROM dashboard_expected x
         USING dashboard_levels(plan_id, goal) k, dashboard_expected_events(start_date, target_date) e
         WHERE (x.level, x.action_plan_id, x.goal_id, x.department_id, x.whole_month, x.day) = (k.level, k.action_plan_id, k.goal_id, department, e.whole_month, e.day)
           AND x.slope = 0 AND x.slope_day = 0 AND x.steps = 0;
      END
      $$;

      -- Keeps the counters of one dashboard_initiative row; a change that moves no figure touches none.
      CREATE FUNCTION dashboard_initiative_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        o dashboard_initiative := OLD;
        n dashboard_initiative := NEW;
        moved boolean := (o.action_plan_id, o.goal_id) IS DISTINCT FROM (n.action_plan_id, n.goal_id);
      BEGIN
        IF moved OR (o.lead_department_id, o.participating, o.status, o.health, o.progress, o.start_date IS NULL OR o.target_date IS NULL,
                     o.milestones, o.completed, o.completed_on_time)
                    IS DISTINCT FROM (n.lead_department_id, n.participating, n.status, n.health, n.progress, n.start_date IS NULL OR n.target_date IS NULL,
                     n.milestones, n.completed, n.completed_on_time) THEN
          IF o.id IS NOT NULL THEN PERFORM dashboard_count_add(o, -1); END IF;
          IF n.id IS NOT NULL THEN PERFORM dashboard_count_add(n, 1); END IF;
        END IF;
        IF moved THEN
          PERFORM dashboard_due_add(o.action_plan_id, o.goal_id, o.open_due_dates, -1) WHERE o.id IS NOT NULL;
          PERFORM dashboard_due_add(n.action_plan_id, n.goal_id, n.open_due_dates, 1) WHERE n.id IS NOT NULL;
        ELSIF o.open_due_dates IS DISTINCT FROM n.open_due_dates THEN
          PERFORM dashboard_due_add(n.action_plan_id, n.goal_id, ARRAY(SELECT unnest(o.open_due_dates) EXCEPT ALL SELECT unnest(n.open_due_dates)), -1);
          PERFORM dashboard_due_add(n.action_plan_id, n.goal_id, ARRAY(SELECT unnest(n.open_due_dates) EXCEPT ALL SELECT unnest(o.open_due_dates)), 1);
        END IF;
        IF moved OR (o.lead_department_id, o.start_date, o.target_date) IS DISTINCT FROM (n.lead_department_id, n.start_date, n.target_date) THEN
          IF o.id IS NOT NULL THEN PERFORM dashboard_expected_add(o.action_plan_id, o.goal_id, o.lead_department_id, o.start_date, o.target_date, -1); END IF;
          IF n.id IS NOT NULL THEN PERFORM dashboard_expected_add(n.action_plan_id, n.goal_id, n.lead_department_id, n.start_date, n.target_date, 1); END IF;
        END IF;
        IF o.id IS NULL OR n.id IS NULL OR moved
           OR (o.title, o.status, o.start_date, o.last_period_end) IS DISTINCT FROM (n.title, n.status, n.start_date, n.last_period_end) THEN
          PERFORM refresh_dashboard_reporting(ARRAY[coalesce(n.id, o.id)]);
        END IF;
        RETURN NULL;
      END
      $$;

      CREATE TRIGGER dashboard_counters AFTER INSERT OR UPDATE OR DELETE ON dashboard_initiative
        FOR EACH ROW WHEN (current_setting('fremdrift.rebuilding_rollups', true) IS DISTINCT FROM 'on')
        EXECUTE FUNCTION dashboard_initiative_counted();

      CREATE TRIGGER dashboard_counters_truncate AFTER TRUNCATE ON dashboard_initiative
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rollups_truncated();

      CREATE OR REPLACE FUNCTION refresh_dashboard_rollups(ids uuid[], with_history boolean) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM dashboard_initiative WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
        INSERT INTO dashboard_initiative AS d SELECT * FROM dashboard_initiative_rows(ids)
          ON CONFLICT (id) DO UPDATE SET
            title = excluded.title, status = excluded.status, health = excluded.health, action_plan_id = excluded.action_plan_id,
            goal_id = excluded.goal_id, lead_department_id = excluded.lead_department_id, start_date = excluded.start_date,
            target_date = excluded.target_date, milestones = excluded.milestones, completed = excluded.completed,
            completed_on_time = excluded.completed_on_time, total_weight = excluded.total_weight, completed_weight = excluded.completed_weight,
            progress = excluded.progress, open_due_dates = excluded.open_due_dates, first_period_end = excluded.first_period_end,
            last_period_end = excluded.last_period_end, latest_health = excluded.latest_health, participating = excluded.participating
          WHERE d IS DISTINCT FROM excluded;
        IF with_history THEN
          WITH fresh AS (
            SELECT f.initiative_id, f.month, f.health, f.previous, i.action_plan_id, i.goal_id
              FROM dashboard_health_change_rows(ids) f JOIN dashboard_initiative i ON i.id = f.initiative_id
          ),
          gone AS (
            DELETE FROM dashboard_health_change c
             WHERE c.initiative_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.initiative_id = c.initiative_id AND f.month = c.month)
          )
          INSERT INTO dashboard_health_change AS c (initiative_id, month, health, previous, action_plan_id, goal_id)
          SELECT * FROM fresh ORDER BY initiative_id, month
          ON CONFLICT (initiative_id, month) DO UPDATE SET
            health = excluded.health, previous = excluded.previous, action_plan_id = excluded.action_plan_id, goal_id = excluded.goal_id
          WHERE (c.health, c.previous, c.action_plan_id, c.goal_id) IS DISTINCT FROM (excluded.health, excluded.previous, excluded.action_plan_id, excluded.goal_id);
        ELSE
          UPDATE dashboard_health_change c SET action_plan_id = i.action_plan_id, goal_id = i.goal_id
            FROM dashboard_initiative i
           WHERE i.id = c.initiative_id AND c.initiative_id = ANY(ids) AND (c.action_plan_id, c.goal_id) IS DISTINCT FROM (i.action_plan_id, i.goal_id);
        END IF;
      END
      $$;

      -- Reporting compliance (computeReporting) as dates, so that "who awaits a report today" is an
      -- index range and its counts a sum of date-bucketed counters: from awaiting_from on the
      -- initiative awaits its status update (due or overdue), from overdue_from on it is overdue,
      -- and first_missing_end is the end of its first unreported period (daysOverdue counts from it).
      -- Null when the initiative never awaits a report under its status (idea, completed,
      -- cancelled, or planned without a start date); '-infinity' when it awaits one whatever the day.
      CREATE FUNCTION dashboard_period_end(period reporting_period, day date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT (date_trunc(CASE period WHEN 'monthly' THEN 'month' ELSE 'quarter' END, day::timestamp)
                + CASE period WHEN 'monthly' THEN interval '1 month' ELSE interval '3 months' END - interval '1 day')::date
      $$;

      CREATE FUNCTION dashboard_reporting_dates(period reporting_period, status initiative_status, start_date date, last_period_end date)
      RETURNS TABLE (awaiting_from date, overdue_from date, first_missing_end date) LANGUAGE sql IMMUTABLE AS $$
        SELECT greatest(r.reports_from, CASE WHEN last_period_end IS NULL THEN '-infinity'::date ELSE dashboard_period_end(period, last_period_end) + 1 END),
               CASE WHEN f.day IS NOT NULL THEN greatest(r.reports_from, dashboard_period_end(period, f.day) + 1) END,
               dashboard_period_end(period, f.day)
          FROM (SELECT CASE WHEN status IN ('in_progress', 'on_hold') THEN '-infinity'::date WHEN status = 'planned' THEN start_date END AS reports_from) r,
               (SELECT coalesce(last_period_end + 1, start_date) AS day) f
         WHERE r.reports_from IS NOT NULL
      $$;

      -- One row per initiative that awaits a report at some day (goal_id null for "no goal"), with
      -- its plan's cadence, so that those due this period are one index range per cadence.
      CREATE TABLE dashboard_reporting (
        initiative_id uuid PRIMARY KEY,
        action_plan_id uuid NOT NULL,
        goal_id uuid,
        period reporting_period NOT NULL,
        title text NOT NULL,
        awaiting_from date NOT NULL,
        overdue_from date,
        first_missing_end date
      );
      CREATE INDEX ix_dashboard_reporting_overdue ON dashboard_reporting (first_missing_end, title, initiative_id);
      CREATE INDEX ix_dashboard_reporting_plan_overdue ON dashboard_reporting (action_plan_id, first_missing_end, title, initiative_id);
      CREATE INDEX ix_dashboard_reporting_goal_overdue ON dashboard_reporting (goal_id, first_missing_end, title, initiative_id);
      CREATE INDEX ix_dashboard_reporting_awaiting ON dashboard_reporting (period, awaiting_from, title, initiative_id);
      CREATE INDEX ix_dashboard_reporting_plan_awaiting ON dashboard_reporting (action_plan_id, period, awaiting_from, title, initiative_id);
      CREATE INDEX ix_dashboard_reporting_goal_awaiting ON dashboard_reporting (goal_id, period, awaiting_from, title, initiative_id);

      -- Per level, plan and goal: how many start to await a report (awaiting) and to be overdue
      -- (overdue) on each day and in each month (whole_month), summed up to today at read time.
      CREATE TABLE dashboard_reporting_count (
        level smallint NOT NULL CHECK (level IN (0, 1, 2)),
        action_plan_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        whole_month boolean NOT NULL,
        day date NOT NULL,
        awaiting integer NOT NULL,
        overdue integer NOT NULL,
        PRIMARY KEY (level, action_plan_id, goal_id, whole_month, day)
      );
      CREATE INDEX ix_dashboard_reporting_count_goal ON dashboard_reporting_count (goal_id) WHERE level = 2;
      CREATE INDEX ix_dashboard_reporting_count_zero ON dashboard_reporting_count (level) WHERE awaiting = 0 AND overdue = 0;

      -- The counter rows of some dashboard_reporting rows, with a sign.
      CREATE FUNCTION dashboard_reporting_events(rows dashboard_reporting[], sign integer)
      RETURNS TABLE (level smallint, action_plan_id uuid, goal_id uuid, whole_month boolean, day date, awaiting bigint, overdue bigint)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT k.level, k.action_plan_id, k.goal_id, b.whole_month, b.day, sign * sum(e.awaiting), sign * sum(e.overdue)
          FROM unnest(rows) r
         CROSS JOIN LATERAL dashboard_levels(r.action_plan_id, r.goal_id) k
         CROSS JOIN LATERAL (VALUES (r.awaiting_from, 1, 0), (r.overdue_from, 0, 1)) AS e (day, awaiting, overdue)
         CROSS JOIN LATERAL (VALUES (false, e.day), (true, date_trunc('month', e.day)::date)) AS b (whole_month, day)
         WHERE e.day IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
      $$;

      -- Recomputes the reporting rows of these initiatives from their rollups and their plan's
      -- cadence; a row whose dates, plan, goal and title stay the same is not touched, nor are its counters.
      CREATE FUNCTION refresh_dashboard_reporting(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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

      -- A plan's new cadence moves the reporting dates of its initiatives.
      CREATE FUNCTION dashboard_plan_cadence_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_dashboard_reporting(ARRAY(SELECT id FROM dashboard_initiative WHERE action_plan_id = NEW.id));
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER dashboard_reporting_cadence AFTER UPDATE OF reporting_period ON action_plan
        FOR EACH ROW WHEN (OLD.reporting_period IS DISTINCT FROM NEW.reporting_period
                           AND current_setting('fremdrift.rebuilding_rollups', true) IS DISTINCT FROM 'on')
        EXECUTE FUNCTION dashboard_plan_cadence_changed();

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
    `);
    // The rebuild fills every counter and the new columns of the rollups.
    await queryRunner.query('SELECT rebuild_dashboard_rollups()');
    await queryRunner.query('ALTER TABLE dashboard_health_change ALTER COLUMN action_plan_id SET NOT NULL');
    await queryRunner.query(`SELECT set_config('statement_timeout', $1, true)`, [timeout]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER dashboard_counters_truncate ON dashboard_initiative;
      DROP TRIGGER dashboard_reporting_cadence ON action_plan;
      DROP FUNCTION dashboard_plan_cadence_changed();
      DROP TRIGGER dashboard_rollup_insert ON initiative_department;
      DROP TRIGGER dashboard_rollup_update ON initiative_department;
      DROP TRIGGER dashboard_rollup_delete ON initiative_department;
      DROP FUNCTION dashboard_participants_changed();
      DROP TRIGGER dashboard_counters ON dashboard_initiative;
      DROP TRIGGER dashboard_counters_truncate ON dashboard_health_change;
      DROP TRIGGER dashboard_counters ON dashboard_health_change;
      DROP FUNCTION dashboard_initiative_counted();
      DROP FUNCTION refresh_dashboard_reporting(uuid[]);
      DROP FUNCTION dashboard_reporting_events(dashboard_reporting[], integer);
      DROP TABLE dashboard_reporting_count;
      DROP TABLE dashboard_reporting;
      DROP FUNCTION dashboard_reporting_dates(reporting_period, initiative_status, date, date);
      DROP FUNCTION dashboard_period_end(reporting_period, date);
      DROP FUNCTION dashboard_expected_add(uuid, uuid, uuid, date, date, integer);
      DROP FUNCTION dashboard_due_add(uuid, uuid, date[], integer);
      DROP FUNCTION dashboard_count_add(dashboard_initiative, integer);
      DROP FUNCTION dashboard_expected_events(date, date);
      DROP FUNCTION dashboard_levels(uuid, uuid);
      DROP TABLE dashboard_expected;
      DROP TABLE dashboard_due;
      DROP TABLE dashboard_count;
      DROP FUNCTION dashboard_rollups_truncated();
      DROP FUNCTION dashboard_health_change_counted();
      DROP FUNCTION dashboard_health_month_add(uuid, uuid, date, health, health, integer);
      DROP TABLE dashboard_health_month;
      ALTER TABLE dashboard_health_change DROP COLUMN action_plan_id, DROP COLUMN goal_id;
      ALTER TABLE dashboard_initiative DROP COLUMN participating;

      CREATE OR REPLACE FUNCTION dashboard_initiative_rows(ids uuid[]) RETURNS SETOF dashboard_initiative LANGUAGE sql STABLE AS $$
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

      CREATE OR REPLACE FUNCTION refresh_dashboard_rollups(ids uuid[], with_history boolean) RETURNS void LANGUAGE plpgsql AS $$
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
    `);
    // rebuild_dashboard_rollups() as migration 1795000000015 created it.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION rebuild_dashboard_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE initiative, milestone, status_update IN SHARE MODE;
        DELETE FROM dashboard_health_change;
        DELETE FROM dashboard_initiative;
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
    `);
  }
}
