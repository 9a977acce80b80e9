import { Injectable } from '@nestjs/common';
import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import { Database } from '../../../core/database/database';

/** How long a sign-in may take at the identity provider before its AuthnRequest ID is forgotten. */
export const SAML_REQUEST_LIFETIME_MS = 10 * 60 * 1000;

/**
 * The SAML state that must outlive one request and be shared by every API process: the IDs of the
 * requests sent to the identity provider (so that a response's InResponseTo can be checked once)
 * and the IDs of the assertions already used (so that none is accepted twice).
 */
@Injectable()
export class SamlStateRepository implements CacheProvider {
  constructor(private readonly db: Database) {}

  /** node-saml's request cache: the value it keeps is the request's IssueInstant, given back as the time the row was written. */
  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    await this.db.manager.query(
      `INSERT INTO sso_request (id, kind, expires_at) VALUES ($1, 'saml', now() + make_interval(secs => $2)) ON CONFLICT (id) DO NOTHING`,
      [key, SAML_REQUEST_LIFETIME_MS / 1000],
    );
    return { value, createdAt: Date.now() };
  }

  async getAsync(key: string): Promise<string | null> {
    const [row] = await this.db.manager.query(`SELECT created_at AS "createdAt" FROM sso_request WHERE id = $1 AND kind = 'saml' AND expires_at > now()`, [
      key,
    ]);
    return row ? (row.createdAt as Date).toISOString() : null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    if (key === null) return null;
    const rows: { id: string }[] = await this.db.manager.query(
      `WITH removed AS (DELETE FROM sso_request WHERE id = $1 AND kind = 'saml' RETURNING id) SELECT id FROM removed`,
      [key],
    );
    return rows[0]?.id ?? null;
  }

  /** Records an assertion as used until it expires; false when it was used before. */
  async useAssertion(assertionId: string, keepUntil: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO saml_assertion_used (assertion_id, expires_at) VALUES ($1, $2) ON CONFLICT (assertion_id) DO NOTHING RETURNING assertion_id`,
      [assertionId, keepUntil],
    );
    return rows.length === 1;
  }

  async deleteExpired(): Promise<void> {
    await this.db.manager.query(`DELETE FROM sso_request WHERE kind = 'saml' AND expires_at <= now()`);
    await this.db.manager.query('DELETE FROM saml_assertion_used WHERE expires_at <= now()');
  }
}
