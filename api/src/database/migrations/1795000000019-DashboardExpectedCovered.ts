import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard sums expected progress over `dashboard_expected` rows read in primary-key order
 * (one row per department and month at 100,000 initiatives: about a thousand). With the summed
 * values carried in the key's index, PostgreSQL reads them from the index alone instead of
 * visiting a table page per row. The rows change only when an initiative's dates do, so the
 * table's pages stay all-visible between vacuums. Same constraint name: the triggers' upserts
 * refer to it.
 */
export class DashboardExpectedCovered1795000000019 implements MigrationInterface {
  name = 'DashboardExpectedCovered1795000000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dashboard_expected
        DROP CONSTRAINT dashboard_expected_pkey,
        ADD CONSTRAINT dashboard_expected_pkey PRIMARY KEY (level, action_plan_id, goal_id, whole_month, day, department_id)
          INCLUDE (slope, slope_day, steps)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dashboard_expected
        DROP CONSTRAINT dashboard_expected_pkey,
        ADD CONSTRAINT dashboard_expected_pkey PRIMARY KEY (level, action_plan_id, goal_id, whole_month, day, department_id)`);
  }
}
