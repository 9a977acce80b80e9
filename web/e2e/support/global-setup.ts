import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OIDC_CLIENT } from './single-sign-on';

const WORKSPACE = resolve(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 90_000;
const PROVIDER_TIMEOUT_MS = 15_000;

declare global {
  var __FREMDRIFT_E2E__: { server: ChildProcess; oidcProvider: ChildProcess; dataRoot: string } | undefined;
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

/**
 * A real OpenID provider (oidc-provider, see api/test/support/oidc-provider.mjs) that knows the app
 * as a client; accounts are added by the tests through its test-control endpoint.
 */
function startOidcProvider(baseUrl: string): Promise<{ provider: ChildProcess; issuer: string }> {
  const config = {
    port: 0,
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${baseUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${baseUrl}/login`],
      },
    ],
    accounts: [],
  };
  const provider = spawn(process.execPath, [join(WORKSPACE, 'api/test/support/oidc-provider.mjs')], {
    cwd: WORKSPACE,
    env: { ...process.env, OIDC_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  provider.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolveReady, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      provider.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`The test OpenID provider did not start within ${PROVIDER_TIMEOUT_MS / 1000} s:\n${stderr}`)),
      PROVIDER_TIMEOUT_MS,
    );
    provider.once('exit', (code) => fail(new Error(`The test OpenID provider exited with ${code} during start:\n${stderr}`)));
    provider.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const ready = /OIDC_PROVIDER_READY (\S+)/.exec(stdout);
      if (!ready) return;
      clearTimeout(timer);
      provider.removeAllListeners('exit');
      resolveReady({ provider, issuer: ready[1] });
    });
  });
}

/**
 * Starts the test OpenID provider, then the built app on free ports with its own embedded
 * PostgreSQL and the demo data, signing in through that provider; local accounts stay on, so the
 * demo users still sign in with their password.
 */
export default async function globalSetup(): Promise<void> {
  // The app's address must be known before it starts: the provider lists its redirect URIs.
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const { provider: oidcProvider, issuer } = await startOidcProvider(baseUrl);
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
      PUBLIC_URL: baseUrl,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_REDIRECT_URL: `${baseUrl}/api/auth/oidc/callback`,
      SSO_LABEL: OIDC_CLIENT.label,
      SSO_ACCESS_CONTACT: OIDC_CLIENT.accessContact,
      LOCAL_ACCOUNTS: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  globalThis.__FREMDRIFT_E2E__ = { server, oidcProvider, dataRoot };
  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    oidcProvider.kill('SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
    throw error;
  }
  process.env['E2E_BASE_URL'] = baseUrl;
  process.env['E2E_OIDC_ISSUER'] = issuer;
}
