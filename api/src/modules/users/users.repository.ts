import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import type { DepartmentRef, SingleSignOnKind, UserRole } from '@fremdrift/contracts';

import type { PageWindow } from '../../core/http/pagination';
import type { UserQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';

/** A user with their departments, as the queries below return them. */
export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  departments: DepartmentRef[];
  hasPassword: boolean;
}

/** Who a sign-in through the identity provider may be: found by the provider's subject or by e-mail. */
export interface ExternalAccount {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  identityProvider: SingleSignOnKind | null;
  externalSubject: string | null;
  departmentIds: string[];
}

/** What the identity provider says about a user, written at every sign-in. */
export interface ExternalProfile {
  email: string;
  displayName: string;
  role: UserRole;
  identityProvider: SingleSignOnKind;
  externalSubject: string;
}

const EXTERNAL_ACCOUNT_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.active,
  u.identity_provider AS "identityProvider", u.external_subject AS "externalSubject",
  array(SELECT ud.department_id::text FROM user_department ud WHERE ud.user_id = u.id ORDER BY ud.department_id) AS "departmentIds"`;

const USER_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.active, u.last_login_at AS "lastLoginAt",
  u.password_hash IS NOT NULL AS "hasPassword", u.created_at AS "createdAt", u.updated_at AS "updatedAt", u.version,
  coalesce((
    SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.sort_order, d.name)
      FROM user_department ud JOIN department d ON d.id = ud.department_id
     WHERE ud.user_id = u.id
  ), '[]'::json) AS departments`;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async findPage(query: UserQueryDto, window: PageWindow): Promise<[UserRow[], number]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.q?.trim()) {
      params.push(`%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(u.email ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    if (query.role) {
      params.push(query.role);
      conditions.push(`u.role = $${params.length}`);
    }
    if (query.active !== undefined) {
      params.push(query.active);
      conditions.push(`u.active = $${params.length}`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.db.manager.query(`SELECT count(*)::int AS total FROM app_user u ${where}`, params);
    const rows = await this.db.manager.query(
      `SELECT ${USER_COLUMNS} FROM app_user u ${where} ORDER BY u.display_name, u.email LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, window.pageSize, window.offset],
    );
    return [rows, total];
  }

  async findById(id: string): Promise<UserRow | null> {
    const { manager } = this.db;
    const [row] = await manager.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  /** What sign-in needs: the hash is never loaded otherwise. */
  async findCredentials(email: string): Promise<{ id: string; passwordHash: string | null; active: boolean } | null> {
    const [row] = await this.db.manager.query('SELECT id, password_hash AS "passwordHash", active FROM app_user WHERE email = $1', [email]);
    return row ?? null;
  }

  async findByExternalSubject(provider: SingleSignOnKind, subject: string): Promise<ExternalAccount | null> {
    const [row] = await this.db.manager.query(`SELECT ${EXTERNAL_ACCOUNT_COLUMNS} FROM app_user u WHERE u.identity_provider = $1 AND u.external_subject = $2`, [
      provider,
      subject,
    ]);
    return row ?? null;
  }

  async findByEmail(email: string): Promise<ExternalAccount | null> {
    const [row] = await this.db.manager.query(`SELECT ${EXTERNAL_ACCOUNT_COLUMNS} FROM app_user u WHERE u.email = $1`, [email]);
    return row ?? null;
  }

  /** A user the identity provider vouches for: no password, so they can never sign in with one. */
  async createExternal(profile: ExternalProfile, departmentIds: string[]): Promise<string> {
    const [{ id }] = await this.db.manager.query(
      `INSERT INTO app_user (email, display_name, password_hash, role, identity_provider, external_subject)
       VALUES ($1, $2, NULL, $3, $4, $5) RETURNING id`,
      [profile.email, profile.displayName, profile.role, profile.identityProvider, profile.externalSubject],
    );
    await this.replaceDepartments(id, departmentIds);
    return id;
  }

  /**
   * Writes what the identity provider says now. The version only goes up when something changed,
   * so that signing in does not turn an admin's open edit of the user into a conflict.
   */
  async updateFromProfile(account: ExternalAccount, profile: ExternalProfile, departmentIds: string[]): Promise<void> {
    const departmentsChanged = [...departmentIds].sort().join() !== [...account.departmentIds].sort().join();
    await this.db.manager.query(
      `UPDATE app_user
          SET email = $2, display_name = $3, role = $4, identity_provider = $5, external_subject = $6, updated_at = now(), version = version + 1
        WHERE id = $1
          AND ($7 OR (email, display_name, role, identity_provider, external_subject) IS DISTINCT FROM ($2, $3, $4::user_role, $5, $6))`,
      [account.id, profile.email, profile.displayName, profile.role, profile.identityProvider, profile.externalSubject, departmentsChanged],
    );
    if (departmentsChanged) await this.replaceDepartments(account.id, departmentIds);
  }

  /** Whether another user than `id` has the e-mail. */
  async emailTakenByOther(email: string, id: string): Promise<boolean> {
    const [row] = await this.db.manager.query('SELECT 1 FROM app_user WHERE email = $1 AND id <> $2', [email, id]);
    return row !== undefined;
  }

  /** Whether the user has a password, i.e. can sign in without the identity provider. */
  async hasPassword(id: string): Promise<boolean> {
    const [row] = await this.db.manager.query('SELECT password_hash IS NOT NULL AS "hasPassword" FROM app_user WHERE id = $1', [id]);
    return row?.hasPassword === true;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const [row] = await this.db.manager.query('SELECT password_hash AS "passwordHash" FROM app_user WHERE id = $1', [id]);
    return row?.passwordHash ?? null;
  }

  /** Serialises changes to users for the rest of the transaction. */
  async lockUserChanges(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock(7211947)');
  }

  /** Locks the user's row for the rest of the transaction and returns its version. */
  async lockVersion(id: string): Promise<number | null> {
    const { manager } = this.db;
    const [row] = await manager.query('SELECT version FROM app_user WHERE id = $1 FOR UPDATE', [id]);
    return row?.version ?? null;
  }

  async create(fields: Pick<UserEntity, 'email' | 'displayName' | 'role' | 'passwordHash'>, departmentIds: string[]): Promise<string> {
    const { manager } = this.db;
    const saved = await manager.save(UserEntity, manager.create(UserEntity, fields));
    await this.replaceDepartments(saved.id, departmentIds);
    return saved.id;
  }

  async update(id: string, fields: Partial<Pick<UserEntity, 'displayName' | 'role' | 'active'>>, departmentIds?: string[]): Promise<void> {
    const { manager } = this.db;
    await manager.query(
      `UPDATE app_user SET display_name = coalesce($2, display_name), role = coalesce($3::user_role, role),
              active = coalesce($4, active), updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, fields.displayName ?? null, fields.role ?? null, fields.active ?? null],
    );
    if (departmentIds) await this.replaceDepartments(id, departmentIds);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.manager.query('UPDATE app_user SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1', [id, passwordHash]);
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.manager.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [id]);
  }

  /** Active admins other than `id`: the last one must not lock everybody out. */
  async countOtherActiveAdmins(id: string): Promise<number> {
    const { manager } = this.db;
    const [row] = await manager.query(`SELECT count(*)::int AS count FROM app_user WHERE role = 'admin' AND active AND id <> $1`, [id]);
    return row.count;
  }

  private async replaceDepartments(userId: string, departmentIds: string[]): Promise<void> {
    const { manager } = this.db;
    await manager.query('DELETE FROM user_department WHERE user_id = $1 AND NOT (department_id = ANY($2::uuid[]))', [userId, departmentIds]);
    if (departmentIds.length > 0) {
      await manager.query('INSERT INTO user_department (user_id, department_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [userId, departmentIds]);
    }
  }
}
