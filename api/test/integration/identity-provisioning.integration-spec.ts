import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { SessionsRepository } from '../../src/core/auth/sessions.repository';
import { IdentityProvisioningService } from '../../src/modules/identity/identity-provisioning.service';
import { SignInRefusedError, type ExternalIdentity, type SingleSignOnSession } from '../../src/modules/identity/single-sign-on';
import type { Factories } from '../support/factories';
import { TEST_PASSWORD, type TestApp, useTestApp } from '../support/test-app';

const OIDC_SESSION: SingleSignOnSession = { method: 'oidc', oidcIdToken: 'eyJhbGciOiJSUzI1NiJ9.e30.signature' };

/** Mette as the identity provider describes her; each test changes what it needs. */
const mette = (overrides: Partial<ExternalIdentity> = {}): ExternalIdentity => ({
  provider: 'oidc',
  subject: 'a1b2c3-mette',
  email: 'mette.holm@aarhus.dk',
  displayName: 'Mette Holm',
  roles: [{ value: 'SG-Fremdrift-Ledelse', unit: null }],
  ...overrides,
});

describe('Users from the identity provider (IdentityProvisioningService.signIn)', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const service = () => t.app.get(IdentityProvisioningService);
  const signIn = (identity: ExternalIdentity, session: SingleSignOnSession = OIDC_SESSION) => service().signIn(identity, session);
  const refusal = async (identity: ExternalIdentity) => {
    const error = await signIn(identity).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SignInRefusedError);
    return (error as SignInRefusedError).reason;
  };
  const map = async (body: Record<string, unknown>) => {
    const response = await t.post('/api/identity-role-mappings', body);
    expect(response.status).toBe(201);
    return response.body;
  };
  const me = (token: string) => t.anonymous.get('/api/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const userRow = async (email: string) =>
    (
      await t.dataSource.query(
        `SELECT id, email, display_name AS "displayName", role, password_hash AS "passwordHash", identity_provider AS "identityProvider",
                external_subject AS "externalSubject", last_login_at AS "lastLoginAt", version
           FROM app_user WHERE email = $1`,
        [email],
      )
    )[0];
  const userCount = async () => (await t.dataSource.query('SELECT count(*)::int AS count FROM app_user'))[0].count;

  beforeEach(async () => {
    await map({ claimValue: 'SG-Fremdrift-Ledelse', role: 'management' });
  });

  it('creates the user at the first sign-in with the mapped role and no password, and starts a session that works', async () => {
    const result = await signIn(mette());
    expect(result.user).toEqual({
      id: expect.any(String),
      email: 'mette.holm@aarhus.dk',
      displayName: 'Mette Holm',
      role: 'management',
      departments: [],
      hasPassword: false,
    });

    const row = await userRow('mette.holm@aarhus.dk');
    expect(row).toMatchObject({ id: result.user.id, role: 'management', passwordHash: null, identityProvider: 'oidc', externalSubject: 'a1b2c3-mette' });
    expect(row.lastLoginAt).not.toBeNull();

    const session = await me(result.token);
    expect(session.status).toBe(200);
    expect(session.body).toEqual(result.user);
    // The CSRF token belongs to that session: a write with it passes the guard.
    const write = await t.anonymous.post('/api/auth/logout', undefined, {
      headers: { cookie: `${SESSION_COOKIE}=${result.token}`, [XSRF_HEADER.toLowerCase()]: result.csrfToken },
    });
    expect(write.status).toBe(200);
  });

  it('records the new user in the audit trail as made by the sign-in', async () => {
    const { user } = await signIn(mette());
    const [event] = await t.dataSource.query(
      `SELECT actor_id, actor_name, changes FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action = 'create'`,
      [user.id],
    );
    expect(event).toMatchObject({ actor_id: null, actor_name: 'Log ind via OpenID Connect' });
    expect(event.changes).toMatchObject({ role: { after: 'management' }, identity_provider: { after: 'oidc' }, external_subject: { after: 'a1b2c3-mette' } });
  });

  it('remembers the identity provider session with the Fremdrift session, so that sign-out can end both', async () => {
    await signIn(mette());
    const [row] = await t.dataSource.query(`SELECT id FROM user_session WHERE user_id = (SELECT id FROM app_user WHERE email = 'mette.holm@aarhus.dk')`);
    expect(await t.app.get(SessionsRepository).singleSignOnOf(row.id)).toEqual({
      method: 'oidc',
      oidcIdToken: OIDC_SESSION.oidcIdToken,
      samlNameId: null,
      samlNameIdFormat: null,
      samlSessionIndex: null,
    });
  });

  it('gives the role of the group at every sign-in: a changed group changes the role and departments at the next one', async () => {
    const [mso, mbu] = [await make.department({ code: 'MSO' }), await make.department({ code: 'MBU' })];
    await map({ claimValue: 'SG-Fremdrift-MSO', role: 'department_lead', departmentId: mso.id });
    await map({ claimValue: 'SG-Fremdrift-MBU', role: 'department_lead', departmentId: mbu.id });
    const first = await signIn(mette());
    expect(first.user.role).toBe('management');

    const second = await signIn(
      mette({
        roles: [
          { value: 'SG-Fremdrift-MSO', unit: null },
          { value: 'sg-fremdrift-mbu', unit: null },
        ],
      }),
    );
    expect(second.user).toMatchObject({ id: first.user.id, role: 'department_lead' });
    expect(second.user.departments.map((d) => d.code).sort()).toEqual(['MBU', 'MSO']);

    const third = await signIn(mette({ roles: [{ value: 'SG-Fremdrift-MSO', unit: null }] }));
    expect(third.user.departments.map((d) => d.code)).toEqual(['MSO']);
    // The session from the first sign-in sees the new role at once: sessions read the user at every request.
    expect((await me(first.token)).body).toMatchObject({ role: 'department_lead', departments: [{ code: 'MSO' }] });

    const events = await t.dataSource.query(
      `SELECT actor_name FROM audit_event WHERE entity_type IN ('user', 'user_department') AND actor_name LIKE 'Log ind%'`,
    );
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  it('refreshes the e-mail and name from the provider, and changes nothing (not even the version) when nothing changed', async () => {
    const first = await signIn(mette());
    const before = await userRow('mette.holm@aarhus.dk');
    await signIn(mette());
    expect((await userRow('mette.holm@aarhus.dk')).version).toBe(before.version);

    const renamed = await signIn(mette({ email: ' Mette.Holm-Jensen@Aarhus.dk ', displayName: 'Mette  Holm Jensen' }));
    expect(renamed.user).toMatchObject({ id: first.user.id, email: 'mette.holm-jensen@aarhus.dk', displayName: 'Mette Holm Jensen' });
    expect((await userRow('mette.holm-jensen@aarhus.dk')).version).toBe(before.version + 1);
  });

  it('names a user the provider gives no name by their e-mail, and keeps a name it had', async () => {
    expect((await signIn(mette({ displayName: null }))).user.displayName).toBe('mette.holm');
    await signIn(mette({ displayName: 'Mette Holm' }));
    expect((await signIn(mette({ displayName: '  ' }))).user.displayName).toBe('Mette Holm');
    const long = 'Å'.repeat(200);
    expect((await signIn(mette({ displayName: long }))).user.displayName).toBe('Å'.repeat(120));
  });

  it('links an account an admin made with the same e-mail instead of making a second one, and keeps its password', async () => {
    const created = await t.post('/api/users', { email: 'mette.holm@aarhus.dk', displayName: 'Mette H.', role: 'viewer', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const { user } = await signIn(mette({ email: 'METTE.HOLM@aarhus.dk' }));
    expect(user).toMatchObject({ id: created.body.id, role: 'management', displayName: 'Mette Holm' });
    expect(await userRow('mette.holm@aarhus.dk')).toMatchObject({
      identityProvider: 'oidc',
      externalSubject: 'a1b2c3-mette',
      passwordHash: expect.any(String),
    });
    expect(await userCount()).toBe(2);
  });

  it('finds the user by the subject after the e-mail changed at the provider', async () => {
    const first = await signIn(mette());
    const again = await signIn(mette({ email: 'mh@aarhus.dk' }));
    expect(again.user.id).toBe(first.user.id);
    expect(await userCount()).toBe(2);
  });

  it('keeps the stored e-mail when the provider’s new e-mail belongs to another user', async () => {
    const other = await t.signedIn('viewer');
    const first = await signIn(mette());
    const again = await signIn(mette({ email: other.user.email }));
    expect(again.user).toMatchObject({ id: first.user.id, email: 'mette.holm@aarhus.dk' });
  });

  it('refuses a person whose groups map to no role (noMappedRole), creating nothing', async () => {
    expect(await refusal(mette({ roles: [{ value: 'SG-Alle-Medarbejdere', unit: null }] }))).toBe('noMappedRole');
    expect(await refusal(mette({ roles: [] }))).toBe('noMappedRole');
    expect(await userCount()).toBe(1);
    expect((await t.dataSource.query('SELECT count(*)::int AS count FROM user_session'))[0].count).toBe(1);
  });

  it('refuses a user who lost their group at the next sign-in, and leaves their role as it was', async () => {
    await signIn(mette());
    expect(await refusal(mette({ roles: [{ value: 'SG-Tidligere-Ansatte', unit: null }] }))).toBe('noMappedRole');
    expect((await userRow('mette.holm@aarhus.dk')).role).toBe('management');
  });

  it('refuses a deactivated user (deactivated), found by subject or by e-mail, without starting a session', async () => {
    const { user } = await signIn(mette());
    expect((await t.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect(await refusal(mette())).toBe('deactivated');
    expect(await refusal(mette({ subject: 'another-subject' }))).toBe('deactivated');
    expect((await t.dataSource.query('SELECT count(*)::int AS count FROM user_session WHERE user_id = $1', [user.id]))[0].count).toBe(0);
  });

  it.each([
    ['no e-mail', null],
    ['an empty e-mail', '  '],
    ['something that is not an e-mail', 'mette holm'],
    ['an e-mail over 254 characters', `${'m'.repeat(250)}@aarhus.dk`],
  ])('refuses a sign-in with %s (missingEmail)', async (_, email) => {
    expect(await refusal(mette({ email }))).toBe('missingEmail');
    expect(await userCount()).toBe(1);
  });

  it.each([
    ['an empty subject', ''],
    ['a subject longer than Fremdrift can store', 's'.repeat(401)],
  ])('refuses a sign-in with %s (failed)', async (_, subject) => {
    expect(await refusal(mette({ subject }))).toBe('failed');
    expect(await userCount()).toBe(1);
  });

  it('makes a KOMBIT job-function role constrained to unit Y the lead of the department mapped for Y', async () => {
    const mso = await make.department({ code: 'MSO' });
    const role = 'http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1';
    await map({ claimValue: role, unitConstraint: 'UNIT-Y', role: 'department_lead', departmentId: mso.id });
    const kombit = mette({ provider: 'saml', subject: 'CN=Mette Holm,Serial=12345', roles: [{ value: role, unit: 'unit-y' }] });
    const { user } = await signIn(kombit, { method: 'saml', samlNameId: 'CN=Mette Holm,Serial=12345', samlSessionIndex: 'idx-1' });
    expect(user).toMatchObject({ role: 'department_lead', departments: [{ code: 'MSO' }] });
    expect(await refusal({ ...kombit, roles: [{ value: role, unit: 'UNIT-Z' }] })).toBe('noMappedRole');
  });

  it('makes one user of two first sign-ins at the same time', async () => {
    const results = await Promise.all([signIn(mette()), signIn(mette())]);
    expect(results[0].user.id).toBe(results[1].user.id);
    expect(await userCount()).toBe(2);
  });

  describe('single logout (SessionsRepository.deleteBySamlNameId)', () => {
    it('ends the SAML sessions of a NameID, only the one with the session index when one is given', async () => {
      const sessions = t.app.get(SessionsRepository);
      const kombit = mette({ provider: 'saml', subject: 'nameid-mette' });
      const saml = (index: string): SingleSignOnSession => ({
        method: 'saml',
        samlNameId: 'nameid-mette',
        samlNameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        samlSessionIndex: index,
      });
      const [one, two, three] = [await signIn(kombit, saml('idx-1')), await signIn(kombit, saml('idx-2')), await signIn(kombit, saml('idx-3'))];
      const other = await signIn(mette({ subject: 'someone-else', email: 'anden@aarhus.dk' }), {
        method: 'saml',
        samlNameId: 'nameid-other',
        samlSessionIndex: 'idx-1',
      });

      expect(await sessions.deleteBySamlNameId('nameid-mette', 'idx-2')).toBe(1);
      expect([(await me(one.token)).status, (await me(two.token)).status, (await me(three.token)).status]).toEqual([200, 401, 200]);
      expect(await sessions.deleteBySamlNameId('nameid-mette')).toBe(2);
      expect([(await me(one.token)).status, (await me(three.token)).status, (await me(other.token)).status]).toEqual([401, 401, 200]);
      expect(await sessions.deleteBySamlNameId('nameid-unknown', null)).toBe(0);
    });
  });
});
