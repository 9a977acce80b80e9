import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through the municipality's identity provider (OpenID Connect or SAML 2.0): users known by
 * the provider's subject, sessions that remember how to end the provider's session, the mapping from
 * the provider's groups and job-function roles to Fremdrift roles, the short-lived state of a sign-in
 * in progress, and the assertions already used (replay protection).
 */
export class SingleSignOn1795000000013 implements MigrationInterface {
  name = 'SingleSignOn1795000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE app_user
        ADD COLUMN identity_provider varchar(10) CHECK (identity_provider IN ('oidc', 'saml')),
        ADD COLUMN external_subject varchar(400),
        ADD CONSTRAINT ck_app_user_external_identity CHECK ((identity_provider IS NULL) = (external_subject IS NULL));
      CREATE UNIQUE INDEX uq_app_user_external_identity ON app_user (identity_provider, external_subject) WHERE identity_provider IS NOT NULL;

      ALTER TABLE user_session
        ADD COLUMN auth_method varchar(10) NOT NULL DEFAULT 'password' CHECK (auth_method IN ('password', 'oidc', 'saml')),
        ADD COLUMN oidc_id_token text,
        ADD COLUMN saml_name_id varchar(400),
        ADD COLUMN saml_name_id_format varchar(200),
        ADD COLUMN saml_session_index varchar(400);
      CREATE INDEX ix_user_session_saml_name_id ON user_session (saml_name_id) WHERE saml_name_id IS NOT NULL;

      CREATE TABLE identity_role_mapping (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_value varchar(400) NOT NULL,
        unit_constraint varchar(400),
        role user_role NOT NULL,
        department_id uuid REFERENCES department (id) ON DELETE CASCADE,
        description varchar(400),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ck_identity_role_mapping_department CHECK ((role = 'department_lead') = (department_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX uq_identity_role_mapping ON identity_role_mapping (claim_value, coalesce(unit_constraint, ''), role, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid));

      CREATE TABLE sso_request (
        id varchar(100) PRIMARY KEY,
        kind varchar(10) NOT NULL CHECK (kind IN ('oidc', 'saml')),
        code_verifier varchar(200),
        nonce varchar(200),
        return_to varchar(400),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX ix_sso_request_expires ON sso_request (expires_at);

      CREATE TABLE saml_assertion_used (
        assertion_id varchar(400) PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX ix_saml_assertion_used_expires ON saml_assertion_used (expires_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE saml_assertion_used;
      DROP TABLE sso_request;
      DROP TABLE identity_role_mapping;
      DROP INDEX ix_user_session_saml_name_id;
      ALTER TABLE user_session DROP COLUMN auth_method, DROP COLUMN oidc_id_token, DROP COLUMN saml_name_id,
        DROP COLUMN saml_name_id_format, DROP COLUMN saml_session_index;
      DROP INDEX uq_app_user_external_identity;
      ALTER TABLE app_user DROP CONSTRAINT ck_app_user_external_identity, DROP COLUMN external_subject, DROP COLUMN identity_provider;
      UPDATE app_user SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
