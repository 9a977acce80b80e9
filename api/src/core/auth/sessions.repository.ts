import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DepartmentRef, UserRole } from '@fremdrift/contracts';
import { Database, type NamedStatement } from '../database/database';
import { APP_CONFIG, type AppConfig } from '../config/app-config.provider';
import type { SingleSignOnSession } from '../../modules/identity/single-sign-on';
import type { AuthenticatedUser } from './authenticated-user';

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** How often a session's idle deadline is pushed forward; saves a write on every request. */
const TOUCH_AFTER_SECONDS = 60;

const hashOf = (token: string) => createHash('sha256').update(token).digest();

type SessionUserRow = Omit<AuthenticatedUser, 'departmentIds'> & { idleSeconds: number; role: UserRole; departments: DepartmentRef[] };

/** Every request that needs a user runs this: named, so that it is planned once per connection. */
const SESSION_USER: NamedStatement = {
  name: 'session_user',
  text: `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken",
                extract(epoch FROM now() - s.last_seen_at)::int AS "idleSeconds",
                u.id, u.email, u.display_name AS "displayName", u.role, u.password_hash IS NOT NULL AS "hasPassword",
                coalesce((
                  SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.sort_order, d.name)
                    FROM user_department ud JOIN department d ON d.id = ud.department_id
                   WHERE ud.user_id = u.id
                ), '[]'::json) AS departments
           FROM user_session s
           JOIN app_user u ON u.id = s.user_id AND u.active
          WHERE s.token_hash = $1 AND s.expires_at > now()`,
};

/**
 * Server-side sessions in PostgreSQL, so that any number of API processes share them. Only a hash
 * of the token is stored: a copy of the database does not let anyone sign in.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A session signed in with a password, or through the identity provider when `sso` says how to end the provider's session too. */
  async create(userId: string, sso?: SingleSignOnSession): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const { sessionIdleMinutes, sessionMaxHours } = this.config.auth;
    await this.db.manager.query(
      `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, auth_method, oidc_id_token, saml_name_id, saml_name_id_format, saml_session_index)
       VALUES ($1, $2, $3, least(now() + make_interval(mins => $4), now() + make_interval(hours => $5)), $6, $7, $8, $9, $10)`,
      [
        hashOf(token),
        userId,
        csrfToken,
        sessionIdleMinutes,
        sessionMaxHours,
        sso?.method ?? 'password',
        sso?.oidcIdToken ?? null,
        sso?.samlNameId ?? null,
        sso?.samlNameIdFormat ?? null,
        sso?.samlSessionIndex ?? null,
      ],
    );
    return { token, csrfToken };
  }

  /** How the session was signed in through the identity provider; null for a password session or an unknown one. */
  async singleSignOnOf(sessionId: string): Promise<SingleSignOnSession | null> {
    const [row] = await this.db.manager.query(
      `SELECT auth_method AS method, oidc_id_token AS "oidcIdToken", saml_name_id AS "samlNameId",
              saml_name_id_format AS "samlNameIdFormat", saml_session_index AS "samlSessionIndex"
         FROM user_session WHERE id = $1 AND auth_method <> 'password'`,
      [sessionId],
    );
    return row ?? null;
  }

  /**
   * Ends the sessions the identity provider asks to end (SAML single logout): those of the NameID,
   * only the one with that session index when one is given. Returns how many were ended.
   */
  async deleteBySamlNameId(nameId: string, sessionIndex?: string | null): Promise<number> {
    const [row] = await this.db.manager.query(
      `WITH ended AS (
         DELETE FROM user_session
          WHERE auth_method = 'saml' AND saml_name_id = $1 AND ($2::varchar IS NULL OR saml_session_index = $2)
         RETURNING id
       )
       SELECT count(*)::int AS count FROM ended`,
      [nameId, sessionIndex ?? null],
    );
    return row.count;
  }

  /** The active user behind a live session token, with their departments; null otherwise. */
  async findUser(token: string): Promise<(AuthenticatedUser & { idleSeconds: number }) | null> {
    const [row] = await this.db.named<SessionUserRow>(SESSION_USER, [hashOf(token)]);
    if (!row) return null;
    return { ...row, departmentIds: row.departments.map((d) => d.id) };
  }

  /** Pushes the idle deadline forward, never past the session's maximum age. */
  async touch(sessionId: string, idleSeconds: number): Promise<void> {
    if (idleSeconds < TOUCH_AFTER_SECONDS) return;
    const { sessionIdleMinutes, sessionMaxHours } = this.config.auth;
    await this.db.manager.query(
      `UPDATE user_session
          SET last_seen_at = now(),
              expires_at = least(now() + make_interval(mins => $2), created_at + make_interval(hours => $3))
        WHERE id = $1`,
      [sessionId, sessionIdleMinutes, sessionMaxHours],
    );
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.manager.query('DELETE FROM user_session WHERE id = $1', [sessionId]);
  }

  /** Ends every session of a user, except one (the one changing its own password). */
  async deleteAllFor(userId: string, exceptSessionId: string | null = null): Promise<void> {
    await this.db.manager.query('DELETE FROM user_session WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, exceptSessionId]);
  }

  async deleteExpired(): Promise<void> {
    await this.db.manager.query('DELETE FROM user_session WHERE expires_at <= now()');
  }
}
