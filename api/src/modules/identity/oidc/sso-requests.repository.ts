import { Injectable } from '@nestjs/common';
import { Database } from '../../../core/database/database';

/** A sign-in begun at the identity provider: what the callback needs to check the answer. */
export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/**
 * Sign-ins in progress (table `sso_request`), keyed by the OAuth `state`. Each is used at most once
 * and only before it expires, so that a callback cannot be replayed.
 */
@Injectable()
export class SsoRequestsRepository {
  constructor(private readonly db: Database) {}

  async create(state: string, pending: PendingSignIn, lifetimeSeconds: number): Promise<void> {
    await this.db.manager.query(`DELETE FROM sso_request WHERE kind = 'oidc' AND expires_at <= now()`);
    await this.db.manager.query(
      `INSERT INTO sso_request (id, kind, code_verifier, nonce, return_to, expires_at)
       VALUES ($1, 'oidc', $2, $3, $4, now() + make_interval(secs => $5))`,
      [state, pending.codeVerifier, pending.nonce, pending.returnTo, lifetimeSeconds],
    );
  }

  /** Takes the sign-in out of the store: null when it is unknown, used already or expired. */
  async consume(state: string): Promise<PendingSignIn | null> {
    const [row] = await this.db.manager.query(
      `WITH used AS (DELETE FROM sso_request WHERE id = $1 AND kind = 'oidc' RETURNING *)
       SELECT code_verifier AS "codeVerifier", nonce, return_to AS "returnTo", expires_at > now() AS live FROM used`,
      [state],
    );
    if (!row?.live) return null;
    return { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo };
  }
}
