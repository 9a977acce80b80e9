import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen reporting snapshots ("Status pr. <date>"): what management reported to the council, as it
 * was. A snapshot keeps its own copy of everything it shows (titles, references, departments, the
 * plan's title, the taker's name), without foreign keys, so that no later change or deletion can
 * alter it. Both tables refuse UPDATE and DELETE, for everyone: a wrongly named snapshot is
 * superseded by a new one, never rewritten. The creation goes into the audit trail.
 */
export class ReportingSnapshots1795000000016 implements MigrationInterface {
  name = 'ReportingSnapshots1795000000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL CHECK (char_length(name) >= 3),
        taken_at timestamptz NOT NULL DEFAULT now(),
        taken_by_user_id uuid,
        taken_by_name varchar(400) NOT NULL,
        action_plan_id uuid,
        action_plan_title varchar(200),
        CONSTRAINT ck_reporting_snapshot_plan_title CHECK ((action_plan_id IS NULL) = (action_plan_title IS NULL))
      );
      CREATE INDEX ix_reporting_snapshot_taken_at ON reporting_snapshot (taken_at DESC, id);

      CREATE TABLE reporting_snapshot_initiative (
        snapshot_id uuid NOT NULL REFERENCES reporting_snapshot (id) ON DELETE RESTRICT,
        initiative_id uuid NOT NULL,
        reference varchar(100),
        title varchar(200) NOT NULL,
        action_plan_id uuid NOT NULL,
        lead_department_id uuid NOT NULL,
        lead_department_code varchar(10) NOT NULL,
        lead_department_name varchar(120) NOT NULL,
        status initiative_status NOT NULL,
        health health,
        progress numeric(5, 2) NOT NULL CHECK (progress BETWEEN 0 AND 100),
        expected_progress numeric(5, 2) CHECK (expected_progress BETWEEN 0 AND 100),
        latest_public_text text,
        latest_internal_text text,
        milestones_completed integer NOT NULL CHECK (milestones_completed >= 0),
        milestones_overdue integer NOT NULL CHECK (milestones_overdue >= 0),
        delay_cause_da varchar(120),
        delay_cause_en varchar(120),
        PRIMARY KEY (snapshot_id, initiative_id)
      );

      CREATE FUNCTION reporting_snapshot_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON reporting_snapshot
        FOR EACH ROW EXECUTE FUNCTION reporting_snapshot_is_immutable();
      CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON reporting_snapshot_initiative
        FOR EACH ROW EXECUTE FUNCTION reporting_snapshot_is_immutable();

      CREATE TRIGGER audit AFTER INSERT ON reporting_snapshot
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('reporting_snapshot', 'id', '');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE reporting_snapshot_initiative;
      DROP TABLE reporting_snapshot;
      DROP FUNCTION reporting_snapshot_is_immutable();
    `);
  }
}
