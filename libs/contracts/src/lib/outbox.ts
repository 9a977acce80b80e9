import type { IsoDateTime, PageQuery } from './common';

export const MAIL_KINDS = ['reminder', 'final_reminder', 'escalation', 'digest', 'manual_reminder', 'follow_confirmation', 'follow_update'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * `pending` waits for its next attempt, `sending` is being delivered, `sent` was accepted by the
 * SMTP server, `failed` gave up (admins may retry), `held` stays in the outbox because no SMTP
 * server is configured.
 */
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A message to write to the outbox. */
export interface OutgoingMail {
  /** Unique per message: recipient + kind + period. A second enqueue with the same key writes nothing. */
  idempotencyKey: string;
  kind: MailKind;
  recipientUserId: string | null;
  to: string;
  language: 'da' | 'en';
  subject: string;
  text: string;
  html: string;
  initiativeIds: string[];
  /** The signed unsubscribe link; sent as List-Unsubscribe (with one-click, RFC 8058) so that mail programs offer it. */
  unsubscribeUrl?: string | null;
}

/** One message in the admins' outbox list. */
export interface OutboxMessageSummary {
  id: string;
  kind: MailKind;
  to: string;
  recipientName: string | null;
  subject: string;
  state: OutboxState;
  attempts: number;
  createdAt: IsoDateTime;
  sentAt: IsoDateTime | null;
  nextAttemptAt: IsoDateTime | null;
  lastError: string | null;
}

/** One message with its content. */
export interface OutboxMessage extends OutboxMessageSummary {
  idempotencyKey: string;
  language: 'da' | 'en';
  text: string;
  html: string;
  initiativeIds: string[];
}

export interface OutboxQuery extends PageQuery {
  state?: OutboxState;
  kind?: MailKind;
}

/** A message recorded for an initiative ("reminder sent 3 Dec to …"): one per message and initiative. */
export interface SentMailRecord {
  messageId: string;
  initiativeId: string;
  kind: MailKind;
  recipientUserId: string | null;
  recipientName: string | null;
  to: string;
  state: OutboxState;
  createdAt: IsoDateTime;
  sentAt: IsoDateTime | null;
}
