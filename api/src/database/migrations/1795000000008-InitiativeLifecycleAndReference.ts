import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cancelled initiative says why, and an initiative can carry the municipality's own reference
 * (from the spreadsheet it was kept in before), which an import matches rows by.
 */
export class InitiativeLifecycleAndReference1795000000008 implements MigrationInterface {
  name = 'InitiativeLifecycleAndReference1795000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE initiative ADD COLUMN cancellation_reason text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE initiative ADD COLUMN external_reference varchar(100) NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_initiative_external_reference ON initiative (lower(external_reference)) WHERE external_reference IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_initiative_external_reference`);
    await queryRunner.query(`ALTER TABLE initiative DROP COLUMN external_reference`);
    await queryRunner.query(`ALTER TABLE initiative DROP COLUMN cancellation_reason`);
  }
}
