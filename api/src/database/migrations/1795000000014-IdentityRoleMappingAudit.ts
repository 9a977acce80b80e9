import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mappings from the identity provider's groups to Fremdrift roles decide who becomes an admin: every change to them goes into the audit trail. */
export class IdentityRoleMappingAudit1795000000014 implements MigrationInterface {
  name = 'IdentityRoleMappingAudit1795000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON identity_role_mapping
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('identity_role_mapping', 'id', '');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit ON identity_role_mapping');
  }
}
