import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 90_000;

declare global {
  var __FREMDRIFT_E2E__: { server: ChildProcess; dataRoot: string } | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited with ${server.exitCode} during start:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Starts the built app on free ports with its own embedded PostgreSQL and the demo data. */
export default async function globalSetup(): Promise<void> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const dataRoot = mkdtempSync(join(tmpdir(), 'fremdrift-e2e-'));
  // As root, the embedded server runs as a "postgres" user, which must reach the directory.
  chmodSync(dataRoot, 0o755);
  let log = '';
  const server = spawn(process.execPath, [join(WORKSPACE, 'dist/api/main.js')], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      EMBEDDED_PG_DIR: join(dataRoot, 'pg'),
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_DATA: 'true',
      // The demo is anchored to the real today, as the app's clock and the browser's are: its shape is the same on any day.
      DEMO_TODAY: '',
      WEB_ROOT: join(WORKSPACE, 'dist/web/browser'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  globalThis.__FREMDRIFT_E2E__ = { server, dataRoot };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
    throw error;
  }
  process.env['E2E_BASE_URL'] = baseUrl;
}
