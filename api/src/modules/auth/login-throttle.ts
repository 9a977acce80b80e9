import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { TransactionRunner, SYSTEM_ACTOR } from '../../core/database/transaction-runner';
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
   * Runs one sign-in attempt under the limits: 429 (with the seconds to wait) when the account or
   * the address has failed too often, otherwise the attempt is made and recorded. Attempts on one
   * account run one at a time, so parallel guesses cannot all slip in before the first is counted.
   */
  attempt(email: string, ip: string, verify: () => Promise<boolean>): Promise<boolean> {
    return this.tx.run(SYSTEM_ACTOR, async () => {
      await this.db.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1771))', [email]);
      await this.check(email, ip);
      const succeeded = await verify();
      await this.db.manager.query('INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, $3)', [email, ip, succeeded]);
      return succeeded;
    }).finally(() => {
      if (Math.random() < 0.01) void this.db.manager.query(`DELETE FROM login_attempt WHERE attempted_at < now() - interval '1 day'`).catch(() => undefined);
    });
  }

  private async check(email: string, ip: string): Promise<void> {
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
              ceil(extract(epoch FROM account.oldest + make_interval(mins => $3) - now()))::int AS "accountWait",
              address.failures AS "addressFailures",
              ceil(extract(epoch FROM address.oldest + make_interval(mins => $3) - now()))::int AS "addressWait"
         FROM account, address`,
      [email, ip, LOGIN_LIMITS.windowMinutes],
    );
    if (row.accountFailures >= LOGIN_LIMITS.perAccount || row.addressFailures >= LOGIN_LIMITS.perAddress) {
      const waits = [
        row.accountFailures >= LOGIN_LIMITS.perAccount ? row.accountWait : 0,
        row.addressFailures >= LOGIN_LIMITS.perAddress ? row.addressWait : 0,
      ];
      const seconds = Math.max(1, ...waits);
      throw new TooManyRequestsException(
        seconds,
        `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
      );
    }
  }

}
