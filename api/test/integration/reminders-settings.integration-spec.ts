import { expectInvalidFields } from '../support/expectations';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

describe('The reporting cycle’s settings', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  describe('on an action plan', () => {
    it('defaults to reminders on, 5 days before the period ends, escalation 3 days after', async () => {
      const plan = await make.plan();
      expect(plan).toMatchObject({ remindersEnabled: true, reminderDaysBefore: 5, escalationGraceDays: 3 });
    });

    it('are set on create and changed on update', async () => {
      const plan = await make.plan({ remindersEnabled: false, reminderDaysBefore: 10, escalationGraceDays: 0 });
      expect(plan).toMatchObject({ remindersEnabled: false, reminderDaysBefore: 10, escalationGraceDays: 0 });
      const updated = await t.patch(`/api/action-plans/${plan.id}`, { remindersEnabled: true, escalationGraceDays: 7 });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ remindersEnabled: true, reminderDaysBefore: 10, escalationGraceDays: 7 });
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toMatchObject({ remindersEnabled: true, reminderDaysBefore: 10, escalationGraceDays: 7 });
    });

    it('answers 400 per field for values out of range or of the wrong type', async () => {
      const plan = await make.plan();
      const response = await t.patch(`/api/action-plans/${plan.id}`, { remindersEnabled: null, reminderDaysBefore: 0, escalationGraceDays: 28 });
      expectInvalidFields(response, ['remindersEnabled', 'reminderDaysBefore', 'escalationGraceDays']);
      expect(response.body.errors.reminderDaysBefore[0]).toMatchObject({ code: 'min', params: { min: 1 } });
      expect(response.body.errors.escalationGraceDays[0]).toMatchObject({ code: 'max', params: { max: 27 } });
      expectInvalidFields(await t.post('/api/action-plans', { title: 'Ny plan', reminderDaysBefore: 2.5 }), ['reminderDaysBefore']);
    });
  });

  describe('the department’s management contact', () => {
    it('is set in lower case, cleared with null or an empty string, and shown in the list', async () => {
      const department = await make.department({ managementContactEmail: ' Ledelse@Kommune.DK ' });
      expect(department.managementContactEmail).toBe('ledelse@kommune.dk');
      expect((await make.department()).managementContactEmail).toBeNull();
      const listed = (await t.get('/api/departments')).body.items.find((d: { id: string }) => d.id === department.id);
      expect(listed.managementContactEmail).toBe('ledelse@kommune.dk');
      expect((await t.patch(`/api/departments/${department.id}`, { managementContactEmail: '' })).body.managementContactEmail).toBeNull();
      expect((await t.patch(`/api/departments/${department.id}`, { managementContactEmail: 'sekretariat@kommune.dk' })).body.managementContactEmail).toBe(
        'sekretariat@kommune.dk',
      );
      expect((await t.patch(`/api/departments/${department.id}`, { managementContactEmail: null })).body.managementContactEmail).toBeNull();
    });

    it('answers 400 for something that is not an e-mail address', async () => {
      const department = await make.department();
      for (const managementContactEmail of ['ikke en adresse', 42, `${'a'.repeat(250)}@x.dk`]) {
        const response = await t.patch(`/api/departments/${department.id}`, { managementContactEmail });
        expectInvalidFields(response, ['managementContactEmail']);
      }
    });
  });
});
