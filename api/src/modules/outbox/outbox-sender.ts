import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { Database } from '../../core/database/database';

/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure gives up (state `failed`). */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
/** How long a claimed message may stay in `sending`; longer than any SMTP exchange can take (see SMTP_TIMEOUT_MS). */
export const SENDING_LEASE_MINUTES = 10;
const SMTP_TIMEOUT_MS = 60_000;
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 2_000;

interface ClaimedMessage {
  id: string;
  idempotency_key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribe_url: string | null;
  attempts: number;
}

export interface SendRound {
  sent: number;
  retried: number;
  failed: number;
  /** Messages found in `sending` past their lease: marked failed, not resent. */
  abandoned: number;
}

/** The same Message-ID for every attempt at one message, so that a receiving system can tell a repeat. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@fremdrift.outbox>`;
}

/**
 * Delivers pending messages over SMTP. Each message is claimed in its own short transaction
 * (FOR UPDATE SKIP LOCKED), so that of several processes exactly one takes it, then sent, then
 * marked sent. We chose at-most-once for the one window where it matters: a message still in
 * `sending` after its lease (the process died between send and mark) is marked failed for an admin
 * to check and retry, never resent on its own. Called outside any unit of work (from the job), so
 * that each statement commits on its own.
 */
@Injectable()
export class OutboxSender implements OnModuleDestroy {
  private readonly logger = new Logger(OutboxSender.name);
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
  ) {
    this.transport = config.mail.smtpUrl
      ? createTransport({ url: config.mail.smtpUrl, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS })
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** One round: gives up on abandoned claims, then sends every message that is due. */
  async sendDue(): Promise<SendRound> {
    const round: SendRound = { sent: 0, retried: 0, failed: 0, abandoned: await this.abandonExpiredClaims() };
    if (!this.transport) return round;
    for (;;) {
      const batch = await this.claim(BATCH_SIZE);
      if (batch.length === 0) break;
      for (const message of batch) {
        const outcome = await this.deliver(this.transport, message);
        round[outcome]++;
      }
      if (batch.length < BATCH_SIZE) break;
    }
    return round;
  }

  private async claim(limit: number): Promise<ClaimedMessage[]> {
    const [rows] = await this.db.manager.query(
      `UPDATE outbox_message SET state = 'sending', claimed_at = now(), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox_message WHERE state = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, idempotency_key, "to", subject, text, html, unsubscribe_url, attempts`,
      [limit],
    );
    return rows;
  }

  private async deliver(transport: Transporter, message: ClaimedMessage): Promise<'sent' | 'retried' | 'failed'> {
    try {
      await transport.sendMail({
        from: this.config.mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdFor(message.idempotency_key),
        headers: {
          'X-Fremdrift-Message': message.id,
          ...(message.unsubscribe_url ? { 'List-Unsubscribe': `<${message.unsubscribe_url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
    } catch (error) {
      return this.recordFailure(message, error);
    }
    await this.markSent(message.id);
    return 'sent';
  }

  /** Separate so that a test can fail it: the crash between send and mark. */
  protected async markSent(id: string): Promise<void> {
    await this.db.manager.query(`UPDATE outbox_message SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND state = 'sending'`, [id]);
  }

  private async recordFailure(message: ClaimedMessage, error: unknown): Promise<'retried' | 'failed'> {
    const text = error instanceof Error ? error.message : String(error);
    const lastError = text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)} … (${text.length} characters)` : text;
    const giveUp = message.attempts >= MAX_ATTEMPTS;
    const delay = RETRY_DELAYS_MINUTES[Math.min(message.attempts, RETRY_DELAYS_MINUTES.length) - 1];
    this.logger.warn(`Sending outbox message ${message.id} failed (attempt ${message.attempts}): ${text}`);
    await this.db.manager.query(
      `UPDATE outbox_message SET state = $2::outbox_state, last_error = $3, claimed_at = NULL,
         next_attempt_at = CASE WHEN $2::outbox_state = 'pending' THEN now() + make_interval(mins => $4) ELSE next_attempt_at END
       WHERE id = $1 AND state = 'sending'`,
      [message.id, giveUp ? 'failed' : 'pending', lastError, giveUp ? 0 : delay],
    );
    return giveUp ? 'failed' : 'retried';
  }

  private async abandonExpiredClaims(): Promise<number> {
    const [rows] = await this.db.manager.query(
      `UPDATE outbox_message SET state = 'failed', claimed_at = NULL,
         last_error = 'Interrupted between sending and recording: it may or may not have been delivered. Check with the recipient before sending again.'
       WHERE state = 'sending' AND claimed_at < now() - make_interval(mins => $1)
       RETURNING id`,
      [SENDING_LEASE_MINUTES],
    );
    if (rows.length > 0) this.logger.warn(`${rows.length} outbox message(s) were left in sending and are now failed`);
    return rows.length;
  }
}
