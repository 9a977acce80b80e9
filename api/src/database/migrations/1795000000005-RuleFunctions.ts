import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more rules of libs/progress as SQL functions, for queries that decide in PostgreSQL:
 * isMilestoneOverdue and reportsNow (which initiatives must report). The TypeScript functions are
 * the definition; an integration test holds these to the same answers.
 */
export class RuleFunctions1795000000005 implements MigrationInterface {
  name = 'RuleFunctions1795000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION fremdrift_milestone_overdue(completed_date date, due_date date, today date)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT completed_date IS NULL AND due_date IS NOT NULL AND due_date < today
      $$;

      CREATE FUNCTION fremdrift_reports_now(status initiative_status, start_date date, today date)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT status IN ('in_progress', 'on_hold') OR (status = 'planned' AND start_date IS NOT NULL AND start_date <= today)
      $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION fremdrift_reports_now(initiative_status, date, date);
      DROP FUNCTION fremdrift_milestone_overdue(date, date, date);
    `);
  }
}
