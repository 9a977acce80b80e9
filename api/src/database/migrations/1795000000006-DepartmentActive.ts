import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A department is deactivated, never deleted once it is used: it stays on the initiatives it leads
 * or takes part in and in their history, but is not offered for new choices.
 */
export class DepartmentActive1795000000006 implements MigrationInterface {
  name = 'DepartmentActive1795000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE department ADD COLUMN active boolean NOT NULL DEFAULT true;`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE department DROP COLUMN active;`);
  }
}
