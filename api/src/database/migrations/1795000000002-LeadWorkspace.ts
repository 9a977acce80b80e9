import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a department lead's weekly round needs: a reporting period and a publishing rule per action
 * plan, a configurable list of delay causes for health drops, and the approval of public texts.
 */
export class LeadWorkspace1795000000002 implements MigrationInterface {
  name = 'LeadWorkspace1795000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      SELECT set_config('fremdrift.actor_name', 'System (migration)', true);

      CREATE TYPE reporting_period AS ENUM ('monthly', 'quarterly');
      ALTER TABLE action_plan
        ADD COLUMN reporting_period reporting_period NOT NULL DEFAULT 'monthly',
        ADD COLUMN leads_publish_directly boolean NOT NULL DEFAULT false;

      CREATE TABLE delay_cause (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        label_da varchar(120) NOT NULL,
        label_en varchar(120) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_delay_cause_code UNIQUE (code)
      );
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON delay_cause
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('delay_cause', 'id', '');
      INSERT INTO delay_cause (code, label_da, label_en, sort_order) VALUES
        ('resources', 'Ressourcer', 'Resources', 0),
        ('other_department', 'Afhængighed af anden afdeling', 'Depends on another department', 1),
        ('legislation', 'Lovgivning', 'Legislation', 2),
        ('partner', 'Samarbejdspartner', 'Partner', 3),
        ('budget', 'Budget', 'Budget', 4),
        ('other', 'Andet', 'Other', 5);

      CREATE TYPE public_text_state AS ENUM ('none', 'pending', 'approved', 'returned');
      ALTER TABLE status_update
        ADD COLUMN delay_cause_id uuid REFERENCES delay_cause (id) ON DELETE RESTRICT,
        ADD COLUMN delay_reason text NOT NULL DEFAULT '',
        ADD COLUMN public_text_state public_text_state NOT NULL DEFAULT 'none',
        ADD COLUMN review_comment text NOT NULL DEFAULT '',
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN reviewer_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN reviewer_name varchar(120);
      -- Texts written before approvals existed were public already.
      UPDATE status_update SET public_text_state = 'approved' WHERE public_text <> '';
      CREATE INDEX ix_status_update_pending ON status_update (reported_at) WHERE public_text_state = 'pending';
      CREATE INDEX ix_status_update_delay_cause ON status_update (delay_cause_id) WHERE delay_cause_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      SELECT set_config('fremdrift.actor_name', 'System (migration)', true);
      DROP INDEX ix_status_update_delay_cause;
      DROP INDEX ix_status_update_pending;
      ALTER TABLE status_update DROP COLUMN delay_cause_id, DROP COLUMN delay_reason, DROP COLUMN public_text_state,
        DROP COLUMN review_comment, DROP COLUMN reviewed_at, DROP COLUMN reviewer_id, DROP COLUMN reviewer_name;
      DROP TYPE public_text_state;
      DROP TABLE delay_cause;
      ALTER TABLE action_plan DROP COLUMN reporting_period, DROP COLUMN leads_publish_directly;
      DROP TYPE reporting_period;
    `);
  }
}
