import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the dashboard needs from the database: change notifications for live views, and the
 * progress rules of libs/progress (computeProgress, computeExpectedProgress) as SQL functions,
 * so that the dashboard aggregates in PostgreSQL instead of loading every initiative. The
 * TypeScript functions are the definition; an integration test holds these to the same answers.
 */
export class DashboardSupport1795000000003 implements MigrationInterface {
  name = 'DashboardSupport1795000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION fremdrift_progress(
        status initiative_status, milestone_count bigint, completed_count bigint, total_weight bigint, completed_weight bigint
      ) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN status = 'completed' THEN 1
          WHEN milestone_count = 0 THEN CASE WHEN status IN ('in_progress', 'on_hold') THEN 0.5 ELSE 0 END
          WHEN total_weight = 0 THEN completed_count::numeric / milestone_count
          ELSE completed_weight::numeric / total_weight
        END
      $$;

      CREATE FUNCTION fremdrift_expected_progress(start_date date, target_date date, today date)
      RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN start_date IS NULL OR target_date IS NULL THEN NULL
          WHEN today >= target_date THEN 1
          WHEN today <= start_date THEN 0
          WHEN target_date - start_date <= 0 THEN 1
          ELSE least(1, greatest(0, (today - start_date)::numeric / (target_date - start_date)))
        END
      $$;

      -- Every audited write also tells listening API processes (dashboards, caches) what changed;
      -- PostgreSQL delivers it at commit, so a rolled-back write tells nobody.
      CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      BEGIN
        PERFORM pg_notify('fremdrift_changes', json_build_object(
          'entity', TG_ARGV[0],
          'initiativeId', CASE WHEN TG_ARGV[1] = '' THEN NULL ELSE changed ->> TG_ARGV[1] END
        )::text);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON department FOR EACH ROW EXECUTE FUNCTION notify_change('department', '');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON action_plan FOR EACH ROW EXECUTE FUNCTION notify_change('action_plan', '');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON goal FOR EACH ROW EXECUTE FUNCTION notify_change('goal', '');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON initiative FOR EACH ROW EXECUTE FUNCTION notify_change('initiative', 'id');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON initiative_department FOR EACH ROW EXECUTE FUNCTION notify_change('initiative_department', 'initiative_id');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON milestone FOR EACH ROW EXECUTE FUNCTION notify_change('milestone', 'initiative_id');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON status_update FOR EACH ROW EXECUTE FUNCTION notify_change('status_update', 'initiative_id');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON partner FOR EACH ROW EXECUTE FUNCTION notify_change('partner', '');
      CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON initiative_partner FOR EACH ROW EXECUTE FUNCTION notify_change('initiative_partner', 'initiative_id');

      CREATE INDEX ix_milestone_due_open ON milestone (due_date) WHERE completed_date IS NULL;
      CREATE INDEX ix_status_update_initiative_period ON status_update (initiative_id, period_end DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER notify_change ON department; DROP TRIGGER notify_change ON action_plan; DROP TRIGGER notify_change ON goal;
      DROP TRIGGER notify_change ON initiative; DROP TRIGGER notify_change ON initiative_department; DROP TRIGGER notify_change ON milestone;
      DROP TRIGGER notify_change ON status_update; DROP TRIGGER notify_change ON partner; DROP TRIGGER notify_change ON initiative_partner;
      DROP FUNCTION notify_change();
      DROP INDEX ix_status_update_initiative_period;
      DROP INDEX ix_milestone_due_open;
      DROP FUNCTION fremdrift_expected_progress(date, date, date);
      DROP FUNCTION fremdrift_progress(initiative_status, bigint, bigint, bigint, bigint);
    `);
  }
}
