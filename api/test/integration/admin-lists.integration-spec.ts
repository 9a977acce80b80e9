import { randomBytes } from 'node:crypto';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import type { Factories } from '../support/factories';
import { initiativeWriter } from '../support/initiative-setting';
import { type TestApp, useTestApp } from '../support/test-app';

/** The admin's lists: departments (renamed, reordered, deactivated and reactivated) and delay causes. */
describe('Admin lists: departments and delay causes', () => {
  let t: TestApp;
  let make: Factories;
  const { patch } = initiativeWriter(() => t);
  useTestApp((started) => ({ t, make } = started));

  /** Delay causes outlive a reset (the municipality's list comes with the schema): codes unique to this run. */
  const tag = randomBytes(3).toString('hex');
  let causeNumber = 0;
  const causeCode = () => `test_${tag}_${++causeNumber}`;

  describe('departments', () => {
    it('creates a department as active, and renames, reorders, deactivates and reactivates it', async () => {
      const created = await t.post('/api/departments', { code: 'MTM', name: 'Teknik og Miljø', sortOrder: 3 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'MTM', name: 'Teknik og Miljø', sortOrder: 3, active: true });

      const renamed = await t.patch(`/api/departments/${created.body.id}`, { name: 'Teknik & Miljø', sortOrder: 1 });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Teknik & Miljø', sortOrder: 1, active: true });

      const deactivated = await t.patch(`/api/departments/${created.body.id}`, { active: false });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.active).toBe(false);
      expect((await t.get(`/api/departments/${created.body.id}`)).body.active).toBe(false);

      const reactivated = await t.patch(`/api/departments/${created.body.id}`, { active: true });
      expect(reactivated.body.active).toBe(true);
    });

    it('lists departments in their order, inactive ones included', async () => {
      const second = await make.department({ code: 'BBB', name: 'Anden', sortOrder: 2 });
      const first = await make.department({ code: 'AAA', name: 'Første', sortOrder: 1 });
      await t.patch(`/api/departments/${first.id}`, { active: false });
      const list = await t.get('/api/departments');
      expect(list.body.items.map((d: { code: string; active: boolean }) => [d.code, d.active])).toEqual([
        ['AAA', false],
        ['BBB', true],
      ]);
      expect(second.active).toBe(true);
    });

    it('rejects invalid changes with 400 and a code per field, and changes nothing', async () => {
      const department = await make.department();
      const before = await t.rowCounts();
      const response = await t.patch(`/api/departments/${department.id}`, { active: 'no', sortOrder: -1, name: '', code: 'lower' });
      expectInvalidFields(response, ['active', 'code', 'name', 'sortOrder']);
      expect(fieldCodes(response)['active']).toEqual(['isBoolean']);
      expect(fieldCodes(response)['sortOrder']).toEqual(['min']);
      expect(fieldCodes(response)['code']).toContain('matches');
      expect((await t.patch(`/api/departments/${department.id}`, { active: null })).status).toBe(400);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/departments/${department.id}`)).body).toMatchObject({ name: department.name, active: true });
    });

    it('refuses a rename to a name in use with 409', async () => {
      await make.department({ name: 'Børn og Unge' });
      const other = await make.department();
      expectProblem(await t.patch(`/api/departments/${other.id}`, { name: 'Børn og Unge' }), 409);
    });

    it('keeps changes to departments to admins (403)', async () => {
      const department = await make.department();
      const lead = await t.signedIn('department_lead', [department.id]);
      const management = await t.signedIn('management');
      for (const client of [lead, management]) {
        expectProblem(await client.post('/api/departments', { code: 'NEW', name: 'Ny afdeling' }), 403);
        expectProblem(await client.patch(`/api/departments/${department.id}`, { active: false }), 403);
        expectProblem(await client.patch(`/api/departments/${department.id}`, { sortOrder: 5 }), 403);
      }
      expect((await t.get(`/api/departments/${department.id}`)).body.active).toBe(true);
    });

    it('still refuses to delete a deactivated department that is used (409), and keeps it on the initiative', async () => {
      const { department, initiative } = await make.world();
      await t.patch(`/api/departments/${department.id}`, { active: false });
      expectProblem(await t.delete(`/api/departments/${department.id}`), 409);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.leadDepartment).toMatchObject({ id: department.id });
    });
  });

  describe('an inactive department on initiatives', () => {
    const deactivate = (id: string) => t.patch(`/api/departments/${id}`, { active: false });

    it('cannot lead or take part in a new initiative', async () => {
      const plan = await make.plan();
      const active = await make.department();
      const inactive = await make.department();
      await deactivate(inactive.id);
      const before = await t.rowCounts();

      const asLead = await t.post('/api/initiatives', { title: 'Nyt initiativ', actionPlanId: plan.id, leadDepartmentId: inactive.id });
      expectInvalidFields(asLead, ['leadDepartmentId']);
      expect(fieldCodes(asLead)).toEqual({ leadDepartmentId: ['inactiveDepartment'] });

      const asParticipant = await t.post('/api/initiatives', {
        title: 'Nyt initiativ',
        actionPlanId: plan.id,
        leadDepartmentId: active.id,
        participatingDepartmentIds: [inactive.id],
      });
      expect(fieldCodes(asParticipant)).toEqual({ participatingDepartmentIds: ['inactiveDepartment'] });
      expect(await t.rowCounts()).toEqual(before);
    });

    it('cannot be chosen when an initiative changes, but stays on it while other fields change', async () => {
      const { department: lead, initiative } = await make.world();
      const participant = await make.department();
      const newcomer = await make.department();
      expect((await patch(initiative.id, { participatingDepartmentIds: [participant.id] })).status).toBe(200);
      for (const d of [lead, participant, newcomer]) await deactivate(d.id);

      // The departments it has already stay, deactivated or not.
      const unchanged = await patch(initiative.id, { title: 'Nyt navn', leadDepartmentId: lead.id, participatingDepartmentIds: [participant.id] });
      expect(unchanged.status).toBe(200);
      expect(unchanged.body.leadDepartment.id).toBe(lead.id);

      const added = await patch(initiative.id, { participatingDepartmentIds: [participant.id, newcomer.id] });
      expect(fieldCodes(added)).toEqual({ participatingDepartmentIds: ['inactiveDepartment'] });

      const handedOver = await patch(initiative.id, { leadDepartmentId: newcomer.id });
      expect(fieldCodes(handedOver)).toEqual({ leadDepartmentId: ['inactiveDepartment'] });

      const reactivated = await t.patch(`/api/departments/${newcomer.id}`, { active: true });
      expect(reactivated.status).toBe(200);
      expect((await patch(initiative.id, { leadDepartmentId: newcomer.id })).status).toBe(200);
    });

    it('cannot be given to a new user, nor added to a user, but stays with a user who has it', async () => {
      const kept = await make.department();
      const inactive = await make.department();
      const user = (
        await t.post('/api/users', {
          email: `leder-${tag}@example.dk`,
          displayName: 'Mette Holm',
          role: 'department_lead',
          departmentIds: [kept.id],
          password: 'en-lang-adgangskode',
        })
      ).body;
      await deactivate(kept.id);
      await deactivate(inactive.id);

      const created = await t.post('/api/users', {
        email: `ny-${tag}@example.dk`,
        displayName: 'Ny Leder',
        role: 'department_lead',
        departmentIds: [inactive.id],
        password: 'en-lang-adgangskode',
      });
      expect(fieldCodes(created)).toEqual({ departmentIds: ['inactiveDepartment'] });

      expect(fieldCodes(await t.patch(`/api/users/${user.id}`, { departmentIds: [kept.id, inactive.id] }))).toEqual({ departmentIds: ['inactiveDepartment'] });
      expect((await t.patch(`/api/users/${user.id}`, { displayName: 'Mette H. Holm', departmentIds: [kept.id] })).status).toBe(200);
    });
  });

  describe('delay causes', () => {
    it('adds a cause at the end of its order, renames it in both languages, reorders, deactivates and reactivates it', async () => {
      const code = causeCode();
      const created = await t.post('/api/delay-causes', { code, labelDa: 'Vejret', labelEn: 'Weather', sortOrder: 90 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code, labelDa: 'Vejret', labelEn: 'Weather', sortOrder: 90, active: true });

      const renamed = await t.patch(`/api/delay-causes/${created.body.id}`, { labelDa: 'Vejrlig', labelEn: 'Weather conditions', sortOrder: 91 });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ labelDa: 'Vejrlig', labelEn: 'Weather conditions', sortOrder: 91 });

      expect((await t.patch(`/api/delay-causes/${created.body.id}`, { active: false })).body.active).toBe(false);
      const listed = (await t.get('/api/delay-causes')).body.find((cause: { id: string }) => cause.id === created.body.id);
      expect(listed).toMatchObject({ active: false, labelDa: 'Vejrlig' });
      expect((await t.patch(`/api/delay-causes/${created.body.id}`, { active: true })).body.active).toBe(true);
    });

    it('lists causes by their order', async () => {
      const later = await t.post('/api/delay-causes', { code: causeCode(), labelDa: 'Senere', labelEn: 'Later', sortOrder: 99 });
      const earlier = await t.post('/api/delay-causes', { code: causeCode(), labelDa: 'Tidligere', labelEn: 'Earlier', sortOrder: 98 });
      const ids = (await t.get('/api/delay-causes')).body.map((cause: { id: string }) => cause.id);
      expect(ids.indexOf(earlier.body.id)).toBeLessThan(ids.indexOf(later.body.id));
    });

    it('rejects an invalid cause with 400 and a code per field', async () => {
      const response = await t.post('/api/delay-causes', { code: 'Not Valid', labelDa: '', labelEn: 'x'.repeat(500), sortOrder: 1.5 });
      expectInvalidFields(response, ['code', 'labelDa', 'labelEn', 'sortOrder']);
      expect(fieldCodes(response)['code']).toContain('matches');
      expect(fieldCodes(response)['sortOrder']).toContain('isInt');

      const cause = (await t.post('/api/delay-causes', { code: causeCode(), labelDa: 'Årsag', labelEn: 'Cause' })).body;
      const update = await t.patch(`/api/delay-causes/${cause.id}`, { active: 'yes', labelEn: '' });
      expectInvalidFields(update, ['active', 'labelEn']);
      expect(fieldCodes(update)['active']).toEqual(['isBoolean']);
    });

    it('keeps changes to delay causes to admins (403)', async () => {
      const cause = (await t.post('/api/delay-causes', { code: causeCode(), labelDa: 'Årsag', labelEn: 'Cause' })).body;
      const management = await t.signedIn('management');
      expectProblem(await management.post('/api/delay-causes', { code: causeCode(), labelDa: 'Årsag', labelEn: 'Cause' }), 403);
      expectProblem(await management.patch(`/api/delay-causes/${cause.id}`, { active: false }), 403);
      expect((await management.get('/api/delay-causes')).status).toBe(200);
    });
  });
});
