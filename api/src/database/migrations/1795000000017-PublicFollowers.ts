import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens who follow a published initiative or an action plan by e-mail (double opt-in). A row
 * holds only what consent needs: the address, the text agreed to and when. It is deleted on
 * unsubscribe, with the messages sent to it. No audit trigger: the audit trail would keep the
 * address after the citizen asked us to forget it. Unconfirmed requests are deleted after 48 hours.
 *
 * `follow_request` counts sign-up requests per client address and per e-mail address for the rate
 * limit, as keyed hashes (never the address itself), and is emptied of entries older than an hour.
 */
export class PublicFollowers1795000000017 implements MigrationInterface {
  name = 'PublicFollowers1795000000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE follow_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        initiative_id uuid NULL REFERENCES initiative (id) ON DELETE CASCADE,
        action_plan_id uuid NULL REFERENCES action_plan (id) ON DELETE CASCADE,
        language varchar(2) NOT NULL CHECK (language IN ('da', 'en')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        confirmation_token_hash bytea NULL,
        confirmed boolean NOT NULL DEFAULT false,
        consent_text text NULL,
        consented_at timestamptz NULL,
        CONSTRAINT ck_follow_subscription_one_target CHECK ((initiative_id IS NULL) <> (action_plan_id IS NULL)),
        CONSTRAINT ck_follow_subscription_consent CHECK (NOT confirmed OR (consent_text IS NOT NULL AND consented_at IS NOT NULL))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_follow_subscription_initiative ON follow_subscription (email, initiative_id) WHERE initiative_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX uq_follow_subscription_plan ON follow_subscription (email, action_plan_id) WHERE action_plan_id IS NOT NULL`);
    // The followers of an initiative or a plan when an update is approved; the expiry of unconfirmed requests.
    await queryRunner.query(`CREATE INDEX ix_follow_subscription_initiative ON follow_subscription (initiative_id) WHERE confirmed`);
    await queryRunner.query(`CREATE INDEX ix_follow_subscription_plan ON follow_subscription (action_plan_id) WHERE confirmed`);
    await queryRunner.query(`CREATE INDEX ix_follow_subscription_unconfirmed ON follow_subscription (requested_at) WHERE NOT confirmed`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_follow_subscription_token ON follow_subscription (confirmation_token_hash)`);
    await queryRunner.query(
      `CREATE TABLE follow_request (
        key_hash bytea NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    await queryRunner.query(`CREATE INDEX ix_follow_request_key ON follow_request (key_hash, requested_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE follow_request`);
    await queryRunner.query(`DROP TABLE follow_subscription`);
  }
}
