import type { UserRole } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const URL = '/api/identity-role-mappings';

describe('Role mappings from the identity provider (/api/identity-role-mappings)', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const mappingCount = async (): Promise<number> => (await t.dataSource.query('SELECT count(*)::int AS count FROM identity_role_mapping'))[0].count;
  const create = async (body: Record<string, unknown>) => {
    const response = await t.post(URL, body);
    expect(response.status).toBe(201);
    return response.body;
  };

  describe('listing and adding', () => {
    it('adds a group mapping to management and lists it with its version as the ETag', async () => {
      const response = await t.post(URL, { claimValue: '  SG-Fremdrift-Ledelse ', role: 'management', description: 'Direktion og stab' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        claimValue: 'SG-Fremdrift-Ledelse',
        unitConstraint: null,
        role: 'management',
        department: null,
        description: 'Direktion og stab',
        version: 1,
      });
      expect(response.headers['etag']).toBe('"1"');

      const list = await t.get(URL);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([response.body]);
    });

    it('adds a KOMBIT job-function role constrained to a unit as the lead of a department', async () => {
      const department = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
      const body = await create({
        claimValue: 'http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1',
        unitConstraint: '5d7e0c1a-4f8e-4b7a-9c1e-0a1b2c3d4e5f',
        role: 'department_lead',
        departmentId: department.id,
      });
      expect(body).toMatchObject({
        unitConstraint: '5d7e0c1a-4f8e-4b7a-9c1e-0a1b2c3d4e5f',
        role: 'department_lead',
        department: { id: department.id, code: 'MSO', name: 'Sundhed og Omsorg' },
        description: null,
      });
    });

    it('lists mappings ordered by value and unit', async () => {
      await create({ claimValue: 'b-gruppe', role: 'viewer' });
      await create({ claimValue: 'A-gruppe', role: 'admin' });
      await create({ claimValue: 'a-gruppe', unitConstraint: 'enhed', role: 'viewer' });
      const list = (await t.get(URL)).body as { claimValue: string; unitConstraint: string | null }[];
      expect(list.map((m) => [m.claimValue, m.unitConstraint])).toEqual([
        ['A-gruppe', null],
        ['a-gruppe', 'enhed'],
        ['b-gruppe', null],
      ]);
    });

    it('records who added, changed and removed a mapping in the audit trail, named by its value', async () => {
      const created = await create({ claimValue: 'SG-Fremdrift-Admin', role: 'admin' });
      const changed = await t.patch(`${URL}/${created.id}`, { role: 'management' }, { ifMatch: created.version });
      expect(changed.status).toBe(200);
      expect((await t.delete(`${URL}/${created.id}`, { ifMatch: changed.body.version })).status).toBe(204);

      const trail = await t.get('/api/audit-events?entityType=identity_role_mapping&pageSize=10');
      expect(trail.status).toBe(200);
      const events = trail.body.items as { action: string; actor: { id: string }; changes: Record<string, unknown>; subject: { label: unknown } }[];
      expect(events.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
      expect(events.every((e) => e.actor.id === t.admin.id)).toBe(true);
      expect(events[1].changes).toEqual({ role: { before: 'admin', after: 'management' } });
      expect(events[0].subject.label).toEqual({ da: 'SG-Fremdrift-Admin', en: 'SG-Fremdrift-Admin' });
    });
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no claim value', { role: 'viewer' }, 'claimValue', 'isString'],
      ['a claim value of only spaces', { claimValue: '   ', role: 'viewer' }, 'claimValue', 'isLength'],
      ['a claim value over 400 characters', { claimValue: 'g'.repeat(401), role: 'viewer' }, 'claimValue', 'isLength'],
      ['a claim value with a bidirectional control', { claimValue: 'SG-\u202EFremdrift', role: 'viewer' }, 'claimValue', 'hasNoInvisibleCharacters'],
      ['a unit over 400 characters', { claimValue: 'g', unitConstraint: 'u'.repeat(401), role: 'viewer' }, 'unitConstraint', 'maxLength'],
      ['a description over 400 characters', { claimValue: 'g', description: 'd'.repeat(401), role: 'viewer' }, 'description', 'maxLength'],
      ['no role', { claimValue: 'g' }, 'role', 'isIn'],
      ['an unknown role', { claimValue: 'g', role: 'superuser' }, 'role', 'isIn'],
      ['a department that is not an id', { claimValue: 'g', role: 'department_lead', departmentId: 'MSO' }, 'departmentId', 'isUuid'],
      ['a department lead without a department', { claimValue: 'g', role: 'department_lead' }, 'departmentId', 'leadDepartmentRequired'],
      [
        'a department lead with an unknown department',
        { claimValue: 'g', role: 'department_lead', departmentId: UNKNOWN_ID },
        'departmentId',
        'unknownReference',
      ],
      ['an unknown field', { claimValue: 'g', role: 'viewer', priority: 1 }, 'priority', 'whitelistValidation'],
    ];
    it.each(cases)('rejects %s with 400 on that field, and adds nothing', async (_, body, field, code) => {
      const response = await t.post(URL, body);
      expectInvalidFields(response, [field]);
      expect(fieldCodes(response)[field]).toContain(code);
      expect(await mappingCount()).toBe(0);
    });

    it.each<UserRole>(['admin', 'management', 'viewer'])('rejects a department on a %s mapping with 400 departmentOnlyForLead', async (role) => {
      const department = await make.department();
      const response = await t.post(URL, { claimValue: 'g', role, departmentId: department.id });
      expectInvalidFields(response, ['departmentId']);
      expect(fieldCodes(response)['departmentId']).toEqual(['departmentOnlyForLead']);
      expect(await mappingCount()).toBe(0);
    });

    it('rejects a deactivated department for a new mapping with 400 inactiveDepartment', async () => {
      const department = await make.department();
      expect((await t.patch(`/api/departments/${department.id}`, { active: false })).status).toBe(200);
      const response = await t.post(URL, { claimValue: 'g', role: 'department_lead', departmentId: department.id });
      expectInvalidFields(response, ['departmentId']);
      expect(fieldCodes(response)['departmentId']).toEqual(['inactiveDepartment']);
    });

    it('answers 409 unique for a mapping that exists already, compared as sign-in compares them (case and spaces ignored)', async () => {
      const department = await make.department();
      await create({ claimValue: 'SG-Fremdrift-MSO', unitConstraint: 'Enhed-1', role: 'department_lead', departmentId: department.id });
      const response = await t.post(URL, { claimValue: 'sg-fremdrift-mso ', unitConstraint: 'ENHED-1', role: 'department_lead', departmentId: department.id });
      expectProblem(response, 409);
      expect(response.body.code).toBe('unique');
      expect(fieldCodes(response)).toEqual({ claimValue: ['unique'] });
      expect(await mappingCount()).toBe(1);
    });

    it('allows the same value with another role, unit or department', async () => {
      const [one, two] = [await make.department(), await make.department()];
      await create({ claimValue: 'SG-Ledere', role: 'department_lead', departmentId: one.id });
      await create({ claimValue: 'SG-Ledere', role: 'department_lead', departmentId: two.id });
      await create({ claimValue: 'SG-Ledere', role: 'viewer' });
      await create({ claimValue: 'SG-Ledere', unitConstraint: 'enhed', role: 'viewer' });
      expect(await mappingCount()).toBe(4);
    });
  });

  describe('changing', () => {
    it('changes the fields sent and keeps the others, with a new version', async () => {
      const department = await make.department();
      const created = await create({ claimValue: 'SG-A', unitConstraint: 'enhed', role: 'department_lead', departmentId: department.id, description: 'Før' });
      const response = await t.patch(`${URL}/${created.id}`, { claimValue: 'SG-B', description: null }, { ifMatch: created.version });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...created, claimValue: 'SG-B', description: null, version: created.version + 1 });
      expect(response.headers['etag']).toBe(`"${created.version + 1}"`);
    });

    it('drops the department when a lead mapping becomes another role, and needs one when another role becomes lead', async () => {
      const department = await make.department();
      const lead = await create({ claimValue: 'SG-A', role: 'department_lead', departmentId: department.id });
      const viewer = await t.patch(`${URL}/${lead.id}`, { role: 'viewer' }, { ifMatch: lead.version });
      expect(viewer.status).toBe(200);
      expect(viewer.body).toMatchObject({ role: 'viewer', department: null });

      const withoutDepartment = await t.patch(`${URL}/${lead.id}`, { role: 'department_lead' }, { ifMatch: viewer.body.version });
      expectInvalidFields(withoutDepartment, ['departmentId']);
      expect(fieldCodes(withoutDepartment)['departmentId']).toEqual(['leadDepartmentRequired']);
      const withDepartment = await t.patch(`${URL}/${lead.id}`, { role: 'department_lead', departmentId: department.id }, { ifMatch: viewer.body.version });
      expect(withDepartment.status).toBe(200);
      expect(withDepartment.body.department.id).toBe(department.id);
    });

    it('keeps a department that was deactivated after the mapping was made, but does not allow moving to one', async () => {
      const [kept, other] = [await make.department(), await make.department()];
      const mapping = await create({ claimValue: 'SG-A', role: 'department_lead', departmentId: kept.id });
      for (const department of [kept, other]) expect((await t.patch(`/api/departments/${department.id}`, { active: false })).status).toBe(200);
      const renamed = await t.patch(`${URL}/${mapping.id}`, { description: 'Stadig gyldig' }, { ifMatch: mapping.version });
      expect(renamed.status).toBe(200);
      const moved = await t.patch(`${URL}/${mapping.id}`, { departmentId: other.id }, { ifMatch: renamed.body.version });
      expectInvalidFields(moved, ['departmentId']);
      expect(fieldCodes(moved)['departmentId']).toEqual(['inactiveDepartment']);
    });

    it('answers 409 staleVersion with the current mapping when it changed since it was read, and changes nothing', async () => {
      const created = await create({ claimValue: 'SG-A', role: 'viewer' });
      expect((await t.patch(`${URL}/${created.id}`, { role: 'management' }, { ifMatch: created.version })).status).toBe(200);
      const stale = await t.patch(`${URL}/${created.id}`, { role: 'admin' }, { ifMatch: created.version });
      expectProblem(stale, 409);
      expect(stale.body).toMatchObject({ code: 'staleVersion', current: { id: created.id, role: 'management', version: created.version + 1 } });
      const staleDelete = await t.delete(`${URL}/${created.id}`, { ifMatch: created.version });
      expectProblem(staleDelete, 409);
      expect(staleDelete.body.code).toBe('staleVersion');
      expect(await mappingCount()).toBe(1);
    });

    it('answers 428 without If-Match and 400 with one that is no ETag', async () => {
      const created = await create({ claimValue: 'SG-A', role: 'viewer' });
      expectProblem(await t.patch(`${URL}/${created.id}`, { role: 'admin' }), 428);
      expectProblem(await t.delete(`${URL}/${created.id}`), 428);
      expectInvalidFields(await t.patch(`${URL}/${created.id}`, { role: 'admin' }, { ifMatch: 'yesterday' }), ['If-Match']);
    });

    it('answers 409 unique when a change makes it equal to another mapping', async () => {
      await create({ claimValue: 'SG-A', role: 'viewer' });
      const other = await create({ claimValue: 'SG-B', role: 'viewer' });
      const response = await t.patch(`${URL}/${other.id}`, { claimValue: 'sg-a' }, { ifMatch: other.version });
      expectProblem(response, 409);
      expect(response.body.code).toBe('unique');
    });

    it('rejects invalid fields in a change with 400 per field', async () => {
      const created = await create({ claimValue: 'SG-A', role: 'viewer' });
      const response = await t.patch(`${URL}/${created.id}`, { claimValue: null, role: 'owner', unitConstraint: 7 }, { ifMatch: created.version });
      expectInvalidFields(response, ['claimValue', 'role', 'unitConstraint']);
      expect(fieldCodes(response)).toMatchObject({ claimValue: expect.arrayContaining(['isString']), role: ['isIn'] });
    });

    it('answers 404 for an unknown mapping and 400 for an id that is no UUID', async () => {
      expectProblem(await t.patch(`${URL}/${UNKNOWN_ID}`, { role: 'viewer' }, { ifMatch: 1 }), 404);
      expectProblem(await t.delete(`${URL}/${UNKNOWN_ID}`, { ifMatch: 1 }), 404);
      expectProblem(await t.patch(`${URL}/not-an-id`, { role: 'viewer' }, { ifMatch: 1 }), 400);
    });

    it('removes a mapping', async () => {
      const created = await create({ claimValue: 'SG-A', role: 'viewer' });
      const response = await t.delete(`${URL}/${created.id}`, { ifMatch: created.version });
      expect(response.status).toBe(204);
      expect((await t.get(URL)).body).toEqual([]);
    });
  });

  describe('access', () => {
    it.each<UserRole>(['management', 'department_lead', 'viewer'])('refuses a %s with 403 on every route, and changes nothing', async (role) => {
      const created = await create({ claimValue: 'SG-A', role: 'viewer' });
      const client = await t.signedIn(role);
      expectProblem(await client.get(URL), 403);
      expectProblem(await client.post(URL, { claimValue: 'SG-B', role: 'admin' }), 403);
      expectProblem(await client.patch(`${URL}/${created.id}`, { role: 'admin' }, { ifMatch: created.version }), 403);
      expectProblem(await client.delete(`${URL}/${created.id}`, { ifMatch: created.version }), 403);
      expect((await t.get(URL)).body).toEqual([created]);
    });

    it('refuses anyone without a session with 401', async () => {
      expectProblem(await t.anonymous.get(URL), 401);
      expectProblem(await t.anonymous.post(URL, { claimValue: 'SG-B', role: 'admin' }), 401);
    });
  });
});
