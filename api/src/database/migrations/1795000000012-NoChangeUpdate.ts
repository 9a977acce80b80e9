import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A status update recorded as "no changes since last time" (the latest update carried over) says so. */
export class NoChangeUpdate1795000000012 implements MigrationInterface {
  name = 'NoChangeUpdate1795000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE status_update ADD COLUMN no_change boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE status_update DROP COLUMN no_change`);
  }
}
