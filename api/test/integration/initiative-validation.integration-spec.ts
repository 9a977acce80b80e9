import { LIMITS } from '@fremdrift/contracts';
import { expectInvalidFields, fieldMessages } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { initiativeWriter, ref, setting, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * Refusal of invalid input to initiatives: every invalid field, reference, date and id is answered with 400 (or 404 for
 * an id that does not exist) naming what is wrong, and nothing is stored or changed.
 */
describe('Initiatives API: refusal of invalid input and unknown ids', () => {
  let t: TestApp;
  let make: Factories;
  const { patch, remove } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));

  describe('validation', () => {
    it('rejects an invalid initiative with a message per field and stores nothing', async () => {
      await setting(make);
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', {
        actionPlanId: 'plan',
        goalId: 'goal',
        title: 'ab',
        leadDepartmentId: 42,
        participatingDepartmentIds: ['nope'],
        status: 'done',
        health: 'green',
        startDate: '01-02-2026',
        targetDate: 'soon',
        published: 'yes',
      });
      expectInvalidFields(response, [
        'actionPlanId',
        'goalId',
        'health',
        'leadDepartmentId',
        'participatingDepartmentIds',
        'published',
        'startDate',
        'status',
        'targetDate',
        'title',
      ]);
      expect(fieldMessages(response).title).toEqual([expect.any(String)]);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('requires plan, title and lead department on create', async () => {
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/initiatives', {}), ['actionPlanId', 'leadDepartmentId', 'title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('enforces the text limits of the contracts, after trimming the title', async () => {
      const { plan, lead } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const before = await t.rowCounts();
      expectInvalidFields(
        await t.post('/api/initiatives', {
          ...refs,
          title: 'x'.repeat(LIMITS.title.max + 1),
          summary: 'x'.repeat(LIMITS.summary.max + 1),
          description: 'x'.repeat(LIMITS.longText.max + 1),
          ownerName: 'x'.repeat(LIMITS.ownerName.max + 1),
          publicSummary: 'x'.repeat(LIMITS.summary.max + 1),
          internalNotes: 'x'.repeat(LIMITS.longText.max + 1),
        }),
        ['description', 'internalNotes', 'ownerName', 'publicSummary', 'summary', 'title'],
      );
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, title: `  ${'x'.repeat(LIMITS.title.min - 1)}  ` }), ['title']);
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, title: '     ' }), ['title']);
      expect(await t.rowCounts()).toEqual(before);

      const atLimits = await t.post('/api/initiatives', {
        ...refs,
        title: 'x'.repeat(LIMITS.title.max),
        summary: 'x'.repeat(LIMITS.summary.max),
        description: 'x'.repeat(LIMITS.longText.max),
        ownerName: 'x'.repeat(LIMITS.ownerName.max),
        publicSummary: 'x'.repeat(LIMITS.summary.max),
        internalNotes: 'x'.repeat(LIMITS.longText.max),
      });
      expect(atLimits.status).toBe(201);
    });

    it('rejects unknown fields, including computed and server-owned ones, on create and update', async () => {
      const { plan, department: lead, initiative } = await make.world();
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Med ekstra', colour: 'red' }), [
        'colour',
      ]);
      expectInvalidFields(await patch(initiative.id, { progress: 1, version: 7, id: UNKNOWN_ID }), ['id', 'progress', 'version']);
      expectInvalidFields(await patch(initiative.id, { leadDepartment: { id: lead.id } }), ['leadDepartment']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(initiative);
    });

    it('rejects null on PATCH for a field that cannot be empty with 400 naming the field, and changes nothing', async () => {
      const { initiative } = await make.world();
      const fields = ['title', 'summary', 'ownerName', 'status', 'health', 'published', 'leadDepartmentId', 'actionPlanId'];
      const results: Record<string, unknown> = {};
      for (const field of fields) {
        const response = await patch(initiative.id, { [field]: null });
        results[field] = { status: response.status, errors: Object.keys(response.body.errors ?? {}) };
      }
      expect(results).toEqual(Object.fromEntries(fields.map((field) => [field, { status: 400, errors: [field] }])));
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(initiative);
    });

    it('rejects null on create for an optional field that cannot be empty with 400 naming the field, never 500', async () => {
      const { plan, department } = await make.world();
      const before = await t.rowCounts();
      const fields = ['participatingDepartmentIds', 'summary', 'description', 'status', 'health', 'published'];
      const results: Record<string, unknown> = {};
      for (const field of fields) {
        const response = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: department.id, title: 'Med null', [field]: null });
        results[field] = { status: response.status, errors: Object.keys(response.body.errors ?? {}) };
      }
      expect(results).toEqual(Object.fromEntries(fields.map((field) => [field, { status: 400, errors: [field] }])));
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects references to a plan, lead or participating department that does not exist, on their fields', async () => {
      const { plan, lead } = await setting(make);
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', {
        actionPlanId: UNKNOWN_ID,
        leadDepartmentId: UNKNOWN_ID,
        participatingDepartmentIds: [UNKNOWN_ID],
        title: 'Ingen steder',
      });
      expectInvalidFields(response, ['actionPlanId', 'leadDepartmentId', 'participatingDepartmentIds']);
      expect(response.body.errors.actionPlanId[0]).toMatchObject({ code: 'unknownReference', message: expect.stringContaining('does not exist') });

      expectInvalidFields(await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: UNKNOWN_ID, title: 'Ingen' }), ['leadDepartmentId']);
      expectInvalidFields(
        await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, participatingDepartmentIds: [UNKNOWN_ID], title: 'Ingen' }),
        ['participatingDepartmentIds'],
      );
      expect(await t.rowCounts()).toEqual(before);

      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id });
      const afterCreate = await t.rowCounts();
      expectInvalidFields(await patch(created.id, { actionPlanId: UNKNOWN_ID }), ['actionPlanId']);
      expectInvalidFields(await patch(created.id, { leadDepartmentId: UNKNOWN_ID }), ['leadDepartmentId']);
      expectInvalidFields(await patch(created.id, { participatingDepartmentIds: [UNKNOWN_ID] }), ['participatingDepartmentIds']);
      expect(await t.rowCounts()).toEqual(afterCreate);
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);
    });

    it('accepts ids of existing records in upper case, as UUIDs are case-insensitive', async () => {
      const { plan, goals, lead, other } = await setting(make);
      const response = await t.post('/api/initiatives', {
        actionPlanId: plan.id.toUpperCase(),
        goalId: goals[0].id.toUpperCase(),
        leadDepartmentId: lead.id.toUpperCase(),
        participatingDepartmentIds: [other.id.toUpperCase()],
        title: 'Store bogstaver',
      });
      expect(response.status).toBe(201);
      expect(response.body.leadDepartment).toEqual(ref(lead));
      expect(response.body.participatingDepartments).toEqual([ref(other)]);
      expect(response.body.goalId).toBe(goals[0].id);
    });

    it('rejects a goal that does not exist or belongs to another plan, on create and update', async () => {
      const { plan, goals, lead } = await setting(make);
      const otherPlan = await make.plan();
      const before = await t.rowCounts();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, title: 'Ukendt mål', goalId: UNKNOWN_ID }), ['goalId']);
      const foreign = await t.post('/api/initiatives', { ...refs, title: 'Fremmed mål', goalId: otherPlan.goals[0].id });
      expectInvalidFields(foreign, ['goalId']);
      expect(fieldMessages(foreign).goalId).toEqual(['goalId must be a goal of the initiative’s action plan']);
      expect(await t.rowCounts()).toEqual(before);

      const created = await make.initiative(refs, { goalId: goals[0].id });
      expectInvalidFields(await patch(created.id, { goalId: otherPlan.goals[0].id }), ['goalId']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body.goalId).toBe(goals[0].id);
      const moved = await patch(created.id, { goalId: goals[1].id });
      expect(moved.status).toBe(200);
      expect(moved.body.goalId).toBe(goals[1].id);
    });

    it('rejects the lead department as a participating department, however it gets there', async () => {
      const { plan, lead, other, third } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', { ...refs, title: 'Dobbelt', participatingDepartmentIds: [other.id, lead.id] });
      expectInvalidFields(response, ['participatingDepartmentIds']);
      expect(fieldMessages(response).participatingDepartmentIds).toEqual(['the lead department cannot also be a participating department']);
      expect(await t.rowCounts()).toEqual(before);

      const created = await make.initiative(refs, { participatingDepartmentIds: [other.id] });
      // Adding the lead to the participants.
      expectInvalidFields(await patch(created.id, { participatingDepartmentIds: [lead.id] }), ['participatingDepartmentIds']);
      // Making a participant the lead while it stays a participant.
      expectInvalidFields(await patch(created.id, { leadDepartmentId: other.id }), ['participatingDepartmentIds']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);

      // Swapping the roles in one request is fine.
      const swapped = await patch(created.id, { leadDepartmentId: other.id, participatingDepartmentIds: [lead.id, third.id] });
      expect(swapped.status).toBe(200);
      expect(swapped.body.leadDepartment).toEqual(ref(other));
      expect(swapped.body.participatingDepartments).toEqual([ref(lead), ref(third)]);
    });

    it('rejects duplicate and too many participating departments', async () => {
      const { plan, lead, other } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'For mange' };
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: [other.id, other.id] }), ['participatingDepartmentIds']);
      const many = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: many }), ['participatingDepartmentIds']);
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: other.id }), ['participatingDepartmentIds']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects a target date before the start date, also when only one of them is changed', async () => {
      const { plan, lead } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', { ...refs, title: 'Baglæns', startDate: '2026-06-01', targetDate: '2026-05-31' });
      expectInvalidFields(response, ['targetDate']);
      expect(fieldMessages(response).targetDate).toEqual(['targetDate must be on or after startDate']);
      expect(await t.rowCounts()).toEqual(before);

      const created = await make.initiative(refs, { startDate: '2026-03-01', targetDate: '2026-09-01' });
      expectInvalidFields(await patch(created.id, { targetDate: '2026-02-28' }), ['targetDate']);
      expectInvalidFields(await patch(created.id, { startDate: '2026-09-02' }), ['targetDate']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);

      const sameDay = await patch(created.id, { startDate: '2026-09-01' });
      expect(sameDay.status).toBe(200);
      expect(sameDay.body).toMatchObject({ startDate: '2026-09-01', targetDate: '2026-09-01' });
      // Without a start date any target date goes.
      const open = await patch(created.id, { startDate: null, targetDate: '2020-01-01' });
      expect(open.status).toBe(200);
    });

    it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-2-3', '02/03/2026', '2026-02-03T00:00:00Z'])(
      'rejects the impossible or malformed date %s',
      async (date) => {
        const { plan, department: lead, initiative } = await make.world();
        const before = await t.rowCounts();
        expectInvalidFields(await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Dato', startDate: date }), [
          'startDate',
        ]);
        expectInvalidFields(await patch(initiative.id, { targetDate: date }), ['targetDate']);
        expect(await t.rowCounts()).toEqual(before);
      },
    );

    it('accepts 29 February in a leap year', async () => {
      const { plan, department: lead } = await make.world();
      const response = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Skudår', targetDate: '2028-02-29' });
      expect(response.status).toBe(201);
      expect(response.body.targetDate).toBe('2028-02-29');
    });
  });

  describe('unknown and malformed ids', () => {
    it('answers 404 for an unknown id on get, patch and delete, and changes nothing', async () => {
      await make.world();
      const before = await t.rowCounts();
      const get = await t.get(`/api/initiatives/${UNKNOWN_ID}`);
      expect(get.status).toBe(404);
      expect(get.headers['content-type']).toContain('application/problem+json');
      expect(get.body.detail).toContain(UNKNOWN_ID);
      expect((await patch(UNKNOWN_ID, { title: 'Findes ikke' })).status).toBe(404);
      expect((await remove(UNKNOWN_ID)).status).toBe(404);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('answers 400 naming the id for a malformed id on get, patch and delete', async () => {
      for (const response of [
        await t.get('/api/initiatives/not-a-uuid'),
        await t.patch('/api/initiatives/not-a-uuid', { title: 'Noget' }, { ifMatch: 1 }),
        await t.delete('/api/initiatives/not-a-uuid', { ifMatch: 1 }),
      ]) {
        expectInvalidFields(response, ['id']);
        expect(fieldMessages(response)).toEqual({ id: ['id must be a UUID'] });
      }
    });
  });
});
