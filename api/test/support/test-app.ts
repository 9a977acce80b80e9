import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/core/config/app-config';
import { runMigrations } from '../../src/database/migrate';

/** Every table, children first, as the database holds them. */
export const TABLES = [
  'initiative_partner',
  'partner',
  'status_update',
  'milestone',
  'initiative_department',
  'initiative',
  'goal',
  'action_plan',
  'department',
] as const;

export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  get<T = any>(url: string): Promise<TestResponse<T>>;
  post<T = any>(url: string, body?: unknown): Promise<TestResponse<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = any>(url: string, body?: unknown): Promise<TestResponse<T>>;
  delete<T = any>(url: string): Promise<TestResponse<T>>;
  /** Sends a raw body with a content type of the caller's choosing. */
  send<T = any>(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: string, contentType: string): Promise<TestResponse<T>>;
  /** Empties every table. */
  reset(): Promise<void>;
  /** Number of rows in every table: compared before and after a rejected request. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** The real application on the test database, with the schema migrated. */
export async function startTestApp(): Promise<TestApp> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run the integration tests through jest.integration.config.cjs');
  await runMigrations(url);
  const app = await createApp({ ...loadConfig({}), webRoot: null, databaseUrl: url }, url, false);
  const dataSource = app.get(DataSource);

  const request = async (method: string, path: string, payload?: unknown, contentType?: string): Promise<TestResponse> => {
    const response = await app.getHttpAdapter().getInstance().inject({
      method: method as 'GET',
      url: path,
      ...(payload !== undefined
        ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': contentType ?? 'application/json' } }
        : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: type.includes('json') && response.body ? JSON.parse(response.body) : response.body,
    };
  };

  return {
    app,
    dataSource,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    send: (method, path, payload, contentType) => request(method, path, payload, contentType),
    reset: async () => {
      await dataSource.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
    },
    rowCounts: async () => {
      const [row] = await dataSource.query(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
      return row;
    },
    close: () => app.close(),
  };
}
