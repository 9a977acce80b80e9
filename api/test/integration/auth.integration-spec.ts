import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type RequestOptions, TEST_PASSWORD, type TestApp, type TestClient, type TestResponse, startTestApp, useTestApp } from '../support/test-app';

const LOGIN = '/api/auth/login';
const ME = '/api/auth/me';
const LOGOUT = '/api/auth/logout';
const PASSWORD = '/api/auth/password';
const WRONG_PASSWORD = 'not-the-password-at-all';

/** The keys a problem document may have: nothing else (no stack, no SQL, no constraint names). */
const PROBLEM_KEYS = ['type', 'title', 'status', 'code', 'detail', 'errors', 'current', 'requestId'];

interface SetCookie {
  value: string;
  /** Attribute names in lower case, with their values where they have one (`samesite` → `lax`). */
  attributes: Map<string, string>;
}

/** The Set-Cookie headers of a response, by cookie name. */
function setCookies(response: TestResponse): Map<string, SetCookie> {
  const raw = response.headers['set-cookie'];
  const headers = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  const cookies = new Map<string, SetCookie>();
  for (const header of headers) {
    const [pair, ...parts] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const attributes = new Map<string, string>();
    for (const part of parts) {
      const [name, ...value] = part.split('=');
      attributes.set(name.trim().toLowerCase(), value.join('=').trim().toLowerCase());
    }
    cookies.set(pair.slice(0, separator), { value: decodeURIComponent(pair.slice(separator + 1)), attributes });
  }
  return cookies;
}

function cookieNamed(cookies: Map<string, SetCookie>, name: string): SetCookie {
  const cookie = cookies.get(name);
  if (!cookie) throw new Error(`No Set-Cookie for ${name}: ${JSON.stringify([...cookies.keys()])}`);
  return cookie;
}

/** A session obtained through the login endpoint, as a browser would hold it. */
interface Session {
  token: string;
  csrfToken: string;
  /** Request options that send the cookie and echo the CSRF token, as the web app does. */
  options: RequestOptions;
  /** The cookie alone, without the CSRF header. */
  cookieOnly: RequestOptions;
}

function sessionFrom(response: TestResponse): Session {
  const cookies = setCookies(response);
  const token = cookies.get(SESSION_COOKIE)?.value;
  const csrfToken = cookies.get(XSRF_COOKIE)?.value;
  if (!token || !csrfToken) throw new Error(`Login did not set both cookies: ${JSON.stringify(response.headers['set-cookie'])}`);
  const cookie = `${SESSION_COOKIE}=${token}; ${XSRF_COOKIE}=${csrfToken}`;
  return {
    token,
    csrfToken,
    options: { headers: { cookie, [XSRF_HEADER.toLowerCase()]: csrfToken } },
    cookieOnly: { headers: { cookie } },
  };
}

describe('Sign-in and sessions', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const login = (email: string, password: string, client: TestClient = t.anonymous) => client.post(LOGIN, { email, password });

  /** Signs in through the API and returns the session the cookies carry. */
  const signIn = async (email: string, password = TEST_PASSWORD, client: TestClient = t.anonymous) => {
    const response = await login(email, password, client);
    expect(response.status).toBe(200);
    return sessionFrom(response);
  };

  const sessionsOf = async (userId: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS count FROM user_session WHERE user_id = $1', [userId]))[0].count as number;

  describe('POST /api/auth/login', () => {
    it('signs in with the right password: the session user, an HttpOnly session cookie and a script-readable XSRF cookie', async () => {
      const department = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
      const lead = await t.signedIn('department_lead', [department.id]);

      const response = await login(lead.user.email, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: lead.user.id,
        email: lead.user.email,
        displayName: expect.any(String),
        role: 'department_lead',
        departments: [{ id: department.id, code: 'MSO', name: 'Sundhed og Omsorg' }],
        hasPassword: true,
      });

      const cookies = setCookies(response);
      expect([...cookies.keys()].sort()).toEqual([SESSION_COOKIE, XSRF_COOKIE].sort());
      const session = cookieNamed(cookies, SESSION_COOKIE);
      expect(session.value.length).toBeGreaterThanOrEqual(32);
      expect(session.attributes.has('httponly')).toBe(true);
      expect(session.attributes.get('samesite')).toBe('lax');
      expect(session.attributes.get('path')).toBe('/');

      const xsrf = cookieNamed(cookies, XSRF_COOKIE);
      expect(xsrf.value.length).toBeGreaterThanOrEqual(32);
      expect(xsrf.value).not.toBe(session.value);
      expect(xsrf.attributes.has('httponly')).toBe(false);
      expect(xsrf.attributes.get('samesite')).toBe('lax');
      expect(xsrf.attributes.get('path')).toBe('/');
    });

    it('gives every sign-in its own session and stores only a hash of the token', async () => {
      const first = await signIn(t.admin.email);
      const second = await signIn(t.admin.email);
      expect(second.token).not.toBe(first.token);
      expect(second.csrfToken).not.toBe(first.csrfToken);

      const rows: { row: string }[] = await t.dataSource.query('SELECT row_to_json(s)::text AS row FROM user_session s WHERE user_id = $1', [t.admin.id]);
      expect(rows).toHaveLength(3); // the support code's session and the two above
      for (const { row } of rows) {
        expect(row).not.toContain(first.token);
        expect(row).not.toContain(second.token);
      }
    });

    it('matches the e-mail whatever its case and surrounding spaces', async () => {
      const viewer = await t.signedIn('viewer');
      const response = await login(`  ${viewer.user.email.toUpperCase()} `, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: viewer.user.id, email: viewer.user.email });
    });

    it('answers a wrong password, an unknown e-mail and a deactivated account with the same 401 and no cookie', async () => {
      const viewer = await t.signedIn('viewer');
      const deactivated = await t.signedIn('management');
      expect((await t.patch(`/api/users/${deactivated.user.id}`, { active: false })).status).toBe(200);

      const wrongPassword = await login(viewer.user.email, WRONG_PASSWORD);
      const unknownEmail = await login('nobody@test.example', TEST_PASSWORD);
      const inactive = await login(deactivated.user.email, TEST_PASSWORD);

      for (const response of [wrongPassword, unknownEmail, inactive]) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.headers['set-cookie']).toBeUndefined();
      }
      // Only the request id tells them apart.
      expect({ ...unknownEmail.body, requestId: wrongPassword.body.requestId }).toEqual(wrongPassword.body);
      expect({ ...inactive.body, requestId: wrongPassword.body.requestId }).toEqual(wrongPassword.body);
      expect(await sessionsOf(deactivated.user.id)).toBe(0);
    });

    it('rejects a malformed body with 400 naming each field, and records no attempt', async () => {
      const wrongTypes = await t.anonymous.post(LOGIN, { email: 42, password: '' });
      expect(wrongTypes.status).toBe(400);
      expect(wrongTypes.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(wrongTypes.body.errors).sort()).toEqual(['email', 'password']);

      const missing = await t.anonymous.post(LOGIN, {});
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors).sort()).toEqual(['email', 'password']);

      const extra = await t.anonymous.post(LOGIN, { email: t.admin.email, password: TEST_PASSWORD, remember: true });
      expect(extra.status).toBe(400);
      expect(Object.keys(extra.body.errors)).toEqual(['remember']);
      expect(extra.headers['set-cookie']).toBeUndefined();

      expect((await t.anonymous.send('POST', LOGIN, '{"email":', 'application/json')).status).toBe(400);
      expect((await t.anonymous.send('POST', LOGIN, `email=${t.admin.email}&password=${TEST_PASSWORD}`, 'application/x-www-form-urlencoded')).status).toBe(415);

      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM login_attempt');
      expect(count).toBe(0);
    });
  });

  describe('sign-in throttling', () => {
    it('refuses the 6th attempt on an account after 5 failures, even with the right password, with Retry-After and a problem', async () => {
      const viewer = await t.signedIn('viewer');
      for (let i = 0; i < 5; i++) expect((await login(viewer.user.email, WRONG_PASSWORD)).status).toBe(401);
      const sessionsBefore = await sessionsOf(viewer.user.id);

      const throttled = await login(viewer.user.email, TEST_PASSWORD);
      expect(throttled.status).toBe(429);
      expect(throttled.headers['content-type']).toContain('application/problem+json');
      expect(throttled.body).toMatchObject({ status: 429, title: 'Too Many Requests', detail: expect.any(String) });
      expect(throttled.headers['set-cookie']).toBeUndefined();
      const retryAfter = String(throttled.headers['retry-after']);
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
      expect(await sessionsOf(viewer.user.id)).toBe(sessionsBefore);
    });

    it('limits one account only: another account from the same client still signs in', async () => {
      const locked = await t.signedIn('viewer');
      const other = await t.signedIn('viewer');
      for (let i = 0; i < 5; i++) await login(locked.user.email, WRONG_PASSWORD);
      expect((await login(locked.user.email, TEST_PASSWORD)).status).toBe(429);

      expect((await login(other.user.email, TEST_PASSWORD)).status).toBe(200);
      expect((await login(other.user.email, WRONG_PASSWORD)).status).toBe(401);
    });

    it('counts failures against the account whatever the case or spaces of the e-mail', async () => {
      const viewer = await t.signedIn('viewer');
      const variants = [viewer.user.email.toUpperCase(), ` ${viewer.user.email}`, viewer.user.email.replace(/^./, (c) => c.toUpperCase())];
      for (let i = 0; i < 5; i++) expect((await login(variants[i % variants.length], WRONG_PASSWORD)).status).toBe(401);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(429);
    });

    it('clears an account’s count on a successful sign-in', async () => {
      const viewer = await t.signedIn('viewer');
      for (let i = 0; i < 4; i++) expect((await login(viewer.user.email, WRONG_PASSWORD)).status).toBe(401);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(viewer.user.email, WRONG_PASSWORD)).status).toBe(401);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('does not let parallel guesses get past the limit of 5 failures per account', async () => {
      const viewer = await t.signedIn('viewer');
      const responses = await Promise.all(Array.from({ length: 12 }, () => login(viewer.user.email, WRONG_PASSWORD)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(429);
    });

    it('refuses wrong passwords from an address after 30 failures across many accounts', async () => {
      for (let i = 0; i < 30; i++) expect((await login(`guess-${i}@test.example`, WRONG_PASSWORD)).status).toBe(401);

      const throttled = await login('guess-31@test.example', WRONG_PASSWORD);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect(throttled.headers['set-cookie']).toBeUndefined();
    });

    it('still lets the right password in from a throttled address for an account that has not failed', async () => {
      const viewer = await t.signedIn('viewer');
      const colleague = await t.signedIn('viewer');
      expect((await login(colleague.user.email, WRONG_PASSWORD)).status).toBe(401);
      for (let i = 0; i < 30; i++) await login(`guess-${i}@test.example`, WRONG_PASSWORD);

      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
      // An account that failed lately is held to the address's limit, right password or not.
      const failedBefore = await login(colleague.user.email, TEST_PASSWORD);
      expect(failedBefore.status).toBe(429);
      expect(failedBefore.headers['set-cookie']).toBeUndefined();
    });

    it('allows 29 failures from an address across accounts', async () => {
      const viewer = await t.signedIn('viewer');
      for (let i = 0; i < 29; i++) await login(`guess-${i}@test.example`, WRONG_PASSWORD);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('forgets failures older than 15 minutes', async () => {
      const viewer = await t.signedIn('viewer');
      for (let i = 0; i < 5; i++) await login(viewer.user.email, WRONG_PASSWORD);
      await t.dataSource.query(`UPDATE login_attempt SET attempted_at = now() - interval '16 minutes'`);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('answers GET /api/auth/me with the user behind the cookie, and 401 without one or with an unknown one', async () => {
      const session = await signIn(t.admin.email);
      const me = await t.anonymous.get(ME, session.options);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: t.admin.id, email: t.admin.email, displayName: expect.any(String), role: 'admin', departments: [], hasPassword: true });
      // The XSRF cookie is renewed with the session's token, never the session cookie itself.
      const renewed = setCookies(me);
      expect(renewed.get(XSRF_COOKIE)?.value).toBe(session.csrfToken);
      expect(renewed.has(SESSION_COOKIE)).toBe(false);

      const anonymous = await t.anonymous.get(ME);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect((await t.anonymous.get(ME, { headers: { cookie: `${SESSION_COOKIE}=${session.csrfToken}` } })).status).toBe(401);
      expect((await t.anonymous.get(ME, { headers: { cookie: `${SESSION_COOKIE}=` } })).status).toBe(401);
    });

    it('ends the session on logout: 200 with nothing more to end, cookies cleared, and the old cookie no longer works', async () => {
      const session = await signIn(t.admin.email);
      const other = await signIn(t.admin.email);

      const response = await t.anonymous.post(LOGOUT, undefined, session.options);
      expect(response.status).toBe(200);
      // A password session has no identity provider session to end.
      expect(response.body).toEqual({ endSessionUrl: null });
      const cleared = setCookies(response);
      for (const name of [SESSION_COOKIE, XSRF_COOKIE]) {
        const cookie = cookieNamed(cleared, name);
        expect(cookie.value).toBe('');
        expect(new Date(cookie.attributes.get('expires') ?? '').getTime()).toBeLessThan(Date.now());
      }

      expect((await t.anonymous.get(ME, session.options)).status).toBe(401);
      expect((await t.anonymous.post(LOGOUT, undefined, session.options)).status).toBe(401);
      // Only that session ends.
      expect((await t.anonymous.get(ME, other.options)).status).toBe(200);
    });

    it('refuses a write with the session cookie but a missing or wrong X-XSRF-TOKEN header with 403, and changes nothing', async () => {
      const session = await signIn(t.admin.email);
      const other = await signIn(t.admin.email);
      const before = await t.rowCounts();
      const body = { code: 'MSO', name: 'Sundhed og Omsorg' };

      const attempts = [
        session.cookieOnly,
        { headers: { ...session.cookieOnly.headers, [XSRF_HEADER.toLowerCase()]: '' } },
        { headers: { ...session.cookieOnly.headers, [XSRF_HEADER.toLowerCase()]: 'forged-token' } },
        { headers: { ...session.cookieOnly.headers, [XSRF_HEADER.toLowerCase()]: session.csrfToken.slice(0, -1) } },
        // The token of another session of the same user does not count either.
        { headers: { ...session.cookieOnly.headers, [XSRF_HEADER.toLowerCase()]: other.csrfToken } },
        // Nor does the session token itself.
        { headers: { ...session.cookieOnly.headers, [XSRF_HEADER.toLowerCase()]: session.token } },
      ];
      for (const options of attempts) {
        const response = await t.anonymous.post('/api/departments', body, options);
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect((await t.anonymous.post(LOGOUT, undefined, session.cookieOnly)).status).toBe(403);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.anonymous.get(ME, session.cookieOnly)).status).toBe(200);

      // The same request with the header succeeds.
      expect((await t.anonymous.post('/api/departments', body, session.options)).status).toBe(201);
    });

    it('refuses a session whose expiry has passed with 401', async () => {
      const viewer = await t.signedIn('viewer');
      const session = await signIn(viewer.user.email);
      expect((await t.anonymous.get(ME, session.options)).status).toBe(200);

      await t.dataSource.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [viewer.user.id]);
      const expired = await t.anonymous.get(ME, session.options);
      expect(expired.status).toBe(401);
      expect(expired.headers['content-type']).toContain('application/problem+json');
      expect((await viewer.get(ME)).status).toBe(401);
    });

    it('shares sessions and sign-in limits between API instances through PostgreSQL', async () => {
      const second = await startTestApp();
      try {
        const viewer = await t.signedIn('viewer');
        const session = await signIn(viewer.user.email);
        const seen = await second.anonymous.get(ME, session.options);
        expect(seen.status).toBe(200);
        expect(seen.body.id).toBe(viewer.user.id);

        // Signed out on the second, signed out on the first.
        expect((await second.anonymous.post(LOGOUT, undefined, session.options)).status).toBe(200);
        expect((await t.anonymous.get(ME, session.options)).status).toBe(401);

        // Failures on one instance count on the other.
        for (let i = 0; i < 5; i++) await login(viewer.user.email, WRONG_PASSWORD, i % 2 ? t.anonymous : second.anonymous);
        expect((await login(viewer.user.email, TEST_PASSWORD, second.anonymous)).status).toBe(429);
        expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(429);
      } finally {
        await second.close();
      }
    });
  });

  describe('POST /api/auth/password', () => {
    const NEW_PASSWORD = 'a-brand-new-password-99';

    it('rejects a wrong current password with 400 on currentPassword, and keeps the old password', async () => {
      const viewer = await t.signedIn('viewer');
      const response = await viewer.post(PASSWORD, { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['currentPassword']);
      expect((await login(viewer.user.email, NEW_PASSWORD)).status).toBe(401);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('rejects a new password shorter than 12 characters, a missing one, or one equal to the current, with 400 on newPassword', async () => {
      const viewer = await t.signedIn('viewer');
      for (const newPassword of ['elevenchars', undefined, TEST_PASSWORD]) {
        const response = await viewer.post(PASSWORD, { currentPassword: TEST_PASSWORD, newPassword });
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.errors)).toEqual(['newPassword']);
      }
      expect((await login(viewer.user.email, 'elevenchars')).status).toBe(401);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('needs a session and the CSRF header', async () => {
      const viewer = await t.signedIn('viewer');
      const session = await signIn(viewer.user.email);
      const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
      expect((await t.anonymous.post(PASSWORD, body)).status).toBe(401);
      expect((await t.anonymous.post(PASSWORD, body, session.cookieOnly)).status).toBe(403);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('changes the password: the old one fails, the new one works, this session lives on and the user’s other sessions end', async () => {
      const viewer = await t.signedIn('viewer');
      const current = await signIn(viewer.user.email);
      const elsewhere = await signIn(viewer.user.email);
      const someoneElse = await signIn(t.admin.email);

      const response = await t.anonymous.post(PASSWORD, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, current.options);
      expect(response.status).toBe(204);

      expect((await t.anonymous.get(ME, current.options)).status).toBe(200);
      expect((await t.anonymous.get(ME, elsewhere.options)).status).toBe(401);
      expect((await viewer.get(ME)).status).toBe(401);
      expect(await sessionsOf(viewer.user.id)).toBe(1);
      // Other users' sessions are untouched.
      expect((await t.anonymous.get(ME, someoneElse.options)).status).toBe(200);
      expect((await t.get(ME)).status).toBe(200);

      const old = await login(viewer.user.email, TEST_PASSWORD);
      expect(old.status).toBe(401);
      expect((await login(viewer.user.email, NEW_PASSWORD)).status).toBe(200);
    });
  });

  describe('responses', () => {
    it('sends security headers on successes and errors alike', async () => {
      const responses = [await login(t.admin.email, TEST_PASSWORD), await t.anonymous.get(ME), await t.get(ME), await t.get(`/api/departments/${UNKNOWN_ID}`)];
      expect(responses.map((r) => r.status)).toEqual([200, 401, 200, 404]);
      for (const response of responses) {
        const csp = String(response.headers['content-security-policy']);
        expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
        expect(csp).toMatch(/(^|;)\s*default-src 'self'/);
        expect(csp).toMatch(/(^|;)\s*object-src 'none'/);
        const framing =
          /(^|;)\s*frame-ancestors 'none'/.test(csp) || ['DENY', 'SAMEORIGIN'].includes(String(response.headers['x-frame-options']).toUpperCase());
        expect(framing).toBe(true);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('never puts stack traces, SQL or schema names in error bodies', async () => {
      const { initiative } = await make.world();
      await make.department({ code: 'MSO' });
      const errors = [
        await t.get(`/api/departments/${UNKNOWN_ID}`),
        await t.post('/api/departments', { code: 'MSO', name: 'Noget andet' }),
        await t.post('/api/departments', { code: 'x', name: '' }),
        await t.send('POST', '/api/departments', '{"code":', 'application/json'),
        await t.get('/api/departments/not-a-uuid'),
        await t.anonymous.get(ME),
        await t.post('/api/users', { email: t.admin.email.toUpperCase(), displayName: 'Dublet', role: 'viewer', password: TEST_PASSWORD }),
        await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Forældet' }, { ifMatch: initiative.version + 5 }),
        await login('nobody@test.example', WRONG_PASSWORD),
      ];
      expect(errors.map((r) => r.status)).toEqual([404, 409, 400, 400, 400, 401, 409, 409, 401]);
      for (const response of errors) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        for (const key of Object.keys(response.body)) expect(PROBLEM_KEYS).toContain(key);
        expect(response.body.status).toBe(response.status);
        const text = JSON.stringify(response.body);
        expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|stack/i);
        expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET|WHERE)\b/);
        expect(text).not.toMatch(/uq_|fk_|ck_|constraint|relation|duplicate key|QueryFailedError/i);
      }
    });
  });
});
