import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { TooManyRequestsException } from '../../core/http/problem';
import { FollowLinks } from './follow-links';

/**
 * Follow requests allowed per hour, per e-mail address (so that nobody is flooded with
 * confirmation mails) and per client address (so that nobody signs up a list). Kept in
 * PostgreSQL, so the limit holds across API processes.
 */
export const FOLLOW_LIMITS = { windowMinutes: 60, perAddress: 3, perClient: 20 } as const;

@Injectable()
export class FollowThrottle {
  constructor(
    private readonly db: Database,
    private readonly tx: TransactionRunner,
    private readonly links: FollowLinks,
  ) {}

  /** Counts one request, or answers 429 (with the seconds until the oldest counted request expires) when over a limit. */
  async admit(email: string, ip: string): Promise<void> {
    const [address, client] = await Promise.all([this.links.requestKey('email', email), this.links.requestKey('ip', ip)]);
    const waitSeconds = await this.tx.runBookkeeping(async () => {
      // One at a time per client, so that parallel requests cannot all slip in before the first is counted.
      await this.db.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1772))', [client.toString('hex')]);
      await this.db.manager.query(`DELETE FROM follow_request WHERE requested_at < now() - make_interval(mins => $1)`, [FOLLOW_LIMITS.windowMinutes]);
      const rows: { key: Buffer; count: number; wait: number }[] = await this.db.manager.query(
        `SELECT key_hash AS key, count(*)::int AS count,
                ceil(extract(epoch FROM min(requested_at) + make_interval(mins => $2) - now()))::int AS wait
           FROM follow_request WHERE key_hash = ANY($1::bytea[]) AND requested_at >= now() - make_interval(mins => $2)
          GROUP BY key_hash`,
        [[address, client], FOLLOW_LIMITS.windowMinutes],
      );
      const over = rows.filter((row) => row.count >= (row.key.equals(address) ? FOLLOW_LIMITS.perAddress : FOLLOW_LIMITS.perClient));
      if (over.length > 0) return Math.max(1, ...over.map((row) => row.wait));
      await this.db.manager.query('INSERT INTO follow_request (key_hash) VALUES ($1), ($2)', [address, client]);
      return 0;
    });
    if (waitSeconds > 0) {
      throw new TooManyRequestsException(
        waitSeconds,
        `Too many requests to follow. Try again in ${Math.ceil(waitSeconds / 60)} minute${waitSeconds > 60 ? 's' : ''}.`,
      );
    }
  }
}
