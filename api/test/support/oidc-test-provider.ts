import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OidcTestClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export interface OidcTestAccount {
  sub: string;
  email?: string;
  name?: string;
  groups?: string[];
}

export interface OidcTestProviderConfig {
  port?: number;
  clients: OidcTestClient[];
  accounts: OidcTestAccount[];
  /** The ID token carries the subject alone; email, name and groups only the userinfo endpoint. */
  claimsInUserInfoOnly?: boolean;
}

/** How the next ID token the provider issues is spoiled (re-signed with its own key unless `tampered`). */
export type IdTokenFault = 'tampered' | 'expired' | 'wrongNonce' | 'wrongAudience' | 'wrongIssuer';

export interface OidcTestProvider {
  /** `http://127.0.0.1:<port>`, exactly as the provider names itself. */
  issuer: string;
  /** Changes or adds an account; the next sign-in sees it. */
  setAccount(sub: string, patch: Omit<OidcTestAccount, 'sub'>): Promise<void>;
  /** Spoils the ID token of the next token response. */
  spoilNextIdToken(fault: IdTokenFault | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `oidc-provider.mjs` (a real oidc-provider) as a child process, so that Jest never loads the
 * provider's ES modules itself.
 */
export async function startOidcTestProvider(config: OidcTestProviderConfig): Promise<OidcTestProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_CONFIG: JSON.stringify({ port: 0, ...config }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`The test OpenID provider did not start within 15 s: ${stderr}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('exit', (code) => fail(new Error(`The test OpenID provider exited (${code}): ${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const ready = /OIDC_PROVIDER_READY (\S+)/.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(ready[1]);
      }
    });
  });

  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${issuer}/test-control/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Test control ${path} failed: ${response.status} ${await response.text()}`);
  };

  return {
    issuer,
    setAccount: (sub, patch) => control(`accounts/${encodeURIComponent(sub)}`, patch),
    spoilNextIdToken: (fault) => control('next-id-token', { fault }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
