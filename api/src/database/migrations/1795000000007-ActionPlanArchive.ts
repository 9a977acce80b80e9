import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An action plan can be archived: it stays readable with its initiatives, but leaves the plan list
 * by default and takes no new initiatives.
 */
export class ActionPlanArchive1795000000007 implements MigrationInterface {
  name = 'ActionPlanArchive1795000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_plan ADD COLUMN archived_at timestamptz NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE action_plan DROP COLUMN archived_at`);
  }
}
