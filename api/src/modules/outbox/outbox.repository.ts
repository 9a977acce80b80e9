import { Injectable } from '@nestjs/common';
import type { MailKind, OutboxMessage, OutboxMessageSummary, OutboxState, OutgoingMail, SentMailRecord } from '@fremdrift/contracts';
import { Database, type NamedStatement } from '../../core/database/database';
import type { PageWindow } from '../../core/http/pagination';
import { kindsByGroup, latestSentSql, toLatestSentRecord, toSentMailRecord, type LatestSentRecord, type LatestSentRow } from './sent-mail-rows';

interface MessageRow {
  id: string;
  idempotency_key: string;
  kind: MailKind;
  recipient_user_id: string | null;
  recipient_name: string | null;
  to: string;
  language: 'da' | 'en';
  subject: string;
  text: string;
  html: string;
  initiative_ids: string[];
  state: OutboxState;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const SUMMARY_COLUMNS = `m.id, m.kind, m."to", u.display_name AS recipient_name, m.subject, m.state, m.attempts, m.next_attempt_at, m.last_error, m.created_at, m.sent_at`;

function toSummary(row: MessageRow): OutboxMessageSummary {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    recipientName: row.recipient_name,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastError: row.last_error,
  };
}

/** `$1` the initiatives, `$2` and `$3` each kind with the name of its group. Read on every dashboard request. */
const LATEST_SENT_FOR: NamedStatement = {
  name: 'outbox-latest-sent-for',
  text: latestSentSql('$1::uuid[]', '$2::varchar[]', '$3::text[]'),
};

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Writes the message in the running transaction, if any; false when its key is already there. */
  async insert(mail: OutgoingMail, state: 'pending' | 'held'): Promise<boolean> {
    const rows = await this.db.manager.query(
      `INSERT INTO outbox_message (idempotency_key, kind, recipient_user_id, "to", language, subject, text, html, initiative_ids, state, unsubscribe_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        mail.idempotencyKey,
        mail.kind,
        mail.recipientUserId,
        mail.to,
        mail.language,
        mail.subject,
        mail.text,
        mail.html,
        mail.initiativeIds,
        state,
        mail.unsubscribeUrl ?? null,
      ],
    );
    return rows.length > 0;
  }

  async list(filter: { state?: OutboxState; kind?: MailKind }, window: PageWindow): Promise<{ items: OutboxMessageSummary[]; total: number }> {
    const params: unknown[] = [filter.state ?? null, filter.kind ?? null];
    const where = `($1::outbox_state IS NULL OR m.state = $1::outbox_state) AND ($2::varchar IS NULL OR m.kind = $2::varchar)`;
    const [{ total }] = await this.db.manager.query(`SELECT count(*)::int AS total FROM outbox_message m WHERE ${where}`, params);
    const rows: MessageRow[] = await this.db.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM outbox_message m LEFT JOIN app_user u ON u.id = m.recipient_user_id
       WHERE ${where} ORDER BY m.created_at DESC, m.id DESC LIMIT $3 OFFSET $4`,
      [...params, window.pageSize, window.offset],
    );
    return { items: rows.map(toSummary), total };
  }

  async findById(id: string): Promise<OutboxMessage | null> {
    const [row]: MessageRow[] = await this.db.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, m.idempotency_key, m.language, m.text, m.html, m.initiative_ids
       FROM outbox_message m LEFT JOIN app_user u ON u.id = m.recipient_user_id WHERE m.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      ...toSummary(row),
      idempotencyKey: row.idempotency_key,
      language: row.language,
      text: row.text,
      html: row.html,
      initiativeIds: row.initiative_ids,
    };
  }

  /** Puts a failed message back in line for a new attempt now; false when it is not failed. */
  async requeueFailed(id: string, state: 'pending' | 'held'): Promise<boolean> {
    const rows = await this.db.manager.query(
      `UPDATE outbox_message SET state = $2, next_attempt_at = now(), claimed_at = NULL WHERE id = $1 AND state = 'failed' RETURNING id`,
      [id, state],
    );
    return rows[0].length > 0;
  }

  /**
   * Per initiative and group of kinds, the latest message: the one sent last, or written last while
   * not sent. One row per initiative and group that has any, whatever the history's length.
   */
  async latestSentFor(initiativeIds: string[], groups: Readonly<Record<string, readonly MailKind[]>>): Promise<LatestSentRecord[]> {
    if (initiativeIds.length === 0) return [];
    const { kinds, groups: names } = kindsByGroup(groups);
    const rows = await this.db.named<LatestSentRow>(LATEST_SENT_FOR, [initiativeIds, kinds, names]);
    return rows.map(toLatestSentRecord);
  }

  async sentFor(initiativeIds: string[]): Promise<SentMailRecord[]> {
    if (initiativeIds.length === 0) return [];
    const rows: (MessageRow & { initiative_id: string })[] = await this.db.manager.query(
      `SELECT m.id, i.initiative_id, m.kind, m.recipient_user_id, u.display_name AS recipient_name, m."to", m.state, m.created_at, m.sent_at
       FROM outbox_message m
       CROSS JOIN LATERAL unnest(m.initiative_ids) AS i(initiative_id)
       LEFT JOIN app_user u ON u.id = m.recipient_user_id
       WHERE m.initiative_ids && $1::uuid[] AND i.initiative_id = ANY($1::uuid[])
       ORDER BY m.created_at DESC, m.id`,
      [initiativeIds],
    );
    return rows.map(toSentMailRecord);
  }
}
