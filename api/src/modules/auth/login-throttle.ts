import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { TooManyRequestsException } from '../../core/http/problem';

/**
 * Failed sign-ins allowed per window, per account and per client address. Kept in PostgreSQL so
 * that the limit holds across API processes. A successful sign-in clears an account's count.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Runs one sign-in attempt under the limits, and records it. An account that has failed too
   * often gets 429 (with the seconds to wait) without its password being tried. An address that has
   * failed too often may still sign in to an account that has not failed lately, with the right
   * password: behind a proxy every user shares one address, and others' typos must not lock them
   * out. Anything else from that address gets 429. Attempts on one account run one at a time, so
   * parallel guesses cannot all slip in before the first is counted.
   */
  async attempt(email: string, ip: string, verify: () => Promise<boolean>): Promise<boolean> {
    const outcome = await this.tx
      .runBookkeeping(async () => {
        await this.db.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1771))', [email]);
        const failures = await this.recentFailures(email, ip);
        if (failures.account.count >= LOGIN_LIMITS.perAccount) return { succeeded: false, waitSeconds: failures.account.waitSeconds };
        const addressBlocked = failures.address.count >= LOGIN_LIMITS.perAddress;
        if (addressBlocked && failures.account.count > 0) return { succeeded: false, waitSeconds: failures.address.waitSeconds };
        const succeeded = await verify();
        await this.db.manager.query('INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, $3)', [email, ip, succeeded]);
        return { succeeded, waitSeconds: !succeeded && addressBlocked ? failures.address.waitSeconds : 0 };
      })
      .finally(() => {
        if (Math.random() < 0.01) void this.db.manager.query(`DELETE FROM login_attempt WHERE attempted_at < now() - interval '1 day'`).catch(() => undefined);
      });
    if (outcome.waitSeconds > 0) {
      const seconds = Math.max(1, outcome.waitSeconds);
      throw new TooManyRequestsException(
        seconds,
        `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
      );
    }
    return outcome.succeeded;
  }

  /** Failures in the window, of the account (since its last success) and of the address, with the seconds until the oldest expires. */
  private async recentFailures(email: string, ip: string): Promise<Record<'account' | 'address', { count: number; waitSeconds: number }>> {
    const [row] = await this.db.manager.query(
      `WITH window_start AS (SELECT now() - make_interval(mins => $3) AS at),
            last_success AS (
              SELECT max(attempted_at) AS at FROM login_attempt WHERE email = $1 AND succeeded
            ),
            account AS (
              SELECT count(*)::int AS failures, min(attempted_at) AS oldest FROM login_attempt
               WHERE email = $1 AND NOT succeeded
                 AND attempted_at > greatest((SELECT at FROM window_start), coalesce((SELECT at FROM last_success), '-infinity'))
            ),
            address AS (
              SELECT count(*)::int AS failures, min(attempted_at) AS oldest FROM login_attempt
               WHERE ip = $2 AND NOT succeeded AND attempted_at > (SELECT at FROM window_start)
            )
       SELECT account.failures AS "accountFailures",
              coalesce(ceil(extract(epoch FROM account.oldest + make_interval(mins => $3) - now()))::int, 0) AS "accountWait",
              address.failures AS "addressFailures",
              coalesce(ceil(extract(epoch FROM address.oldest + make_interval(mins => $3) - now()))::int, 0) AS "addressWait"
         FROM account, address`,
      [email, ip, LOGIN_LIMITS.windowMinutes],
    );
    return {
      account: { count: row.accountFailures, waitSeconds: Math.max(1, row.accountWait) },
      address: { count: row.addressFailures, waitSeconds: Math.max(1, row.addressWait) },
    };
  }
}
