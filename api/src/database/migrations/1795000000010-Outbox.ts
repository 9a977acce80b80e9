import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail outbox: a message is written in the same transaction as the decision to send it and
 * delivered later by the sender job. The idempotency key (recipient + kind + period) is unique, so
 * that a message is never written, and so never sent, twice. `scheduled_job` records each job's
 * last run for the admins' jobs panel; pg-boss keeps its queue in its own schema (`pgboss`).
 */
export class Outbox1795000000010 implements MigrationInterface {
  name = 'Outbox1795000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE outbox_state AS ENUM ('pending', 'sending', 'sent', 'failed', 'held')`);
    await queryRunner.query(
      `CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key varchar(300) NOT NULL,
        kind varchar(40) NOT NULL,
        recipient_user_id uuid NULL REFERENCES app_user (id) ON DELETE SET NULL,
        "to" varchar(320) NOT NULL,
        language varchar(2) NOT NULL CHECK (language IN ('da', 'en')),
        subject varchar(500) NOT NULL,
        text text NOT NULL,
        html text NOT NULL,
        unsubscribe_url text NULL,
        initiative_ids uuid[] NOT NULL DEFAULT '{}',
        state outbox_state NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz NULL,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        CONSTRAINT uq_outbox_message_idempotency_key UNIQUE (idempotency_key)
      )`,
    );
    // The sender's pick query, and the recovery of messages left in 'sending'.
    await queryRunner.query(`CREATE INDEX ix_outbox_message_due ON outbox_message (next_attempt_at) WHERE state = 'pending'`);
    await queryRunner.query(`CREATE INDEX ix_outbox_message_sending ON outbox_message (claimed_at) WHERE state = 'sending'`);
    // The admins' list, newest first, by state, and the messages recorded for an initiative.
    await queryRunner.query(`CREATE INDEX ix_outbox_message_created ON outbox_message (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ix_outbox_message_state ON outbox_message (state, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_outbox_message_initiatives ON outbox_message USING gin (initiative_ids)`);
    await queryRunner.query(
      `CREATE TABLE scheduled_job (
        name varchar(100) PRIMARY KEY,
        last_started_at timestamptz NULL,
        last_finished_at timestamptz NULL,
        last_state varchar(20) NULL CHECK (last_state IN ('running', 'succeeded', 'failed')),
        failures integer NOT NULL DEFAULT 0,
        last_error text NULL
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scheduled_job`);
    await queryRunner.query(`DROP TABLE outbox_message`);
    await queryRunner.query(`DROP TYPE outbox_state`);
  }
}
