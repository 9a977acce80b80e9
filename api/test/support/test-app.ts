import { createHash, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_COOKIE, XSRF_HEADER, type UserRole } from '@fremdrift/contracts';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { PasswordHasher } from '../../src/core/auth/password-hasher';
import { loadConfig, type AppConfig } from '../../src/core/config/app-config';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { createLogger } from '../../src/core/logging/logging';
import { runMigrations } from '../../src/database/migrate';
import { factories, type Factories } from './factories';

/** Every table, children first, as the database holds them. */
export const TABLES = [
  'outbox_message',
  'scheduled_job',
  'audit_event',
  'login_attempt',
  'user_session',
  'user_department',
  'initiative_partner',
  'partner',
  'status_update',
  'milestone',
  'initiative_department',
  'initiative',
  'goal',
  'action_plan',
  'app_user',
  'department',
] as const;

/** The tables of the domain: what a rejected request must leave untouched. */
export const DOMAIN_TABLES = [...TABLES.filter((table) => !['audit_event', 'login_attempt', 'user_session'].includes(table)), 'delay_cause'];

/** The delay causes the LeadWorkspace migration installs; reset() keeps only these, all active. */
const DEFAULT_DELAY_CAUSES = ['resources', 'other_department', 'legislation', 'partner', 'budget', 'other'];

/** The password of every user the tests create. */
export const TEST_PASSWORD = 'test-password-1234';

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

export interface RequestOptions {
  /** Sent as If-Match: a version number or a raw header value. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
}

/** Sends requests as one user (or as nobody). */
export interface TestClient {
  get<T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  post<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  patch<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  put<T = any>(url: string, body?: unknown, options?: RequestOptions): Promise<TestResponse<T>>;
  delete<T = any>(url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Sends a raw body with a content type of the caller's choosing. */
  send<T = any>(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: string, contentType: string): Promise<TestResponse<T>>;
}

export interface TestUser {
  id: string;
  email: string;
  role: UserRole;
  departmentIds: string[];
}

export interface TestApp extends TestClient {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** The admin the default client signs in as (re-created by reset()). */
  admin: TestUser;
  anonymous: TestClient;
  /** A new user with a live session, and a client that acts as them. */
  signedIn(role: UserRole, departmentIds?: string[]): Promise<TestClient & { user: TestUser; session: { token: string; csrfToken: string } }>;
  /** Empties every table and signs the default admin in again. */
  reset(): Promise<void>;
  /** Number of rows in every domain table: compared before and after a rejected request. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;
let userSequence = 0;
/** Tells this file's users from those another spec file left in the shared database. */
const FILE_TAG = randomBytes(4).toString('hex');

/**
 * The real application on the test database (or the one given), with the schema migrated. It logs
 * nothing, or its warnings and errors with TEST_LOG set, or everything from level info to `logs`.
 * nestjs-pino keeps the first logger of a process (a test file): Nest's Logger stays on that one.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, url = process.env['DATABASE_URL'], logs?: DestinationStream): Promise<TestApp> {
  if (!url) throw new Error('DATABASE_URL is not set: run the integration tests through jest.integration.config.cjs');
  await runMigrations(url);
  const logger = await createLogger({ level: logs ? 'info' : process.env['TEST_LOG'] ? 'warn' : 'silent', format: 'json' }, logs);
  const app = await createApp({ ...loadConfig({}), webRoot: null, databaseUrl: url, jobsEnabled: false, ...overrides }, url, logger);
  const dataSource = app.get(DataSource);
  const fastify = app.getHttpAdapter().getInstance();

  const clientFor = (session: { token: string; csrfToken: string } | null): TestClient => {
    const request = async (method: string, path: string, payload?: unknown, options: RequestOptions = {}, contentType?: string) => {
      const headers: Record<string, string> = { ...options.headers };
      if (session) {
        headers['cookie'] = `${SESSION_COOKIE}=${session.token}`;
        headers[XSRF_HEADER.toLowerCase()] = session.csrfToken;
      }
      if (options.ifMatch !== undefined) headers['if-match'] = typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch;
      if (payload !== undefined) headers['content-type'] = contentType ?? 'application/json';
      const response = await fastify.inject({
        method: method as 'GET',
        url: path,
        headers,
        ...(payload !== undefined ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}),
      });
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        headers: response.headers,
        body: type.includes('json') && response.body ? JSON.parse(response.body) : response.body,
      };
    };
    return {
      get: (path, options) => request('GET', path, undefined, options),
      post: (path, body, options) => request('POST', path, body, options),
      patch: (path, body, options) => request('PATCH', path, body, options),
      put: (path, body, options) => request('PUT', path, body, options),
      delete: (path, options) => request('DELETE', path, undefined, options),
      send: (method, path, payload, contentType) => request(method, path, payload, {}, contentType),
    };
  };

  const createUserWithSession = async (role: UserRole, departmentIds: string[] = []) => {
    const hash = await (passwordHash ??= new PasswordHasher().hash(TEST_PASSWORD));
    const email = `${role.replace('_', '-')}-${FILE_TAG}-${++userSequence}@test.example`;
    const token = randomBytes(24).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const id = await dataSource.transaction(async (manager) => {
      await attributeTo(manager, SYSTEM_ACTOR);
      const [{ id }] = await manager.query('INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id', [
        email,
        `Test ${role} ${userSequence}`,
        hash,
        role,
      ]);
      for (const departmentId of departmentIds) {
        await manager.query('INSERT INTO user_department (user_id, department_id) VALUES ($1, $2)', [id, departmentId]);
      }
      await manager.query(`INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
        createHash('sha256').update(token).digest(),
        id,
        csrfToken,
      ]);
      return id as string;
    });
    return { user: { id, email, role, departmentIds }, session: { token, csrfToken } };
  };

  let admin = await createUserWithSession('admin');
  let adminClient = clientFor(admin.session);

  const t: TestApp = {
    app,
    dataSource,
    admin: admin.user,
    anonymous: clientFor(null),
    get: (...args) => adminClient.get(...args),
    post: (...args) => adminClient.post(...args),
    patch: (...args) => adminClient.patch(...args),
    put: (...args) => adminClient.put(...args),
    delete: (...args) => adminClient.delete(...args),
    send: (...args) => adminClient.send(...args),
    signedIn: async (role, departmentIds = []) => {
      const created = await createUserWithSession(role, departmentIds);
      return { ...clientFor(created.session), user: created.user, session: created.session };
    },
    reset: async () => {
      await dataSource.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
      await dataSource.transaction(async (manager) => {
        await attributeTo(manager, SYSTEM_ACTOR);
        await manager.query('DELETE FROM delay_cause WHERE NOT (code = ANY($1))', [DEFAULT_DELAY_CAUSES]);
        await manager.query('UPDATE delay_cause SET active = true WHERE NOT active');
      });
      await dataSource.query('TRUNCATE audit_event');
      admin = await createUserWithSession('admin');
      adminClient = clientFor(admin.session);
      t.admin = admin.user;
    },
    rowCounts: async () => {
      const [row] = await dataSource.query(`SELECT ${DOMAIN_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`);
      return row;
    },
    close: () => app.close(),
  };
  return t;
}

/**
 * The app for one spec file: started before its first test, its tables emptied before each test,
 * closed after the last. `assign` receives the app and its factories once it has started.
 */
export function useTestApp(assign: (started: { t: TestApp; make: Factories }) => void, overrides: Partial<AppConfig> = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(overrides);
    assign({ t: app, make: factories(app) });
  });
  beforeEach(() => app?.reset());
  afterAll(() => app?.close());
}
