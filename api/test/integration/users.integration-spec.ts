import { SESSION_COOKIE, XSRF_HEADER, type UserRole } from '@fremdrift/contracts';
import { fieldMessages } from '../support/expectations';
import { factories, UNKNOWN_ID } from '../support/factories';
import { startTestApp, TEST_PASSWORD, type RequestOptions, type TestApp, type TestResponse } from '../support/test-app';

const USER_KEYS = ['active', 'createdAt', 'departments', 'displayName', 'email', 'hasPassword', 'id', 'lastLoginAt', 'role', 'updatedAt', 'version'];
const FIRST_PASSWORD = 'first-password-for-new-user';

interface AuditRow {
  actor_id: string | null;
  actor_name: string;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** The session cookie and CSRF header a login response hands out, as request options. */
function sessionOptions(response: TestResponse): RequestOptions {
  const raw = response.headers['set-cookie'];
  const cookies = (Array.isArray(raw) ? raw : [String(raw)]).map((header) => header.split(';')[0]);
  const value = (name: string) => cookies.find((cookie) => cookie.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
  return { headers: { cookie: cookies.join('; '), [XSRF_HEADER.toLowerCase()]: decodeURIComponent(value('XSRF-TOKEN')) } };
}

describe('Users API', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;
  let sequence = 0;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  const newUser = (overrides: Record<string, unknown> = {}) => {
    const n = ++sequence;
    return { email: `bruger.${n}@aarhus.example`, displayName: `Bruger ${n}`, role: 'viewer', password: FIRST_PASSWORD, ...overrides };
  };
  const createUser = async (overrides: Record<string, unknown> = {}) => {
    const response = await t.post('/api/users', newUser(overrides));
    if (response.status !== 201) throw new Error(`Creating a user failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const login = (email: string, password: string) => t.anonymous.post('/api/auth/login', { email, password });
  const auditOf = (entityType: string, entityId: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      'SELECT actor_id, actor_name, entity_type, entity_id, action, changes FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      [entityType, entityId],
    );
  const activeAdmins = async () => (await t.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE role = 'admin' AND active`))[0].count as number;

  describe('create', () => {
    it('creates a user: 201, e-mail in lower case, departments resolved, and no password or hash in the response', async () => {
      const department = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
      const response = await t.post('/api/users', {
        email: '  Ny.Leder@Aarhus.DK ',
        displayName: '  Ny Leder ',
        role: 'department_lead',
        departmentIds: [department.id.toUpperCase()],
        password: FIRST_PASSWORD,
      });
      expect(response.status).toBe(201);
      expect(Object.keys(response.body).sort()).toEqual(USER_KEYS);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: 'ny.leder@aarhus.dk',
        displayName: 'Ny Leder',
        role: 'department_lead',
        departments: [{ id: department.id, code: 'MSO', name: 'Sundhed og Omsorg' }],
        hasPassword: true,
        active: true,
        lastLoginAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      // Only whether there is a password, never the password or its hash.
      const { hasPassword: _, ...rest } = response.body;
      expect(JSON.stringify(rest)).not.toMatch(/password|hash|argon/i);

      const [stored] = await t.dataSource.query('SELECT email, password_hash FROM app_user WHERE id = $1', [response.body.id]);
      expect(stored.email).toBe('ny.leder@aarhus.dk');
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      expect(stored.password_hash).not.toContain(FIRST_PASSWORD);
    });

    it('lets the new user sign in with the password the admin set, whatever the case of the e-mail', async () => {
      const department = await make.department();
      const created = await createUser({ email: 'Mette.Holm@Aarhus.DK', role: 'department_lead', departmentIds: [department.id] });

      const response = await login('METTE.HOLM@aarhus.dk', FIRST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: created.id,
        email: 'mette.holm@aarhus.dk',
        displayName: created.displayName,
        role: 'department_lead',
        departments: created.departments,
        hasPassword: true,
      });
      const me = await t.anonymous.get('/api/auth/me', sessionOptions(response));
      expect(me.body.id).toBe(created.id);

      const after = (await t.get(`/api/users/${created.id}`)).body;
      expect(Date.parse(after.lastLoginAt)).not.toBeNaN();
      expect((await login('mette.holm@aarhus.dk', TEST_PASSWORD)).status).toBe(401);
    });

    it('rejects a duplicate e-mail in any case with 409 on email, and stores nothing', async () => {
      await createUser({ email: 'dublet@aarhus.example' });
      const before = await t.rowCounts();
      for (const email of ['dublet@aarhus.example', 'DUBLET@Aarhus.Example', ` ${t.admin.email.toUpperCase()}`]) {
        const response = await t.post('/api/users', newUser({ email }));
        expect(response.status).toBe(409);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(fieldMessages(response)).toEqual({ email: [expect.any(String)] });
        expect(JSON.stringify(response.body)).not.toMatch(/uq_|constraint|app_user/);
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an invalid user with 400 per field and stores nothing', async () => {
      await make.department();
      const before = await t.rowCounts();
      const response = await t.post('/api/users', {
        email: 'not-an-e-mail',
        displayName: null,
        role: 'superuser',
        departmentIds: ['not-a-uuid'],
        password: 'elevenchars',
        isAdmin: true,
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(Object.keys(response.body.errors).sort()).toEqual(['departmentIds', 'displayName', 'email', 'isAdmin', 'password', 'role']);
      expect(JSON.stringify(response.body)).not.toContain('elevenchars');
      expect(await t.rowCounts()).toEqual(before);
    });

    it.each([
      ['a malformed e-mail', { email: 'mette@' }, 'email'],
      ['a password of 11 characters', { password: 'x'.repeat(11) }, 'password'],
      ['no password', { password: undefined }, 'password'],
      ['an unknown role', { role: 'owner' }, 'role'],
      ['a null display name', { displayName: null }, 'displayName'],
      ['a blank display name', { displayName: '   ' }, 'displayName'],
      ['departmentIds sent as null', { departmentIds: null }, 'departmentIds'],
      ['an unknown field', { passwordHash: '$argon2id$v=19$forged' }, 'passwordHash'],
    ])('rejects %s with 400 on that field alone and stores nothing', async (_, overrides, field) => {
      const before = await t.rowCounts();
      const response = await t.post('/api/users', newUser(overrides));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an unknown department id with 400 on departmentIds and stores nothing', async () => {
      const department = await make.department();
      const before = await t.rowCounts();
      const response = await t.post('/api/users', newUser({ role: 'department_lead', departmentIds: [department.id, UNKNOWN_ID] }));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors)).toEqual(['departmentIds']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('accepts a password of exactly 12 characters', async () => {
      const created = await createUser({ password: 'twelve-chars' });
      expect((await login(created.email, 'twelve-chars')).status).toBe(200);
    });
  });

  describe('read', () => {
    it('lists users filtered by q, role and active, and pages with a total', async () => {
      await createUser({ email: 'mette.holm@aarhus.example', displayName: 'Mette Holm', role: 'department_lead' });
      await createUser({ email: 'jens.berg@aarhus.example', displayName: 'Jens Berg', role: 'management' });
      const inactive = await createUser({ email: 'karen.holmgaard@aarhus.example', displayName: 'Karen Holmgaard', role: 'viewer' });
      await createUser({ email: 'ole@aarhus.example', displayName: 'Ole Holm Sørensen', role: 'viewer' });
      expect((await t.patch(`/api/users/${inactive.id}`, { active: false })).status).toBe(200);

      const all = await t.get('/api/users');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      for (const item of all.body.items) expect(Object.keys(item).sort()).toEqual(USER_KEYS);

      const emails = (response: TestResponse) => response.body.items.map((u: { email: string }) => u.email).sort();
      // q matches e-mail or name, whatever the case.
      expect(emails(await t.get('/api/users?q=HOLM'))).toEqual(['karen.holmgaard@aarhus.example', 'mette.holm@aarhus.example', 'ole@aarhus.example']);
      expect(emails(await t.get('/api/users?q=jens.berg@'))).toEqual(['jens.berg@aarhus.example']);
      // Wildcards in q are matched literally.
      expect((await t.get('/api/users?q=%25')).body.total).toBe(0);
      expect((await t.get('/api/users?q=_')).body.total).toBe(0);

      expect(emails(await t.get('/api/users?role=viewer'))).toEqual(['karen.holmgaard@aarhus.example', 'ole@aarhus.example']);
      expect(emails(await t.get('/api/users?role=admin'))).toEqual([t.admin.email]);
      expect(emails(await t.get('/api/users?active=false'))).toEqual(['karen.holmgaard@aarhus.example']);
      expect((await t.get('/api/users?active=true')).body.total).toBe(4);
      expect(emails(await t.get('/api/users?q=holm&role=viewer&active=true'))).toEqual(['ole@aarhus.example']);

      const page = await t.get('/api/users?page=2&pageSize=2');
      expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page.body.items).toHaveLength(2);
      const pages = [
        ...(await t.get('/api/users?page=1&pageSize=2')).body.items,
        ...page.body.items,
        ...(await t.get('/api/users?page=3&pageSize=2')).body.items,
      ];
      expect(pages.map((u: { id: string }) => u.id).sort()).toEqual(all.body.items.map((u: { id: string }) => u.id).sort());
    });

    it('rejects bad list filters with 400 per parameter', async () => {
      const response = await t.get('/api/users?role=owner&active=maybe&pageSize=101&page=0');
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['active', 'page', 'pageSize', 'role']);
    });

    it('gets one user as the list shows them', async () => {
      const created = await createUser();
      const response = await t.get(`/api/users/${created.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(created);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await t.get(`/api/users/${UNKNOWN_ID}`)).status).toBe(404);
      const before = await t.rowCounts();
      const patched = await t.patch(`/api/users/${UNKNOWN_ID}`, { displayName: 'Ingen' });
      expect(patched.status).toBe(404);
      expect(patched.headers['content-type']).toContain('application/problem+json');
      expect(await t.rowCounts()).toEqual(before);

      for (const response of [await t.get('/api/users/not-a-uuid'), await t.patch('/api/users/not-a-uuid', { displayName: 'Ingen' })]) {
        expect(response.status).toBe(400);
        expect(fieldMessages(response)).toEqual({ id: ['id must be a UUID'] });
      }
    });
  });

  describe('update', () => {
    it('changes role, departments and display name, and bumps the version', async () => {
      const [mso, mbu, mkb] = [await make.department({ code: 'MSO' }), await make.department({ code: 'MBU' }), await make.department({ code: 'MKB' })];
      const created = await createUser({ role: 'viewer' });

      const promoted = await t.patch(`/api/users/${created.id}`, { role: 'department_lead', departmentIds: [mso.id, mbu.id], displayName: ' Mette Holm ' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ role: 'department_lead', displayName: 'Mette Holm', email: created.email, active: true });
      expect(promoted.body.departments.map((d: { code: string }) => d.code).sort()).toEqual(['MBU', 'MSO']);
      expect(promoted.body.version).toBeGreaterThan(created.version);

      const moved = await t.patch(`/api/users/${created.id}`, { departmentIds: [mkb.id, mbu.id] });
      expect(moved.status).toBe(200);
      expect(moved.body.departments.map((d: { code: string }) => d.code).sort()).toEqual(['MBU', 'MKB']);
      expect(moved.body).toMatchObject({ role: 'department_lead', displayName: 'Mette Holm' });

      const cleared = await t.patch(`/api/users/${created.id}`, { departmentIds: [] });
      expect(cleared.body.departments).toEqual([]);
      expect((await t.get(`/api/users/${created.id}`)).body).toMatchObject({ role: 'department_lead', displayName: 'Mette Holm', departments: [] });

      // The user's next session carries the new role and departments.
      const signedIn = await login(created.email, FIRST_PASSWORD);
      expect(signedIn.body).toMatchObject({ role: 'department_lead', displayName: 'Mette Holm', departments: [] });
    });

    it('applies a role change to a live session at its next request', async () => {
      const viewer = await t.signedIn('viewer');
      expect((await viewer.get('/api/users')).status).toBe(403);
      expect((await t.patch(`/api/users/${viewer.user.id}`, { role: 'admin' })).status).toBe(200);
      expect((await viewer.get('/api/users')).status).toBe(200);
      expect((await t.patch(`/api/users/${viewer.user.id}`, { role: 'viewer' })).status).toBe(200);
      expect((await viewer.get('/api/users')).status).toBe(403);
    });

    it('rejects invalid changes with 400 per field and changes nothing', async () => {
      const created = await createUser();
      const before = await t.rowCounts();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ displayName: null }, ['displayName']],
        [{ displayName: 'x' }, ['displayName']],
        [{ role: 'owner' }, ['role']],
        [{ role: null }, ['role']],
        [{ active: 'no' }, ['active']],
        [{ active: null }, ['active']],
        [{ departmentIds: ['not-a-uuid'] }, ['departmentIds']],
        [{ departmentIds: [UNKNOWN_ID] }, ['departmentIds']],
        [{ email: 'ny@aarhus.example' }, ['email']],
        [{ password: 'a-new-password-123' }, ['password']],
        [{ displayName: null, role: 'owner', extra: 1 }, ['displayName', 'extra', 'role']],
      ];
      for (const [body, fields] of cases) {
        const response = await t.patch(`/api/users/${created.id}`, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(Object.keys(response.body.errors).sort()).toEqual(fields);
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/users/${created.id}`)).body).toEqual(created);
      expect((await login(created.email, FIRST_PASSWORD)).status).toBe(200);
    });

    it('deactivates a user: their live session gets 401 at once and they cannot sign in; reactivating lets them sign in again', async () => {
      const viewer = await t.signedIn('viewer');
      const loggedIn = await login(viewer.user.email, TEST_PASSWORD);
      expect(loggedIn.status).toBe(200);
      const browser = sessionOptions(loggedIn);
      expect((await viewer.get('/api/auth/me')).status).toBe(200);

      const deactivated = await t.patch(`/api/users/${viewer.user.id}`, { active: false });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.active).toBe(false);

      expect((await viewer.get('/api/auth/me')).status).toBe(401);
      expect((await viewer.get('/api/departments')).status).toBe(401);
      expect((await t.anonymous.get('/api/auth/me', browser)).status).toBe(401);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM user_session WHERE user_id = $1', [viewer.user.id]);
      expect(count).toBe(0);
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(401);

      const reactivated = await t.patch(`/api/users/${viewer.user.id}`, { active: true });
      expect(reactivated.status).toBe(200);
      expect(reactivated.body.active).toBe(true);
      // The ended sessions stay ended; a new sign-in works.
      expect((await viewer.get('/api/auth/me')).status).toBe(401);
      expect((await t.anonymous.get('/api/auth/me', browser)).status).toBe(401);
      const again = await login(viewer.user.email, TEST_PASSWORD);
      expect(again.status).toBe(200);
      expect((await t.anonymous.get('/api/auth/me', sessionOptions(again))).status).toBe(200);
    });
  });

  describe('the last active admin', () => {
    it('cannot be deactivated or given another role (409), and nothing changes', async () => {
      await createUser({ role: 'viewer' });
      const before = await t.rowCounts();
      for (const body of [{ active: false }, { role: 'management' }, { role: 'viewer', active: false }]) {
        const response = await t.patch(`/api/users/${t.admin.id}`, body);
        expect(response.status).toBe(409);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/users/${t.admin.id}`)).body).toMatchObject({ role: 'admin', active: true });
      // Changes that keep them an active admin are fine.
      expect((await t.patch(`/api/users/${t.admin.id}`, { role: 'admin', active: true, displayName: 'Eneste Admin' })).status).toBe(200);
    });

    it('can be demoted while another active admin remains, and the remaining one is then protected', async () => {
      const second = await t.signedIn('admin');
      const demoted = await t.patch(`/api/users/${second.user.id}`, { role: 'management' });
      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe('management');
      expect((await t.patch(`/api/users/${t.admin.id}`, { active: false })).status).toBe(409);

      const third = await t.signedIn('admin');
      expect((await third.patch(`/api/users/${t.admin.id}`, { active: false })).status).toBe(200);
      expect((await t.get('/api/users')).status).toBe(401);
      expect((await third.patch(`/api/users/${third.user.id}`, { role: 'viewer' })).status).toBe(409);
      expect(await activeAdmins()).toBe(1);
    });

    it('does not count a deactivated admin as the other admin', async () => {
      const second = await t.signedIn('admin');
      expect((await t.patch(`/api/users/${second.user.id}`, { active: false })).status).toBe(200);
      expect((await t.patch(`/api/users/${t.admin.id}`, { role: 'viewer' })).status).toBe(409);
      expect(await activeAdmins()).toBe(1);
    });

    it('survives two admins demoting each other at the same moment: one active admin always remains', async () => {
      for (let round = 0; round < 10; round++) {
        await t.reset();
        const other = await t.signedIn('admin');
        const responses = await Promise.all([
          t.patch(`/api/users/${other.user.id}`, { role: 'viewer' }),
          other.patch(`/api/users/${t.admin.id}`, { role: 'viewer' }),
        ]);
        expect({ round, statuses: responses.map((r) => r.status), activeAdmins: await activeAdmins() }).toEqual({
          round,
          statuses: expect.arrayContaining([200]),
          activeAdmins: 1,
        });
        expect(responses.some((r) => r.status === 403 || r.status === 409)).toBe(true);
      }
    });
  });

  describe('access', () => {
    it.each<[UserRole, boolean]>([
      ['management', false],
      ['viewer', false],
      ['department_lead', true],
    ])('refuses %s every /api/users route with 403 and changes nothing', async (role, withDepartment) => {
      const department = await make.department();
      const target = await createUser();
      const client = await t.signedIn(role, withDepartment ? [department.id] : []);
      const before = await t.rowCounts();

      const responses = await Promise.all([
        client.get('/api/users'),
        client.get(`/api/users/${target.id}`),
        client.get(`/api/users/${client.user.id}`),
        client.post('/api/users', newUser({ role: 'admin' })),
        client.patch(`/api/users/${target.id}`, { role: 'admin' }),
        client.patch(`/api/users/${client.user.id}`, { role: 'admin' }),
        client.patch(`/api/users/${t.admin.id}`, { active: false }),
      ]);
      for (const response of responses) {
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/users/${client.user.id}`)).body.role).toBe(role);
      expect((await t.get(`/api/users/${t.admin.id}`)).body.active).toBe(true);
    });

    it('refuses anonymous requests to every /api/users route with 401', async () => {
      const target = await createUser();
      const before = await t.rowCounts();
      const responses = [
        await t.anonymous.get('/api/users'),
        await t.anonymous.get(`/api/users/${target.id}`),
        await t.anonymous.post('/api/users', newUser({ role: 'admin' })),
        await t.anonymous.patch(`/api/users/${target.id}`, { role: 'admin' }),
        await t.anonymous.get('/api/users', { headers: { cookie: `${SESSION_COOKIE}=forged` } }),
        await t.anonymous.patch(`/api/users/${target.id}`, { role: 'admin' }, { headers: { cookie: `${SESSION_COOKIE}=forged`, 'x-xsrf-token': 'forged' } }),
      ];
      for (const response of responses) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(await t.rowCounts()).toEqual(before);
    });
  });

  describe('audit trail', () => {
    it('records the creation of a user and their departments with the admin as actor, and never the password hash', async () => {
      const department = await make.department();
      const created = await createUser({ role: 'department_lead', departmentIds: [department.id], displayName: 'Mette Holm' });

      const events = await auditOf('user', created.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'create', actor_id: t.admin.id, actor_name: expect.stringContaining(t.admin.email) });
      expect(events[0].changes).toMatchObject({
        email: { before: null, after: created.email },
        display_name: { before: null, after: 'Mette Holm' },
        role: { before: null, after: 'department_lead' },
      });
      expect(events[0].changes).not.toHaveProperty('password_hash');
      expect(events[0].changes).not.toHaveProperty('password');

      const links = await auditOf('user_department', created.id);
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ action: 'create', actor_id: t.admin.id, changes: { department_id: { before: null, after: department.id } } });
    });

    it('records changes to role, name, activity and departments with before and after values', async () => {
      const [mso, mbu] = [await make.department(), await make.department()];
      const created = await createUser({ role: 'viewer', displayName: 'Mette Holm', departmentIds: [mso.id] });
      await t.patch(`/api/users/${created.id}`, { role: 'department_lead', displayName: 'Mette Holm-Berg', departmentIds: [mbu.id] });
      await t.patch(`/api/users/${created.id}`, { active: false });

      const updates = (await auditOf('user', created.id)).filter((e) => e.action === 'update');
      expect(updates).toHaveLength(2);
      for (const event of updates) expect(event.actor_id).toBe(t.admin.id);
      expect(updates[0].changes).toEqual({
        role: { before: 'viewer', after: 'department_lead' },
        display_name: { before: 'Mette Holm', after: 'Mette Holm-Berg' },
      });
      expect(updates[1].changes).toEqual({ active: { before: true, after: false } });

      const links = await auditOf('user_department', created.id);
      expect(links.map((e) => [e.action, (e.changes['department_id'].after ?? e.changes['department_id'].before) as string])).toEqual([
        ['create', mso.id],
        ['delete', mso.id],
        ['create', mbu.id],
      ]);
      for (const event of links) expect(event.actor_id).toBe(t.admin.id);
    });

    it('records a password change as "[hidden]" with the user as actor, and no hash anywhere in the trail', async () => {
      const viewer = await t.signedIn('viewer');
      const response = await viewer.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password-99' });
      expect(response.status).toBe(204);
      await createUser();

      const events = (await auditOf('user', viewer.user.id)).filter((e) => e.action === 'update');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_id: viewer.user.id, actor_name: expect.stringContaining(viewer.user.email) });
      expect(events[0].changes).toEqual({ password: { before: '[hidden]', after: expect.any(String) } });
      expect(events[0].changes['password'].after).not.toMatch(/argon|\$/);

      const [{ leaks }] = await t.dataSource.query(
        `SELECT count(*)::int AS leaks FROM audit_event WHERE changes ? 'password_hash' OR changes::text LIKE '%argon2%' OR changes::text LIKE '%a-brand-new-password%' OR changes::text LIKE '%${FIRST_PASSWORD}%'`,
      );
      expect(leaks).toBe(0);
    });

    it('records nothing for a sign-in, however it changes last_login_at', async () => {
      const viewer = await t.signedIn('viewer');
      const [{ before }] = await t.dataSource.query('SELECT count(*)::int AS before FROM audit_event');
      expect((await login(viewer.user.email, TEST_PASSWORD)).status).toBe(200);
      const [{ after }] = await t.dataSource.query('SELECT count(*)::int AS after FROM audit_event');
      expect(after).toBe(before);
    });
  });
});
