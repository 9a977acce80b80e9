import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing reaches the public without management's approval unless the plan lets leads publish
 * directly, and the public keeps the last approved version while a change waits:
 * - an initiative's public face (`published`, `public_summary`) holds what is approved; a lead's
 *   change to it waits in the `proposed_*` columns with its review state;
 * - a status update's `approved_public_text` is what the public reads, `public_text` the draft.
 * A status update also keeps the health it was judged against (`baseline_health`), so that the
 * rule "a drop in health is explained" holds when the update is edited, not only when it is made.
 */
export class PublicApproval1795000000004 implements MigrationInterface {
  name = 'PublicApproval1795000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE initiative
        ADD COLUMN proposed_published boolean,
        ADD COLUMN proposed_public_summary varchar(1000),
        ADD COLUMN public_review_state public_text_state NOT NULL DEFAULT 'none',
        ADD COLUMN public_review_comment text NOT NULL DEFAULT '',
        ADD COLUMN public_proposed_at timestamptz,
        ADD COLUMN public_proposer_name varchar(120),
        ADD COLUMN public_reviewed_at timestamptz,
        ADD COLUMN public_reviewer_name varchar(120),
        ADD CONSTRAINT ck_initiative_public_proposal CHECK (
          (public_review_state IN ('pending', 'returned')) = (proposed_published IS NOT NULL OR proposed_public_summary IS NOT NULL)
        );
      CREATE INDEX ix_initiative_public_pending ON initiative (public_proposed_at) WHERE public_review_state = 'pending';

      ALTER TABLE status_update
        ADD COLUMN approved_public_text text NOT NULL DEFAULT '',
        ADD COLUMN baseline_health health;
      UPDATE status_update SET approved_public_text = public_text WHERE public_text_state = 'approved';
      UPDATE status_update u
         SET baseline_health = coalesce(earlier.health, u.health)
        FROM (SELECT id, lag(health) OVER (PARTITION BY initiative_id ORDER BY period_end, reported_at, id) AS health FROM status_update) earlier
       WHERE earlier.id = u.id;
      ALTER TABLE status_update ALTER COLUMN baseline_health SET NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE status_update DROP COLUMN approved_public_text, DROP COLUMN baseline_health;
      DROP INDEX ix_initiative_public_pending;
      ALTER TABLE initiative
        DROP CONSTRAINT ck_initiative_public_proposal,
        DROP COLUMN proposed_published, DROP COLUMN proposed_public_summary, DROP COLUMN public_review_state,
        DROP COLUMN public_review_comment, DROP COLUMN public_proposed_at, DROP COLUMN public_proposer_name,
        DROP COLUMN public_reviewed_at, DROP COLUMN public_reviewer_name;
    `);
  }
}
