import { loadConfig } from '../../src/core/config/app-config';
import { createUser, UserInputError } from '../../src/database/user-admin';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'first-admin-password';

/** `npm run user:create` goes through the API's own validation and service. */
describe('Creating a user from the command line', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;
  const url = process.env['DATABASE_URL'] as string;
  const config = { ...loadConfig({}), webRoot: null, databaseUrl: url };
  const create = (input: Partial<Parameters<typeof createUser>[2]> = {}) =>
    createUser(config, url, { email: 'it-drift@kommune.example', displayName: 'IT-drift', role: 'admin', departmentCodes: [], password: PASSWORD, ...input });

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  it('creates a user who can sign in, with departments by code, attributed to the command line', async () => {
    await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
    const created = await create({ email: ' Leder@Kommune.Example ', role: 'department_lead', departmentCodes: ['mso'] });
    expect(created).toMatchObject({ email: 'leder@kommune.example', role: 'department_lead' });

    expect((await t.anonymous.post('/api/auth/login', { email: 'leder@kommune.example', password: PASSWORD })).status).toBe(200);
    expect((await t.get(`/api/users/${created.id}`)).body.departments).toEqual([expect.objectContaining({ code: 'MSO' })]);
    const [audit] = await t.dataSource.query(`SELECT actor_name FROM audit_event WHERE entity_type = 'user' AND entity_id = $1`, [created.id]);
    expect(audit.actor_name).toBe('System (command line)');
  });

  it('refuses what the API refuses, with its messages, and stores nothing', async () => {
    await create();
    const before = await t.rowCounts();
    await expect(create()).rejects.toThrow(new UserInputError('A user with the e-mail it-drift@kommune.example exists already.'));
    await expect(create({ email: 'admin\u202e@kommune.example' })).rejects.toThrow(/email must not contain invisible/);
    await expect(create({ email: 'new@kommune.example', password: 'short' })).rejects.toThrow(/password must be longer/);
    await expect(create({ email: 'new@kommune.example', departmentCodes: ['XYZ'] })).rejects.toThrow(/Unknown department code/);
    expect(await t.rowCounts()).toEqual(before);
  });
});
