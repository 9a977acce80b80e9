import { Injectable } from '@nestjs/common';
import type { Health } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';
import type { MailLanguage } from '../reminders/mail-templates';
import { CONFIRMATION_HOURS, type FollowTarget, type PublishedUpdate } from './follow-mails';

export interface TargetRef {
  kind: 'initiative' | 'plan';
  id: string;
}

export interface Subscription {
  id: string;
  email: string;
  language: MailLanguage;
  confirmed: boolean;
  target: FollowTarget;
}

/** A confirmed follower of an approved update, with what they follow. */
export interface Follower {
  subscriptionId: string;
  email: string;
  language: MailLanguage;
  target: FollowTarget;
}

/** Every message to a subscription carries this prefix in its idempotency key, so that they can be deleted with it. */
export const messageKeyPrefix = (subscriptionId: string) => `follow:${subscriptionId}:`;

const SUBSCRIPTION = `s.id, s.email, s.language, s.confirmed,
  CASE WHEN s.initiative_id IS NOT NULL THEN 'initiative' ELSE 'plan' END AS kind,
  coalesce(s.initiative_id, s.action_plan_id) AS target_id, coalesce(i.title, p.title) AS title
  FROM follow_subscription s LEFT JOIN initiative i ON i.id = s.initiative_id LEFT JOIN action_plan p ON p.id = s.action_plan_id`;

interface SubscriptionRow {
  id: string;
  email: string;
  language: MailLanguage;
  confirmed: boolean;
  kind: 'initiative' | 'plan';
  target_id: string;
  title: string;
}

const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  email: row.email,
  language: row.language,
  confirmed: row.confirmed,
  target: { kind: row.kind, id: row.target_id, title: row.title },
});

@Injectable()
export class FollowRepository {
  constructor(private readonly db: Database) {}

  /** The target if the public can see it: a published initiative, or an action plan (every plan is public). */
  async publicTarget(ref: TargetRef): Promise<FollowTarget | null> {
    const [row] = await this.db.manager.query(
      ref.kind === 'initiative' ? 'SELECT title FROM initiative WHERE id = $1 AND published' : 'SELECT title FROM action_plan WHERE id = $1',
      [ref.id],
    );
    return row ? { ...ref, title: row.title } : null;
  }

  /**
   * Records a request, or renews an unconfirmed one with a new token. A confirmed subscription is
   * left as it is (null): it needs no confirmation.
   */
  async request(email: string, ref: TargetRef, language: MailLanguage, tokenHash: Buffer): Promise<string | null> {
    const column = ref.kind === 'initiative' ? 'initiative_id' : 'action_plan_id';
    await this.db.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1773))', [`${email}:${ref.id}`]);
    const [existing] = await this.db.manager.query(`SELECT id, confirmed FROM follow_subscription WHERE email = $1 AND ${column} = $2 FOR UPDATE`, [
      email,
      ref.id,
    ]);
    if (existing?.confirmed) return null;
    if (existing) {
      await this.db.manager.query('UPDATE follow_subscription SET confirmation_token_hash = $2, language = $3, requested_at = now() WHERE id = $1', [
        existing.id,
        tokenHash,
        language,
      ]);
      return existing.id;
    }
    const [created] = await this.db.manager.query(
      `INSERT INTO follow_subscription (email, ${column}, language, confirmation_token_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [email, ref.id, language, tokenHash],
    );
    return created.id;
  }

  /** The unconfirmed subscription a confirmation token belongs to, while the token is fresh. */
  async byConfirmationToken(tokenHash: Buffer): Promise<Subscription | null> {
    const [row] = await this.db.manager.query(
      `SELECT ${SUBSCRIPTION} WHERE s.confirmation_token_hash = $1 AND NOT s.confirmed AND s.requested_at > now() - make_interval(hours => $2)`,
      [tokenHash, CONFIRMATION_HOURS],
    );
    return row ? toSubscription(row) : null;
  }

  async byId(id: string): Promise<Subscription | null> {
    const [row] = await this.db.manager.query(`SELECT ${SUBSCRIPTION} WHERE s.id = $1`, [id]);
    return row ? toSubscription(row) : null;
  }

  /** Confirms once: false when the token was used meanwhile. The token is spent. */
  async confirm(id: string, tokenHash: Buffer, consent: string): Promise<boolean> {
    const [rows] = await this.db.manager.query(
      `UPDATE follow_subscription SET confirmed = true, consented_at = now(), consent_text = $3, confirmation_token_hash = NULL
        WHERE id = $1 AND confirmation_token_hash = $2 AND NOT confirmed RETURNING id`,
      [id, tokenHash, consent],
    );
    return rows.length > 0;
  }

  /** Forgets a subscription: the row and every message written to it. */
  async delete(id: string): Promise<void> {
    await this.db.manager.query('DELETE FROM follow_subscription WHERE id = $1', [id]);
    await this.deleteMessages([id]);
  }

  /** Deletes requests never confirmed in time, with their confirmation mails. */
  async deleteExpired(): Promise<number> {
    const [rows]: [{ id: string }[], number] = await this.db.manager.query(
      `DELETE FROM follow_subscription WHERE NOT confirmed AND requested_at <= now() - make_interval(hours => $1) RETURNING id`,
      [CONFIRMATION_HOURS],
    );
    await this.deleteMessages(rows.map((row) => row.id));
    return rows.length;
  }

  private async deleteMessages(subscriptionIds: string[]): Promise<void> {
    if (subscriptionIds.length === 0) return;
    await this.db.manager.query(`DELETE FROM outbox_message WHERE kind LIKE 'follow\\_%' AND idempotency_key LIKE ANY($1::text[])`, [
      subscriptionIds.map((id) => `${messageKeyPrefix(id)}%`),
    ]);
  }

  /**
   * A status update whose public text is approved, if its initiative is public: what followers may
   * read of it (the approved text, never the internal one).
   */
  async publishedUpdate(statusUpdateId: string): Promise<(PublishedUpdate & { planId: string }) | null> {
    const [row] = await this.db.manager.query(
      `SELECT i.id AS "initiativeId", i.title AS "initiativeTitle", p.id AS "planId", p.title AS "planTitle",
              to_char(u.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(u.period_end, 'YYYY-MM-DD') AS "periodEnd",
              u.health, u.approved_public_text AS text
         FROM status_update u JOIN initiative i ON i.id = u.initiative_id JOIN action_plan p ON p.id = i.action_plan_id
        WHERE u.id = $1 AND u.public_text_state = 'approved' AND u.approved_public_text <> '' AND i.published`,
      [statusUpdateId],
    );
    return row ? { ...row, health: row.health as Health } : null;
  }

  /**
   * The confirmed followers of an initiative and of its plan: one per address, the follower of the
   * initiative before the follower of the plan, so that nobody gets the same update twice.
   */
  async followers(initiativeId: string, planId: string): Promise<Follower[]> {
    const rows: SubscriptionRow[] = await this.db.manager.query(
      `SELECT DISTINCT ON (s.email) ${SUBSCRIPTION}
        WHERE s.confirmed AND (s.initiative_id = $1 OR s.action_plan_id = $2)
        ORDER BY s.email, (s.initiative_id IS NULL), s.id`,
      [initiativeId, planId],
    );
    return rows.map((row) => {
      const { id, email, language, target } = toSubscription(row);
      return { subscriptionId: id, email, language, target };
    });
  }
}
