import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, server-side sessions, login attempts (for rate limiting across processes) and the
 * audit trail.
 *
 * The audit trail is written by triggers, in the transaction of the change itself, so no write
 * path can forget it. The writer names itself per transaction with
 * `set_config('fremdrift.actor_name', …, true)`; a write without an actor is refused. Audit rows
 * can be inserted but never updated or deleted.
 */
export class AccountsAndAudit1795000000001 implements MigrationInterface {
  name = 'AccountsAndAudit1795000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TYPE user_role AS ENUM ('admin', 'management', 'department_lead', 'viewer');

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT uq_app_user_email UNIQUE (email),
        CONSTRAINT ck_app_user_email_lower_case CHECK (email = lower(email))
      );

      CREATE TABLE user_department (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, department_id)
      );
      CREATE INDEX ix_user_department_department ON user_department (department_id);

      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        csrf_token varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT uq_user_session_token_hash UNIQUE (token_hash)
      );
      CREATE INDEX ix_user_session_user ON user_session (user_id);
      CREATE INDEX ix_user_session_expires ON user_session (expires_at);

      CREATE TABLE login_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email varchar(254) NOT NULL,
        ip varchar(64) NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ix_login_attempt_email ON login_attempt (email, attempted_at);
      CREATE INDEX ix_login_attempt_ip ON login_attempt (ip, attempted_at);

      ALTER TABLE status_update ADD COLUMN author_id uuid REFERENCES app_user (id) ON DELETE SET NULL;

      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name varchar(400) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(80) NOT NULL,
        initiative_id uuid,
        action varchar(10) NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        changes jsonb NOT NULL
      );
      CREATE INDEX ix_audit_event_initiative ON audit_event (initiative_id, id) WHERE initiative_id IS NOT NULL;
      CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id);
      CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, id);
      CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);

      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

      -- TG_ARGV: entity type, the column that identifies the row, the column holding its initiative ('' for none).
      CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        actor_name text := nullif(current_setting('fremdrift.actor_name', true), '');
        actor_id uuid := nullif(current_setting('fremdrift.actor_id', true), '')::uuid;
        ignored text[] := ARRAY['created_at', 'updated_at', 'version', 'password_hash', 'last_login_at'];
        before_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
        after_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
        current_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN before_row ELSE after_row END;
        changes jsonb := '{}'::jsonb;
        field text;
      BEGIN
        FOR field IN SELECT jsonb_object_keys(before_row || after_row) LOOP
          CONTINUE WHEN field = ANY (ignored);
          IF (before_row -> field) IS DISTINCT FROM (after_row -> field) THEN
            changes := changes || jsonb_build_object(field, jsonb_build_object('before', before_row -> field, 'after', after_row -> field));
          END IF;
        END LOOP;
        IF TG_OP = 'UPDATE' AND before_row ? 'password_hash' AND (before_row -> 'password_hash') IS DISTINCT FROM (after_row -> 'password_hash') THEN
          changes := changes || '{"password": {"before": "[hidden]", "after": "[changed]"}}'::jsonb;
        END IF;
        IF changes = '{}'::jsonb THEN
          RETURN NULL;
        END IF;
        IF actor_name IS NULL THEN
          RAISE EXCEPTION 'A write to % needs an actor for the audit trail', TG_TABLE_NAME;
        END IF;
        INSERT INTO audit_event (actor_id, actor_name, entity_type, entity_id, initiative_id, action, changes)
        VALUES (
          actor_id,
          actor_name,
          TG_ARGV[0],
          current_row ->> TG_ARGV[1],
          CASE WHEN TG_ARGV[2] = '' THEN NULL ELSE (current_row ->> TG_ARGV[2])::uuid END,
          CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
          changes
        );
        RETURN NULL;
      END
      $$;

      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON department
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('department', 'id', '');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON action_plan
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('action_plan', 'id', '');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON goal
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('goal', 'id', '');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON initiative
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('initiative', 'id', 'id');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON initiative_department
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('initiative_department', 'department_id', 'initiative_id');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON milestone
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('milestone', 'id', 'initiative_id');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON status_update
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('status_update', 'id', 'initiative_id');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON partner
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('partner', 'id', '');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON initiative_partner
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('initiative_partner', 'partner_id', 'initiative_id');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('user', 'id', '');
      CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON user_department
        FOR EACH ROW EXECUTE FUNCTION audit_row_change('user_department', 'user_id', '');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER audit ON department; DROP TRIGGER audit ON action_plan; DROP TRIGGER audit ON goal;
      DROP TRIGGER audit ON initiative; DROP TRIGGER audit ON initiative_department; DROP TRIGGER audit ON milestone;
      DROP TRIGGER audit ON status_update; DROP TRIGGER audit ON partner; DROP TRIGGER audit ON initiative_partner;
      DROP TRIGGER audit ON app_user; DROP TRIGGER audit ON user_department;
      DROP FUNCTION audit_row_change();
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_is_append_only();
      ALTER TABLE status_update DROP COLUMN author_id;
      DROP TABLE login_attempt, user_session, user_department, app_user;
      DROP TYPE user_role;
    `);
  }
}
