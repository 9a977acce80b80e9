import { createServer, type AddressInfo } from 'node:net';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { loadConfig, type AppConfig } from '../../src/core/config/app-config';
import type { OidcConfig } from '../../src/core/config/identity-config';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { startOidcTestProvider, type IdTokenFault, type OidcTestProvider } from '../support/oidc-test-provider';
import { startTestApp, type TestApp } from '../support/test-app';

/** The app's public address: requests to it go to the app in-process, everything else over HTTP to the provider. */
const APP = 'http://127.0.0.1:4399';
const CALLBACK = `${APP}/api/auth/oidc/callback`;
const AFTER_LOGOUT = `${APP}/login`;
const CLIENT = { client_id: 'fremdrift', client_secret: 'test-client-secret', redirect_uris: [CALLBACK], post_logout_redirect_uris: [AFTER_LOGOUT] };

const MANAGEMENT_GROUP = 'SG-Fremdrift-Ledelse';
const ADMIN_GROUP = 'SG-Fremdrift-Admin';
const ACCOUNTS = [
  { sub: 'anna', email: 'anna.berg@kommune.example', name: 'Anna Berg', groups: [MANAGEMENT_GROUP, 'SG-Alle-Ansatte'] },
  { sub: 'bo', email: 'bo.dahl@kommune.example', name: 'Bo Dahl', groups: ['SG-Alle-Ansatte'] },
];

interface Exchange {
  url: string;
  status: number;
  location: string | null;
  body: string;
}

/**
 * A browser as far as sign-in needs one: follows redirects, keeps cookies (by name: on 127.0.0.1 a
 * browser shares them across ports too), and fills in the provider's sign-in form.
 */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(url: string, init: { method?: 'GET' | 'POST'; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Exchange> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...init.headers };
    const payload = init.form ? new URLSearchParams(init.form).toString() : undefined;
    if (payload) headers['content-type'] = 'application/x-www-form-urlencoded';
    let status: number;
    let setCookies: string[];
    let location: string | null;
    let body: string;
    if (url.startsWith(APP)) {
      const response = await this.t.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method, url: url.slice(APP.length), headers, ...(payload ? { payload } : {}) });
      status = response.statusCode;
      const raw = response.headers['set-cookie'];
      setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
      location = response.headers['location'] === undefined ? null : String(response.headers['location']);
      body = response.body;
    } else {
      const response = await fetch(url, { method, headers, body: payload, redirect: 'manual' });
      status = response.status;
      setCookies = response.headers.getSetCookie();
      location = response.headers.get('location');
      body = await response.text();
    }
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { url, status, location: location === null ? null : new URL(location, url).href, body };
  }

  /** Follows redirects until a page answers, or until `stopAt` says the next address is far enough. */
  async follow(url: string, stopAt: (next: string) => boolean = () => false): Promise<Exchange> {
    let exchange = await this.request(url);
    for (let hops = 0; exchange.location && exchange.status >= 300 && exchange.status < 400; hops++) {
      if (hops > 20) throw new Error(`Too many redirects from ${url}`);
      if (stopAt(exchange.location) || isWebPage(exchange.location)) return exchange;
      exchange = await this.request(exchange.location);
    }
    return exchange;
  }

  /** Submits oidc-provider's sign-in form as the account `sub`, then follows on. */
  async submitLogin(page: Exchange, sub: string, stopAt?: (next: string) => boolean): Promise<Exchange> {
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(page.body)?.[1];
    if (!action || !page.body.includes('name="login"')) throw new Error(`Not the provider's sign-in form: ${page.status} ${page.body.slice(0, 300)}`);
    const posted = await this.request(new URL(action, page.url).href, { method: 'POST', form: { prompt: 'login', login: sub, password: 'any password' } });
    return posted.location ? this.follow(posted.location, stopAt) : posted;
  }
}

/** A loopback port nothing listens on, for a provider that is not up yet. */
const unusedPort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value');
  return value;
}

const isWebPage = (url: string) => url.startsWith(APP) && !url.startsWith(`${APP}/api/`);
const isCallback = (url: string) => url.startsWith(CALLBACK);
const isLoginForm = (page: Exchange) => page.status === 200 && page.body.includes('name="login"');

/** Where a redirect sends the browser, as a path of the app. */
const landing = (exchange: Exchange) => (exchange.location?.startsWith(APP) ? exchange.location.slice(APP.length) : exchange.location);

function oidcSettings(issuer: string): OidcConfig {
  return {
    issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    redirectUrl: CALLBACK,
    postLogoutRedirectUrl: AFTER_LOGOUT,
    scopes: 'openid email profile',
    rolesClaim: 'groups',
  };
}

function withOidc(issuer: string): Partial<AppConfig> {
  const base = loadConfig({});
  return { publicUrl: APP, identity: { ...base.identity, oidc: oidcSettings(issuer) } };
}

describe('Sign-in through an OpenID provider', () => {
  let provider: OidcTestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcTestProvider({ clients: [CLIENT], accounts: ACCOUNTS });
    t = await startTestApp(withOidc(provider.issuer));
  });
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });
  beforeEach(async () => {
    await t.reset();
    await t.dataSource.query('DELETE FROM identity_role_mapping');
    await t.dataSource.query('DELETE FROM sso_request');
    for (const { sub, ...account } of ACCOUNTS) await provider.setAccount(sub, account);
    await provider.spoilNextIdToken(null);
  });

  const map = async (claimValue: string, role: 'admin' | 'management' | 'viewer') => {
    const response = await t.post('/api/identity-role-mappings', { claimValue, unitConstraint: null, role, departmentId: null, description: null });
    expect(response.status).toBe(201);
  };

  /** Starts at the sign-in button and goes through the provider's form when it asks; returns the last redirect. */
  const signIn = async (browser: Browser, sub: string, returnTo = '/') => {
    const page = await browser.follow(`${APP}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    return isLoginForm(page) ? browser.submitLogin(page, sub) : page;
  };

  /** Signs in at the provider and stops before the callback: its address, as the provider sent it. */
  const callbackFor = async (browser: Browser, sub: string) => {
    const page = await browser.follow(`${APP}/api/auth/oidc/login`, isCallback);
    const sent = isLoginForm(page) ? await browser.submitLogin(page, sub, isCallback) : page;
    if (!sent.location || !isCallback(sent.location)) throw new Error(`The provider did not send the browser back: ${sent.status} ${sent.location}`);
    return sent.location;
  };

  const me = (browser: Browser) => browser.request(`${APP}/api/auth/me`);
  const usersWithEmail = async (email: string) =>
    (await t.dataSource.query('SELECT role, identity_provider, external_subject, display_name FROM app_user WHERE email = $1', [email])) as {
      role: string;
      identity_provider: string;
      external_subject: string;
      display_name: string;
    }[];

  it('offers the provider on the sign-in page', async () => {
    const response = await t.anonymous.get('/api/auth/sign-in-options');
    expect(response.body.singleSignOn).toMatchObject({ kind: 'oidc', startUrl: '/api/auth/oidc/login' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and remembers the state once', async () => {
    const browser = new Browser(t);
    const start = await browser.request(`${APP}/api/auth/oidc/login?returnTo=%2Finitiativer`);
    expect(start.status).toBe(303);
    const authorize = new URL(present(start.location));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT.client_id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const state = present(authorize.searchParams.get('state'));
    const rows = await t.dataSource.query(`SELECT return_to, expires_at - now() < interval '11 minutes' AS short FROM sso_request WHERE id = $1`, [state]);
    expect(rows).toEqual([{ return_to: '/initiativer', short: true }]);
    expect(browser.cookies.get('fremdrift_oidc_state')).toBe(state);
  });

  it('creates the user at the first sign-in with the mapped role, e-mail and name, and signs them in where they began', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    const done = await signIn(browser, 'anna', '/initiativer?status=aktiv');
    expect({ status: done.status, landing: landing(done) }).toEqual({ status: 303, landing: '/initiativer?status=aktiv' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(browser.cookies.has(XSRF_COOKIE)).toBe(true);
    const session = await me(browser);
    expect(JSON.parse(session.body)).toMatchObject({ email: 'anna.berg@kommune.example', displayName: 'Anna Berg', role: 'management' });
    expect(await usersWithEmail('anna.berg@kommune.example')).toEqual([
      { role: 'management', identity_provider: 'oidc', external_subject: 'anna', display_name: 'Anna Berg' },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS count FROM sso_request')).toEqual([{ count: 0 }]);
  });

  it('sends a returnTo outside the web app back to the front page', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const done = await signIn(new Browser(t), 'anna', 'https://evil.example/phish');
    expect(landing(done)).toBe('/');
  });

  it('changes the role at the next sign-in when the provider changes the group', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    await map(ADMIN_GROUP, 'admin');
    const browser = new Browser(t);
    await signIn(browser, 'anna');
    // Created by the provider, the user has no password to change.
    expect(JSON.parse((await me(browser)).body)).toMatchObject({ role: 'management', hasPassword: false });

    await provider.setAccount('anna', { groups: [ADMIN_GROUP] });
    const again = await signIn(browser, 'anna');
    expect(landing(again)).toBe('/');
    expect(JSON.parse((await me(browser)).body).role).toBe('admin');
    expect((await usersWithEmail('anna.berg@kommune.example')).map((user) => user.role)).toEqual(['admin']);
  });

  it('refuses a user without a mapped group: to the no-access page, without a session or a user', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    const done = await signIn(browser, 'bo');
    expect({ status: done.status, landing: landing(done) }).toEqual({ status: 303, landing: '/ingen-adgang?reason=noMappedRole' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await usersWithEmail('bo.dahl@kommune.example')).toEqual([]);
  });

  it('refuses a deactivated user', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    await signIn(new Browser(t), 'anna');
    await t.dataSource.transaction(async (manager) => {
      await attributeTo(manager, SYSTEM_ACTOR);
      await manager.query(`UPDATE app_user SET active = false WHERE email = 'anna.berg@kommune.example'`);
    });
    const browser = new Browser(t);
    const done = await signIn(browser, 'anna');
    expect(landing(done)).toBe('/ingen-adgang?reason=deactivated');
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a tampered state, and the genuine callback still signs in', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    const callback = new URL(await callbackFor(browser, 'anna'));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const refused = await browser.request(tampered.href);
    expect({ status: refused.status, landing: landing(refused) }).toEqual({ status: 303, landing: '/ingen-adgang?reason=failed' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);

    browser.cookies.set('fremdrift_oidc_state', present(callback.searchParams.get('state')));
    const genuine = await browser.request(callback.href);
    expect(landing(genuine)).toBe('/');
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
  });

  it('refuses a replayed callback: the same code and state a second time', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    const callback = await callbackFor(browser, 'anna');
    const state = present(browser.cookies.get('fremdrift_oidc_state'));
    expect(landing(await browser.request(callback))).toBe('/');

    const replayer = new Browser(t);
    replayer.cookies.set('fremdrift_oidc_state', state);
    const replayed = await replayer.request(callback);
    expect({ status: replayed.status, landing: landing(replayed) }).toEqual({ status: 303, landing: '/ingen-adgang?reason=failed' });
    expect(replayer.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a callback in another browser than the one that began the sign-in', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const callback = await callbackFor(new Browser(t), 'anna');
    const victim = new Browser(t);
    const refused = await victim.request(callback);
    expect(landing(refused)).toBe('/ingen-adgang?reason=failed');
    expect(victim.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('refuses a sign-in that took too long', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    const callback = await callbackFor(browser, 'anna');
    await t.dataSource.query(`UPDATE sso_request SET expires_at = now() - interval '1 second'`);
    expect(landing(await browser.request(callback))).toBe('/ingen-adgang?reason=failed');
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it('sends a sign-in the user cancels at the provider to the failure page', async () => {
    const browser = new Browser(t);
    const page = await browser.follow(`${APP}/api/auth/oidc/login`);
    const abort = /href="([^"]*\/abort)"/.exec(page.body)?.[1];
    expect(abort).toBeDefined();
    const done = await browser.follow(new URL(present(abort), page.url).href);
    expect(landing(done)).toBe('/ingen-adgang?reason=failed');
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it.each<[string, IdTokenFault]>([
    ['a wrong nonce', 'wrongNonce'],
    ['an expired ID token', 'expired'],
    ['a tampered ID token (signature no longer matches)', 'tampered'],
    ['an ID token for another client', 'wrongAudience'],
    ['an ID token from another issuer', 'wrongIssuer'],
  ])('refuses %s', async (_name, fault) => {
    await map(MANAGEMENT_GROUP, 'management');
    await map('SG-Forged-Admins', 'admin');
    await provider.spoilNextIdToken(fault);
    const browser = new Browser(t);
    const done = await signIn(browser, 'anna');
    expect({ status: done.status, landing: landing(done) }).toEqual({ status: 303, landing: '/ingen-adgang?reason=failed' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await usersWithEmail('anna.berg@kommune.example')).toEqual([]);
    expect(await usersWithEmail('forged@example.dk')).toEqual([]);
  });

  it('answers a callback without parameters or with garbage with the failure page, never an error', async () => {
    for (const query of ['', '?state=', '?code=abc&state=abc', '?state=%ZZ&code=%00', `?state=${'x'.repeat(5000)}`]) {
      const response = await new Browser(t).request(`${CALLBACK}${query}`);
      expect({ query, status: response.status, landing: landing(response) }).toEqual({ query, status: 303, landing: '/ingen-adgang?reason=failed' });
    }
  });

  it('logs out of the provider too: logout names the end-session address, and following it ends the provider session', async () => {
    await map(MANAGEMENT_GROUP, 'management');
    const browser = new Browser(t);
    await signIn(browser, 'anna');
    // While the provider's session lasts, signing in again asks for nothing.
    const silent = await browser.follow(`${APP}/api/auth/oidc/login`);
    expect(landing(silent)).toBe('/');

    const logout = await browser.request(`${APP}/api/auth/logout`, {
      method: 'POST',
      headers: { [XSRF_HEADER.toLowerCase()]: present(browser.cookies.get(XSRF_COOKIE)) },
    });
    expect(logout.status).toBe(200);
    const endSessionUrl = new URL(JSON.parse(logout.body).endSessionUrl);
    expect(`${endSessionUrl.origin}${endSessionUrl.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(endSessionUrl.searchParams.get('post_logout_redirect_uri')).toBe(AFTER_LOGOUT);
    expect(endSessionUrl.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await me(browser)).status).toBe(401);

    const confirm = await browser.request(endSessionUrl.href);
    const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(confirm.body);
    expect(form).not.toBeNull();
    const fields = Object.fromEntries([...confirm.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const ended = await browser.request(new URL(present(form?.[1]), confirm.url).href, { method: 'POST', form: fields });
    expect(ended.location).toBe(AFTER_LOGOUT);

    const next = await browser.follow(`${APP}/api/auth/oidc/login`);
    expect(isLoginForm(next)).toBe(true);
  });
});

describe('Sign-in through a provider that sends the claims only from userinfo', () => {
  it('reads e-mail, name and groups from the userinfo endpoint', async () => {
    const provider = await startOidcTestProvider({ clients: [CLIENT], accounts: ACCOUNTS, claimsInUserInfoOnly: true });
    let t: TestApp | undefined;
    try {
      t = await startTestApp(withOidc(provider.issuer));
      await t.reset();
      await t.dataSource.query('DELETE FROM identity_role_mapping');
      expect(
        (
          await t.post('/api/identity-role-mappings', {
            claimValue: MANAGEMENT_GROUP,
            unitConstraint: null,
            role: 'management',
            departmentId: null,
            description: null,
          })
        ).status,
      ).toBe(201);
      const browser = new Browser(t);
      const page = await browser.follow(`${APP}/api/auth/oidc/login`);
      expect(landing(await browser.submitLogin(page, 'anna'))).toBe('/');
      expect(JSON.parse((await browser.request(`${APP}/api/auth/me`)).body)).toMatchObject({
        email: 'anna.berg@kommune.example',
        displayName: 'Anna Berg',
        role: 'management',
      });
      const [{ oidc_id_token: idToken }] = await t.dataSource.query(`SELECT oidc_id_token FROM user_session WHERE auth_method = 'oidc'`);
      const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8'));
      expect({ sub: claims.sub, email: claims.email, groups: claims.groups }).toEqual({ sub: 'anna', email: undefined, groups: undefined });
    } finally {
      await t?.close();
      await provider.stop();
    }
  });
});

describe('Sign-in as a public client (PKCE without a client secret)', () => {
  it('signs in', async () => {
    const publicClient = { client_id: 'fremdrift-public', redirect_uris: [CALLBACK], post_logout_redirect_uris: [AFTER_LOGOUT] };
    const provider = await startOidcTestProvider({ clients: [publicClient], accounts: ACCOUNTS });
    let t: TestApp | undefined;
    try {
      const base = loadConfig({});
      t = await startTestApp({
        publicUrl: APP,
        identity: { ...base.identity, oidc: { ...oidcSettings(provider.issuer), clientId: publicClient.client_id, clientSecret: null } },
      });
      await t.reset();
      await t.dataSource.query('DELETE FROM identity_role_mapping');
      const mapping = { claimValue: MANAGEMENT_GROUP, unitConstraint: null, role: 'management', departmentId: null, description: null };
      expect((await t.post('/api/identity-role-mappings', mapping)).status).toBe(201);
      const browser = new Browser(t);
      const page = await browser.follow(`${APP}/api/auth/oidc/login`);
      expect(landing(await browser.submitLogin(page, 'anna'))).toBe('/');
      expect(JSON.parse((await browser.request(`${APP}/api/auth/me`)).body).role).toBe('management');
    } finally {
      await t?.close();
      await provider.stop();
    }
  });
});

describe('Sign-in without OpenID Connect configured', () => {
  it('sends the browser to the sign-in page from both steps', async () => {
    const t = await startTestApp({ publicUrl: APP });
    try {
      const browser = new Browser(t);
      for (const url of [`${APP}/api/auth/oidc/login?returnTo=/initiativer`, `${CALLBACK}?code=x&state=y`]) {
        const response = await browser.request(url);
        expect({ url, status: response.status, landing: landing(response) }).toEqual({ url, status: 303, landing: '/login' });
      }
      expect(browser.cookies.size).toBe(0);
      expect((await t.anonymous.get('/api/auth/sign-in-options')).body.singleSignOn).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('Sign-in while the OpenID provider is down', () => {
  it('starts without it, sends sign-ins to the failure page, and finds the provider once it is up', async () => {
    const port = await unusedPort();
    const issuer = `http://127.0.0.1:${port}`;
    let t: TestApp | undefined;
    let provider: OidcTestProvider | undefined;
    try {
      t = await startTestApp(withOidc(issuer));
      const browser = new Browser(t);
      const down = await browser.request(`${APP}/api/auth/oidc/login`);
      expect({ status: down.status, landing: landing(down) }).toEqual({ status: 303, landing: '/ingen-adgang?reason=failed' });
      expect((await t.anonymous.get('/api/auth/sign-in-options')).body.singleSignOn).toMatchObject({ kind: 'oidc' });

      provider = await startOidcTestProvider({ port, clients: [CLIENT], accounts: ACCOUNTS });
      const up = await browser.request(`${APP}/api/auth/oidc/login`);
      expect(up.status).toBe(303);
      expect(present(up.location).startsWith(`${issuer}/auth?`)).toBe(true);
    } finally {
      await t?.close();
      await provider?.stop();
    }
  });
});
