import { Workbook } from 'exceljs';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldMessages } from '../support/expectations';
import { type Factories } from '../support/factories';
import { TEST_PASSWORD, type TestApp, useTestApp } from '../support/test-app';

const JSON_TYPE = 'application/json';
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('Hostile input', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  describe('deeply nested JSON', () => {
    it('refuses a body nested deeper than 32 levels with a 400 problem, anonymously on sign-in too', async () => {
      const login = await t.anonymous.send('POST', '/api/auth/login', `{"email":"a@b.dk","password":"x","d":${nestedArrays(3000)}}`, JSON_TYPE);
      expectProblem(login, 400);
      expect(login.body.detail).toMatch(/deeper than 32 levels/);

      const before = await t.rowCounts();
      const create = await t.send('POST', '/api/departments', `{"code":"AB","name":"Afdeling","x":${'{"a":'.repeat(33)}1${'}'.repeat(33)}}`, JSON_TYPE);
      expectProblem(create, 400);
      expect(create.body.detail).toMatch(/deeper than 32 levels/);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('reads a body nested exactly 32 levels deep, which validation then judges', async () => {
      const response = await t.send('POST', '/api/departments', `{"code":"AB","name":"Afdeling","x":${nestedArrays(31)}}`, JSON_TYPE);
      expectInvalidFields(response, ['x']);
    });

    it('still refuses __proto__ and constructor.prototype keys, as Fastify does', async () => {
      for (const payload of [
        '{"code":"AB","name":"Afdeling","__proto__":{"admin":true}}',
        '{"code":"AB","name":"Afdeling","constructor":{"prototype":{"admin":true}}}',
      ]) {
        const response = await t.send('POST', '/api/departments', payload, JSON_TYPE);
        expectProblem(response, 400);
      }
      expect((await t.rowCounts()).department).toBe(0);
    });
  });

  describe('text that is not valid Unicode', () => {
    it('refuses strings with an unpaired surrogate, naming each field, and stores nothing', async () => {
      const before = await t.rowCounts();
      const department = await t.send('POST', '/api/departments', '{"code":"AB","name":"Sundhed \\ud800og Omsorg"}', JSON_TYPE);
      expectInvalidFields(department, ['name']);
      expect(department.body.errors.name[0]).toMatchObject({ code: 'invalidUnicode', message: expect.stringMatching(/surrogate/) });

      const plan = await t.send('POST', '/api/action-plans', '{"title":"Handleplan \\udfff","goals":[{"title":"Et godt liv"},{"title":"\\ud83d"}]}', JSON_TYPE);
      expectInvalidFields(plan, ['title', 'goals.1.title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('refuses a body that is not UTF-8, rather than storing replacement characters', async () => {
      const payload = Buffer.concat([Buffer.from('{"code":"AB","name":"Sundhed '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
      const response = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'POST', url: '/api/departments', headers: { 'content-type': JSON_TYPE }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((await t.rowCounts()).department).toBe(0);
    });

    it('stores characters outside the Basic Multilingual Plane (surrogate pairs) intact', async () => {
      const response = await t.post('/api/departments', { code: 'AB', name: 'Fællesspisning 🍲' });
      expect(response.status).toBe(201);
      expect((await t.get(`/api/departments/${response.body.id}`)).body.name).toBe('Fællesspisning 🍲');
    });
  });

  describe('bodies that are not JSON objects', () => {
    it('refuses null, an array, a number or a string where a PATCH expects an object, and changes nothing', async () => {
      const department = await make.department({ name: 'Sundhed og Omsorg' });
      for (const payload of ['null', '[]', '[{"name":"Ny"}]', '42', '"Ny"', 'true']) {
        const response = await t.send('PATCH', `/api/departments/${department.id}`, payload, JSON_TYPE);
        expectInvalidFields(response, ['body']);
      }
      expect((await t.get(`/api/departments/${department.id}`)).body).toMatchObject({ name: 'Sundhed og Omsorg', updatedAt: department.updatedAt });
    });

    it('refuses null on sign-in and on creation', async () => {
      expectInvalidFields(await t.anonymous.send('POST', '/api/auth/login', 'null', JSON_TYPE), ['body']);
      expectInvalidFields(await t.send('POST', '/api/partners', 'null', JSON_TYPE), ['body']);
      expect((await t.rowCounts()).partner).toBe(0);
    });

    it('still takes an empty object as an empty change', async () => {
      const department = await make.department();
      expect((await t.patch(`/api/departments/${department.id}`, {})).status).toBe(200);
    });
  });

  describe('e-mail addresses', () => {
    const INVISIBLE = ['\u202e', '\u202d', '\u200b', '\u200e', '\u200f', '\u2066', '\u2069', '\ufeff', '\u2060', '\u00ad'];

    it('refuses invisible and bidirectional control characters in a new user’s address, and creates no user', async () => {
      const before = await t.rowCounts();
      for (const character of INVISIBLE) {
        const response = await t.post('/api/users', {
          email: `mette${character}holm@aarhus.dk`,
          displayName: 'Mette Holm',
          role: 'viewer',
          password: TEST_PASSWORD,
        });
        expectInvalidFields(response, ['email']);
        expect(fieldMessages(response).email).toContain('email must not contain invisible or bidirectional control characters');
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    it('refuses them on sign-in as invalid input, not as a failed attempt', async () => {
      const attempts = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM login_attempt'))[0].n);
      const before = await attempts();
      const response = await t.anonymous.post('/api/auth/login', { email: `${t.admin.email}\u202e`, password: TEST_PASSWORD });
      expectInvalidFields(response, ['email']);
      expect(response.headers['set-cookie'] ?? '').not.toContain(SESSION_COOKIE);
      expect(await attempts()).toBe(before);
    });

    it('leaves free text alone: a display name may carry a right-to-left mark', async () => {
      const response = await t.post('/api/users', { email: 'layla@aarhus.dk', displayName: 'ليلى\u200f Hansen', role: 'viewer', password: TEST_PASSWORD });
      expect(response.status).toBe(201);
      expect(response.body.displayName).toBe('ليلى\u200f Hansen');
    });
  });

  describe('formula injection in exports', () => {
    const FORMULA = '=HYPERLINK("http://evil.example","Klik")';

    it('neutralises a title that a spreadsheet would run, in the public CSV, and keeps numbers as they are', async () => {
      const { plan, department } = await make.world();
      const initiative = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: department.id },
        { title: FORMULA, summary: '-Resumé', published: true },
      );
      const csv = await t.anonymous.get('/api/public/initiatives.csv');
      expect(csv.status).toBe(200);
      const row = (csv.body as string).split('\r\n').find((line) => line.startsWith(initiative.id))!;
      expect(row.startsWith(`${initiative.id};"'=HYPERLINK(""http://evil.example"",""Klik"")";'-Resumé;`)).toBe(true);
      const header = (csv.body as string).slice(1).split('\r\n')[0].split(';');
      expect(row.split(';')[header.indexOf('fremdrift_procent')]).toMatch(/^\d+$/);
    });

    it('neutralises such text in the dashboard workbook and CSV alike', async () => {
      const department = await make.department({ name: '@Afdeling' });
      const plan = await make.plan();
      await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: department.id },
        { title: FORMULA, status: 'in_progress', startDate: '2020-01-01', targetDate: '2030-12-31' },
      );
      const headers = { cookie: `${SESSION_COOKIE}=${(await t.signedIn('admin')).session.token}` };
      const fastify = t.app.getHttpAdapter().getInstance();

      const xlsx = await fastify.inject({ method: 'GET', url: `/api/dashboard/export.xlsx?actionPlanId=${plan.id}`, headers });
      expect(xlsx.statusCode).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const compliance = workbook.getWorksheet('Manglende status')!;
      expect(compliance.getCell('A2').value).toBe(`'${FORMULA}`);
      expect(compliance.getCell('B2').value).toBe("'@Afdeling");
      expect(typeof compliance.getCell('E2').value).toBe('number');

      const csv = await fastify.inject({ method: 'GET', url: `/api/dashboard/export.csv?actionPlanId=${plan.id}&table=compliance`, headers });
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""Klik""\)";'@Afdeling;\w+;;\d+$/);
    });
  });
});
