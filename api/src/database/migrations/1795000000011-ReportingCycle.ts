import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting cycle: reminders before a period ends, escalation after it, the weekly digest.
 *
 * - Each action plan says whether its leads are reminded, how many days before the period ends, and
 *   how many days after it an unreported period is escalated.
 * - A department's management contact is an e-mail address rather than a user: escalations often go
 *   to a shared mailbox (a secretariat) that has no account, and they must reach it whatever any
 *   user's own e-mail settings are.
 * - Each user may turn their reminders and their digest off, and chooses the language of their mails.
 * - `app_secret` holds the key that signs unsubscribe links when no UNSUBSCRIBE_SECRET is configured,
 *   so that every process signs alike and links survive restarts.
 * - `reminder_run` records which day each cycle job last ran, so that the app can run a missed run at start.
 */
export class ReportingCycle1795000000011 implements MigrationInterface {
  name = 'ReportingCycle1795000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE action_plan
        ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN reminder_days_before integer NOT NULL DEFAULT 5 CHECK (reminder_days_before BETWEEN 1 AND 92),
        ADD COLUMN escalation_grace_days integer NOT NULL DEFAULT 3 CHECK (escalation_grace_days BETWEEN 0 AND 27);

      ALTER TABLE department
        ADD COLUMN management_contact_email varchar(254)
          CONSTRAINT ck_department_management_contact_lower_case CHECK (management_contact_email = lower(management_contact_email));

      ALTER TABLE app_user
        ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN digest_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN language varchar(2) NOT NULL DEFAULT 'da' CONSTRAINT ck_app_user_language CHECK (language IN ('da', 'en'));

      CREATE TABLE app_secret (
        name varchar(40) PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE reminder_run (
        job varchar(60) NOT NULL,
        run_date date NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job, run_date)
      );
    `);
    await queryRunner.query(`INSERT INTO app_secret (name, value) VALUES ('unsubscribe', $1)`, [randomBytes(32).toString('base64url')]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE reminder_run;
      DROP TABLE app_secret;
      ALTER TABLE app_user DROP COLUMN language, DROP COLUMN digest_enabled, DROP COLUMN reminders_enabled;
      ALTER TABLE department DROP COLUMN management_contact_email;
      ALTER TABLE action_plan DROP COLUMN escalation_grace_days, DROP COLUMN reminder_days_before, DROP COLUMN reminders_enabled;
    `);
  }
}
