import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { loadConfig } from '../../src/core/config/app-config';
import { IdentityProvisioningService } from '../../src/modules/identity/identity-provisioning.service';
import type { ExternalIdentity, SingleSignOnProvider, SingleSignOnSession } from '../../src/modules/identity/single-sign-on';
import { SingleSignOnRegistry } from '../../src/modules/identity/single-sign-on.registry';
import { expectProblem } from '../support/expectations';
import { TEST_PASSWORD, type TestApp, type TestResponse, useTestApp } from '../support/test-app';

const LOGIN = '/api/auth/login';
const LOGOUT = '/api/auth/logout';
const OPTIONS = '/api/auth/sign-in-options';
const BREAK_GLASS = 'noedadgang@aarhus.dk';
const NEW_PASSWORD = 'temporary-password-4821';

/** Stands in for the OIDC module's provider: the protocol is not what these tests are about. */
const testProvider: SingleSignOnProvider = {
  kind: 'oidc',
  startUrl: '/api/auth/oidc/login',
  endSessionUrl: async (session: SingleSignOnSession) => `https://login.aarhus.example/logout?id_token_hint=${session.oidcIdToken}`,
};

const person: ExternalIdentity = {
  provider: 'oidc',
  subject: 'sub-lars',
  email: 'lars.berg@aarhus.dk',
  displayName: 'Lars Berg',
  roles: [{ value: 'SG-Fremdrift-Laeser', unit: null }],
};

/** A problem answer without what differs per request. */
const sameAnswer = (response: TestResponse) => ({ status: response.status, body: { ...response.body, requestId: undefined } });

describe('Local accounts with the identity provider configured', () => {
  describe('switched off for all but the break-glass accounts (LOCAL_ACCOUNTS=off)', () => {
    let t: TestApp;
    const defaults = loadConfig({});
    useTestApp(
      (started) => {
        ({ t } = started);
        t.app.get(SingleSignOnRegistry).register(testProvider);
      },
      {
        identity: {
          ...defaults.identity,
          label: 'Aarhus Kommune',
          accessContact: 'it-support@aarhus.dk',
          localAccounts: 'break-glass',
          breakGlassAccounts: [BREAK_GLASS],
        },
      },
    );

    const createUser = async (email: string, role = 'admin') => {
      const response = await t.post('/api/users', { email, displayName: 'Nødadgang', role, password: TEST_PASSWORD });
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    const ssoUser = async () => {
      expect((await t.post('/api/identity-role-mappings', { claimValue: 'SG-Fremdrift-Laeser', role: 'viewer' })).status).toBe(201);
      return t.app.get(IdentityProvisioningService).signIn(person, { method: 'oidc', oidcIdToken: 'id-token-of-lars' });
    };
    const login = (email: string, password: string) => t.anonymous.post(LOGIN, { email, password });

    it('offers the identity provider first, says who may use a password, and whom to contact', async () => {
      const response = await t.anonymous.get(OPTIONS);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        singleSignOn: { kind: 'oidc', label: 'Aarhus Kommune', startUrl: '/api/auth/oidc/login' },
        localAccounts: 'break-glass',
        accessContact: 'it-support@aarhus.dk',
      });
    });

    it('lets the break-glass account sign in with its password', async () => {
      await createUser(BREAK_GLASS);
      const response = await login(BREAK_GLASS, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body.email).toBe(BREAK_GLASS);
    });

    it('refuses every other local account with the right password, with the very answer of a wrong password', async () => {
      await createUser('leder@aarhus.dk', 'management');
      const rightPassword = await login('leder@aarhus.dk', TEST_PASSWORD);
      expectProblem(rightPassword, 401);
      expect(rightPassword.headers['set-cookie']).toBeUndefined();
      const wrongPassword = await login('leder@aarhus.dk', 'not-the-password-at-all');
      const unknown = await login('ukendt@aarhus.dk', TEST_PASSWORD);
      expect(sameAnswer(rightPassword)).toEqual(sameAnswer(wrongPassword));
      expect(sameAnswer(rightPassword)).toEqual(sameAnswer(unknown));
      // The test admin of the harness is not a break-glass account either.
      expectProblem(await login(t.admin.email, TEST_PASSWORD), 401);
    });

    it('never lets a user made by the identity provider sign in with a password', async () => {
      await ssoUser();
      expectProblem(await login(person.email as string, TEST_PASSWORD), 401);
      expectProblem(await login(person.email as string, ''), 400);
    });

    it('ends a session from the identity provider at logout and says where to end the provider’s session too', async () => {
      const signedIn = await ssoUser();
      const cookie = `${SESSION_COOKIE}=${signedIn.token}`;
      const response = await t.anonymous.post(LOGOUT, undefined, { headers: { cookie, [XSRF_HEADER.toLowerCase()]: signedIn.csrfToken } });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ endSessionUrl: 'https://login.aarhus.example/logout?id_token_hint=id-token-of-lars' });
      expect(String(response.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
      expect((await t.anonymous.get('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    });

    it('ends a password session at logout with nothing more to end', async () => {
      const response = await t.post(LOGOUT);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ endSessionUrl: null });
    });

    it('still ends Fremdrift’s session when the provider cannot tell where to end its own', async () => {
      const registry = t.app.get(SingleSignOnRegistry);
      registry.register({ ...testProvider, endSessionUrl: () => Promise.reject(new Error('discovery document unreachable')) });
      try {
        const signedIn = await ssoUser();
        const cookie = `${SESSION_COOKIE}=${signedIn.token}`;
        const response = await t.anonymous.post(LOGOUT, undefined, { headers: { cookie, [XSRF_HEADER.toLowerCase()]: signedIn.csrfToken } });
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ endSessionUrl: null });
        expect((await t.anonymous.get('/api/auth/me', { headers: { cookie } })).status).toBe(401);
      } finally {
        registry.register(testProvider);
      }
    });

    it('lets an admin reset the break-glass account’s password', async () => {
      const account = await createUser(BREAK_GLASS);
      expect((await t.post(`/api/users/${account.id}/password`, { password: NEW_PASSWORD })).status).toBe(204);
      expect((await login(BREAK_GLASS, NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses a password reset for anyone else with 409 passwordSignInOff, changing nothing', async () => {
      const local = await createUser('leder@aarhus.dk', 'management');
      const { user } = await ssoUser();
      for (const id of [local.id, user.id]) {
        const response = await t.post(`/api/users/${id}/password`, { password: NEW_PASSWORD });
        expectProblem(response, 409);
        expect(response.body.code).toBe('passwordSignInOff');
      }
      const [{ hash }] = await t.dataSource.query('SELECT password_hash AS hash FROM app_user WHERE id = $1', [user.id]);
      expect(hash).toBeNull();
      // Their sessions stay: nothing was reset.
      expect((await t.dataSource.query('SELECT count(*)::int AS count FROM user_session WHERE user_id = $1', [user.id]))[0].count).toBe(1);
    });
  });

  describe('kept for everyone (the default)', () => {
    let t: TestApp;
    useTestApp((started) => ({ t } = started));

    it('offers no identity provider when none is registered, and passwords for all', async () => {
      const response = await t.anonymous.get(OPTIONS);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ singleSignOn: null, localAccounts: 'all', accessContact: null });
    });

    it('lets an admin give a user from the identity provider a password, which then works as a fallback', async () => {
      expect((await t.post('/api/identity-role-mappings', { claimValue: 'SG-Fremdrift-Laeser', role: 'viewer' })).status).toBe(201);
      const { user } = await t.app.get(IdentityProvisioningService).signIn(person, { method: 'oidc' });
      expectProblem(await t.anonymous.post(LOGIN, { email: person.email, password: NEW_PASSWORD }), 401);
      expect((await t.post(`/api/users/${user.id}/password`, { password: NEW_PASSWORD })).status).toBe(204);
      const login = await t.anonymous.post(LOGIN, { email: person.email, password: NEW_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.id).toBe(user.id);
    });
  });
});
