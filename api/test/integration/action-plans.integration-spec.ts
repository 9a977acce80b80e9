import { LIMITS } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldCodes, fieldMessages } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const PLAN_KEYS = [
  'archived',
  'archivedAt',
  'coCreationDate',
  'coCreationMethod',
  'createdAt',
  'description',
  'escalationGraceDays',
  'goals',
  'id',
  'initiativeCount',
  'leadsPublishDirectly',
  'participants',
  'reminderDaysBefore',
  'remindersEnabled',
  'reportingPeriod',
  'title',
  'updatedAt',
];
const GOAL_KEYS = ['actionPlanId', 'description', 'id', 'sortOrder', 'title'];
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Action plans API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  describe('plans', () => {
    it('creates a plan with every field and answers with the full plan shape', async () => {
      const created = await t.post('/api/action-plans', {
        title: '  Flygtningehandleplan 2016  ',
        description: 'Samskabt med borgere og foreninger.',
        coCreationDate: '2016-03-15',
        coCreationMethod: 'Design Thinking',
        participants: { citizens: 35, volunteers: 25, companies: 15, civilSociety: 20, staff: 25 },
        goals: [{ title: 'Et sundt og aktivt liv', description: 'Motion og trivsel' }, { title: 'Uddannelse og job' }],
      });
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toContain('application/json');
      expect(Object.keys(created.body).sort()).toEqual(PLAN_KEYS);
      expect(created.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Flygtningehandleplan 2016',
        description: 'Samskabt med borgere og foreninger.',
        coCreationDate: '2016-03-15',
        coCreationMethod: 'Design Thinking',
        participants: { citizens: 35, volunteers: 25, companies: 15, civilSociety: 20, staff: 25 },
        initiativeCount: 0,
        createdAt: expect.stringMatching(ISO_DATE_TIME),
        updatedAt: expect.stringMatching(ISO_DATE_TIME),
      });
      expect(created.body.goals).toHaveLength(2);
      for (const goal of created.body.goals) {
        expect(Object.keys(goal).sort()).toEqual(GOAL_KEYS);
        expect(goal.actionPlanId).toBe(created.body.id);
      }
      expect(created.body.goals.map((g: { title: string; sortOrder: number; description: string }) => [g.title, g.sortOrder, g.description])).toEqual([
        ['Et sundt og aktivt liv', 0, 'Motion og trivsel'],
        ['Uddannelse og job', 1, ''],
      ]);

      const read = await t.get(`/api/action-plans/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    });

    it('fills in defaults for a plan given only a title', async () => {
      const created = await t.post('/api/action-plans', { title: 'Klimahandleplan' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Klimahandleplan',
        description: '',
        coCreationDate: null,
        coCreationMethod: '',
        participants: { citizens: 0, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
        goals: [],
        initiativeCount: 0,
      });
      expect(await t.rowCounts()).toMatchObject({ action_plan: 1, goal: 0 });
    });

    it('stores co-creation participants per group and updates one group without touching the others', async () => {
      const plan = await make.plan({ participants: { citizens: 35, companies: 15 } });
      expect(plan.participants).toEqual({ citizens: 35, volunteers: 0, companies: 15, civilSociety: 0, staff: 0 });

      const updated = await t.patch(`/api/action-plans/${plan.id}`, { participants: { civilSociety: 20, staff: 25 } });
      expect(updated.status).toBe(200);
      expect(updated.body.participants).toEqual({ citizens: 35, volunteers: 0, companies: 15, civilSociety: 20, staff: 25 });

      const [row] = await t.dataSource.query(
        `SELECT participants_citizens, participants_volunteers, participants_companies, participants_civil_society, participants_staff
           FROM action_plan WHERE id = $1`,
        [plan.id],
      );
      expect(row).toEqual({
        participants_citizens: 35,
        participants_volunteers: 0,
        participants_companies: 15,
        participants_civil_society: 20,
        participants_staff: 25,
      });
    });

    it('accepts the limits themselves: shortest and longest title, zero and maximum participants', async () => {
      const shortest = await t.post('/api/action-plans', {
        title: 'x'.repeat(LIMITS.title.min),
        participants: { citizens: 0, volunteers: LIMITS.participants.max },
        coCreationMethod: 'm'.repeat(LIMITS.coCreationMethod.max),
      });
      expect(shortest.status).toBe(201);
      expect(shortest.body.participants.volunteers).toBe(LIMITS.participants.max);
      const longest = await t.post('/api/action-plans', { title: 'y'.repeat(LIMITS.title.max), description: 'd'.repeat(LIMITS.longText.max) });
      expect(longest.status).toBe(201);
      expect(longest.body.title).toHaveLength(LIMITS.title.max);
    });

    it('lists plans newest co-creation first, undated last, then by title, with paging and a total', async () => {
      await make.plan({ title: 'Udateret plan', coCreationDate: null });
      await make.plan({ title: 'Plan B 2016', coCreationDate: '2016-03-15' });
      await make.plan({ title: 'Plan A 2016', coCreationDate: '2016-03-15' });
      await make.plan({ title: 'Plan 2020', coCreationDate: '2020-05-01' });

      const all = await t.get('/api/action-plans');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: LIMITS.pageSize.default });
      expect(all.body.items.map((p: { title: string }) => p.title)).toEqual(['Plan 2020', 'Plan A 2016', 'Plan B 2016', 'Udateret plan']);
      expect(Object.keys(all.body.items[0]).sort()).toEqual(PLAN_KEYS);

      const second = await t.get('/api/action-plans?page=2&pageSize=3');
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.body.items.map((p: { title: string }) => p.title)).toEqual(['Udateret plan']);

      const beyond = await t.get('/api/action-plans?page=3&pageSize=3');
      expect(beyond.body).toMatchObject({ total: 4, page: 3, items: [] });
    });

    it('pages plans with several goals each without losing or repeating plans', async () => {
      for (let i = 0; i < 5; i++) {
        await make.plan({ title: `Plan ${i}`, goals: [{ title: 'Mål et' }, { title: 'Mål to' }, { title: 'Mål tre' }] });
      }
      const first = await t.get('/api/action-plans?page=1&pageSize=2');
      const second = await t.get('/api/action-plans?page=2&pageSize=2');
      const third = await t.get('/api/action-plans?page=3&pageSize=2');
      const titles = [first, second, third].flatMap((r) => r.body.items.map((p: { title: string }) => p.title));
      expect(titles).toEqual(['Plan 0', 'Plan 1', 'Plan 2', 'Plan 3', 'Plan 4']);
      for (const response of [first, second, third]) {
        expect(response.body.total).toBe(5);
        for (const plan of response.body.items) expect(plan.goals).toHaveLength(3);
      }
    });

    it('counts the initiatives of each plan in the plan and in the list', async () => {
      const department = await make.department();
      const busy = await make.plan({ title: 'Travl plan' });
      const idle = await make.plan({ title: 'Stille plan' });
      await make.initiative({ actionPlanId: busy.id, leadDepartmentId: department.id });
      await make.initiative({ actionPlanId: busy.id, leadDepartmentId: department.id });

      expect((await t.get(`/api/action-plans/${busy.id}`)).body.initiativeCount).toBe(2);
      expect((await t.get(`/api/action-plans/${idle.id}`)).body.initiativeCount).toBe(0);
      const list = await t.get('/api/action-plans');
      const counts = Object.fromEntries(list.body.items.map((p: { title: string; initiativeCount: number }) => [p.title, p.initiativeCount]));
      expect(counts).toEqual({ 'Travl plan': 2, 'Stille plan': 0 });
    });

    it('updates only the fields sent and can clear the co-creation date', async () => {
      const plan = await make.plan({ title: 'Gammel titel', description: 'Beskrivelse', coCreationDate: '2016-03-15', coCreationMethod: 'Workshop' });
      const updated = await t.patch(`/api/action-plans/${plan.id}`, { title: '  Ny titel ', coCreationDate: null });
      expect(updated.status).toBe(200);
      expect(Object.keys(updated.body).sort()).toEqual(PLAN_KEYS);
      expect(updated.body).toMatchObject({
        id: plan.id,
        title: 'Ny titel',
        description: 'Beskrivelse',
        coCreationDate: null,
        coCreationMethod: 'Workshop',
        goals: plan.goals,
        createdAt: plan.createdAt,
      });
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(updated.body);
    });

    it('deletes a plan without initiatives together with its goals', async () => {
      const plan = await make.plan({ goals: [{ title: 'Mål et' }, { title: 'Mål to' }] });
      const other = await make.plan();
      expect(await t.rowCounts()).toMatchObject({ action_plan: 2, goal: 3 });

      const deleted = await t.delete(`/api/action-plans/${plan.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expect(await t.rowCounts()).toMatchObject({ action_plan: 1, goal: 1 });
      expect((await t.get(`/api/action-plans/${plan.id}`)).status).toBe(404);
      expect((await t.get(`/api/action-plans/${other.id}`)).body.goals).toHaveLength(1);
    });

    it('refuses to delete a plan that has initiatives with 409 and keeps plan, goals and initiatives', async () => {
      const { plan, initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.delete(`/api/action-plans/${plan.id}`);
      expectProblem(response, 409);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body.initiativeCount).toBe(1);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).status).toBe(200);
    });
  });

  describe('plan validation and conflicts', () => {
    it('rejects values of the wrong type with a message per field and stores nothing', async () => {
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', {
        title: 42,
        description: ['tekst'],
        coCreationDate: 20160315,
        coCreationMethod: false,
        participants: { citizens: '35', volunteers: 2.5, companies: [15], civilSociety: true, staff: {} },
        goals: 'Et sundt og aktivt liv',
      });
      expectInvalidFields(response, [
        'title',
        'description',
        'coCreationDate',
        'coCreationMethod',
        'participants.citizens',
        'participants.volunteers',
        'participants.companies',
        'participants.civilSociety',
        'participants.staff',
        'goals',
      ]);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects participants and goals that are not objects', async () => {
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/action-plans', { title: 'Handleplan', participants: 5 }), ['participants']);
      expectInvalidFields(await t.post('/api/action-plans', { title: 'Handleplan', goals: ['Mål'] }), ['goals.0']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects lengths and numbers outside the limits and stores nothing', async () => {
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', {
        title: 'x'.repeat(LIMITS.title.min - 1),
        description: 'd'.repeat(LIMITS.longText.max + 1),
        coCreationMethod: 'm'.repeat(LIMITS.coCreationMethod.max + 1),
        participants: { citizens: -1, volunteers: LIMITS.participants.max + 1 },
      });
      expectInvalidFields(response, ['title', 'description', 'coCreationMethod', 'participants.citizens', 'participants.volunteers']);

      const tooLong = await t.post('/api/action-plans', { title: 't'.repeat(LIMITS.title.max + 1) });
      expectInvalidFields(tooLong, ['title']);
      const blank = await t.post('/api/action-plans', { title: '     ' });
      expectInvalidFields(blank, ['title']);
      const missing = await t.post('/api/action-plans', {});
      expectInvalidFields(missing, ['title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it.each(['2026-02-30', '2026-13-01', '2026-1-5', '15-03-2016', '2016-03-15T00:00:00Z', ''])('rejects the co-creation date %p', async (coCreationDate) => {
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/action-plans', { title: 'Handleplan', coCreationDate }), ['coCreationDate']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('accepts a leap day as a co-creation date', async () => {
      const created = await t.post('/api/action-plans', { title: 'Skudårsplan', coCreationDate: '2016-02-29' });
      expect(created.status).toBe(201);
      expect(created.body.coCreationDate).toBe('2016-02-29');
    });

    it('rejects unknown fields, also inside participants and goals, and stores nothing', async () => {
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', {
        title: 'Handleplan',
        id: UNKNOWN_ID,
        initiativeCount: 3,
        participants: { citizens: 1, refugees: 4 },
        goals: [{ title: 'Et mål', actionPlanId: UNKNOWN_ID }],
      });
      expectInvalidFields(response, ['id', 'initiativeCount', 'participants.refugees', 'goals.0.actionPlanId']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('creates nothing when one goal of a new plan is invalid', async () => {
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', {
        title: 'Handleplan med fejl',
        goals: [
          { title: 'Et gyldigt mål' },
          { title: 'ab', sortOrder: LIMITS.position.max + 1 },
          { title: 'Endnu et mål', description: 'd'.repeat(LIMITS.longText.max + 1) },
        ],
      });
      expectInvalidFields(response, ['goals.1.title', 'goals.1.sortOrder', 'goals.2.description']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rolls back the whole plan when its goals clash in the database', async () => {
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', {
        title: 'Handleplan med dubletter',
        goals: [{ title: 'Et sundt liv' }, { title: 'Job' }, { title: '  Et sundt liv ' }],
      });
      expectProblem(response, 409);
      expect(fieldMessages(response)).toEqual({ title: [expect.stringContaining('unique')] });
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get('/api/action-plans')).body.total).toBe(0);
    });

    it(`rejects more than 50 goals in one plan`, async () => {
      const before = await t.rowCounts();
      const goals = Array.from({ length: 51 }, (_, i) => ({ title: `Mål nummer ${i}` }));
      expectInvalidFields(await t.post('/api/action-plans', { title: 'For mange mål', goals }), ['goals']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects a duplicate plan title with 409 naming the field', async () => {
      await make.plan({ title: 'Flygtningehandleplan 2016' });
      const before = await t.rowCounts();
      const response = await t.post('/api/action-plans', { title: ' Flygtningehandleplan 2016 ', goals: [{ title: 'Et nyt mål' }] });
      expectProblem(response, 409);
      expect(fieldMessages(response)).toEqual({ title: [expect.stringContaining('unique')] });
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects renaming a plan to the title of another with 409 and leaves both unchanged', async () => {
      const first = await make.plan({ title: 'Første plan' });
      const second = await make.plan({ title: 'Anden plan' });
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${second.id}`, { title: 'Første plan' });
      expectProblem(response, 409);
      expect(fieldMessages(response)).toEqual({ title: [expect.stringContaining('unique')] });
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${second.id}`)).body.title).toBe('Anden plan');
      expect((await t.get(`/api/action-plans/${first.id}`)).body.title).toBe('Første plan');
    });

    it('rejects an invalid update with a message per field and changes nothing', async () => {
      const plan = await make.plan({ title: 'Uændret plan', participants: { staff: 4 } });
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${plan.id}`, {
        title: 'ab',
        coCreationDate: '2026-02-30',
        participants: { staff: -4, citizens: 'mange' },
      });
      expectInvalidFields(response, ['title', 'coCreationDate', 'participants.staff', 'participants.citizens']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(plan);
    });

    it('does not take goals or unknown fields in a plan update', async () => {
      const plan = await make.plan();
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${plan.id}`, { goals: [{ title: 'Snigende mål' }], initiativeCount: 9 });
      expectInvalidFields(response, ['goals', 'initiativeCount']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(plan);
    });

    it.each([
      ['a title of null in an update', 'PATCH', { title: null }, 'title'],
      ['a description of null in an update', 'PATCH', { description: null }, 'description'],
      ['a co-creation method of null in an update', 'PATCH', { coCreationMethod: null }, 'coCreationMethod'],
      ['participants of null in an update', 'PATCH', { participants: null }, 'participants'],
      ['a participant count of null in an update', 'PATCH', { participants: { citizens: null } }, 'participants.citizens'],
      ['a participant count of null in a new plan', 'POST', { title: 'Plan med nul', participants: { companies: null } }, 'participants.companies'],
      ['a description of null in a new plan', 'POST', { title: 'Plan uden beskrivelse', description: null }, 'description'],
    ])('rejects %s with a message on that field and changes nothing', async (_, method, body, field) => {
      const plan = await make.plan({ title: 'Plan med titel', participants: { citizens: 7, companies: 3 } });
      const before = await t.rowCounts();
      const response = method === 'PATCH' ? await t.patch(`/api/action-plans/${plan.id}`, body) : await t.post('/api/action-plans', body);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(plan);
      expectInvalidFields(response, [field]);
    });

    it('answers 404 for an unknown plan and 400 for a malformed id', async () => {
      const before = await t.rowCounts();
      const missing = await t.get(`/api/action-plans/${UNKNOWN_ID}`);
      expectProblem(missing, 404);
      expect(missing.body.detail).toContain(UNKNOWN_ID);
      expectProblem(await t.patch(`/api/action-plans/${UNKNOWN_ID}`, { title: 'Ny titel' }), 404);
      expectProblem(await t.delete(`/api/action-plans/${UNKNOWN_ID}`), 404);
      for (const response of [
        await t.get('/api/action-plans/not-a-uuid'),
        await t.patch('/api/action-plans/not-a-uuid', { title: 'Ny titel' }),
        await t.delete('/api/action-plans/not-a-uuid'),
        await t.get('/api/action-plans/not-a-uuid/goals'),
      ]) {
        expectInvalidFields(response, ['id']);
        expect(fieldMessages(response)).toEqual({ id: ['id must be a UUID'] });
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects bad paging and a body that is not JSON', async () => {
      const paging = await t.get(`/api/action-plans?page=0&pageSize=${LIMITS.pageSize.max + 1}`);
      expectInvalidFields(paging, ['page', 'pageSize']);
      expectInvalidFields(await t.get('/api/action-plans?page=abc'), ['page']);
      const before = await t.rowCounts();
      expectProblem(await t.send('POST', '/api/action-plans', '{"title":', 'application/json'), 400);
      expectProblem(await t.send('POST', '/api/action-plans', 'title=Plan', 'application/x-www-form-urlencoded'), 415);
      expect(await t.rowCounts()).toEqual(before);
    });
  });

  describe('archive', () => {
    it('archives a plan and brings it back, keeping the first archive date while archived', async () => {
      const plan = await make.plan();
      expect(plan).toMatchObject({ archived: false, archivedAt: null });

      const archived = await t.patch(`/api/action-plans/${plan.id}`, { archived: true });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.stringMatching(ISO_DATE_TIME), title: plan.title });

      const again = await t.patch(`/api/action-plans/${plan.id}`, { archived: true, description: 'Afsluttet' });
      expect(again.body).toMatchObject({ archived: true, archivedAt: archived.body.archivedAt, description: 'Afsluttet' });

      const untouched = await t.patch(`/api/action-plans/${plan.id}`, { description: 'Stadig arkiveret' });
      expect(untouched.body).toMatchObject({ archived: true, archivedAt: archived.body.archivedAt });

      const restored = await t.patch(`/api/action-plans/${plan.id}`, { archived: false });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ archived: false, archivedAt: null });
    });

    it('rejects an archive flag that is not a boolean', async () => {
      const plan = await make.plan();
      expectInvalidFields(await t.patch(`/api/action-plans/${plan.id}`, { archived: 'yes' }), ['archived']);
      expectInvalidFields(await t.patch(`/api/action-plans/${plan.id}`, { archived: null }), ['archived']);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(plan);
    });

    it('lists the plans in use by default and the archived ones on request', async () => {
      const current = await make.plan({ title: 'Aktiv plan' });
      const old = await make.plan({ title: 'Gammel plan' });
      await t.patch(`/api/action-plans/${old.id}`, { archived: true });

      const byDefault = await t.get('/api/action-plans');
      expect(byDefault.body.items.map((p: { id: string }) => p.id)).toEqual([current.id]);
      expect(byDefault.body.total).toBe(1);
      expect((await t.get('/api/action-plans?archived=false')).body.items.map((p: { id: string }) => p.id)).toEqual([current.id]);

      const archived = await t.get('/api/action-plans?archived=true');
      expect(archived.body.items.map((p: { id: string }) => p.id)).toEqual([old.id]);
      expect(archived.body.total).toBe(1);

      expectInvalidFields(await t.get('/api/action-plans?archived=maybe'), ['archived']);
    });

    it('gives an archived plan no new initiatives, but keeps and lets its initiatives be edited', async () => {
      const department = await make.department();
      const plan = await make.plan();
      const other = await make.plan();
      const kept = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      await t.patch(`/api/action-plans/${plan.id}`, { archived: true });
      const before = await t.rowCounts();

      const refused = await t.post('/api/initiatives', { title: 'For sent', actionPlanId: plan.id, leadDepartmentId: department.id });
      expectInvalidFields(refused, ['actionPlanId']);
      expect(fieldCodes(refused)).toEqual({ actionPlanId: ['archivedPlan'] });
      expect(await t.rowCounts()).toEqual(before);

      const elsewhere = await make.initiative({ actionPlanId: other.id, leadDepartmentId: department.id });
      const moved = await t.patch(`/api/initiatives/${elsewhere.id}`, { actionPlanId: plan.id }, { ifMatch: elsewhere.version });
      expect(fieldCodes(moved)).toEqual({ actionPlanId: ['archivedPlan'] });

      const edited = await t.patch(`/api/initiatives/${kept.id}`, { summary: 'Stadig i gang' }, { ifMatch: kept.version });
      expect(edited.status).toBe(200);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body.initiativeCount).toBe(1);

      await t.patch(`/api/action-plans/${plan.id}`, { archived: false });
      expect((await t.post('/api/initiatives', { title: 'Igen', actionPlanId: plan.id, leadDepartmentId: department.id })).status).toBe(201);
    });

    it('lets management write plans and goals, and refuses leads and viewers with 403', async () => {
      const department = await make.department();
      const plan = await make.plan();
      const management = await t.signedIn('management');
      const created = await management.post('/api/action-plans', { title: 'Ledelsens plan', goals: [{ title: 'Mål' }] });
      expect(created.status).toBe(201);
      expect((await management.patch(`/api/action-plans/${plan.id}`, { archived: true })).status).toBe(200);
      expect((await management.post(`/api/action-plans/${plan.id}/goals`, { title: 'Nyt mål' })).status).toBe(201);

      for (const client of [await t.signedIn('department_lead', [department.id]), await t.signedIn('viewer')]) {
        const before = await t.rowCounts();
        expectProblem(await client.post('/api/action-plans', { title: 'Ikke tilladt' }), 403);
        expectProblem(await client.patch(`/api/action-plans/${plan.id}`, { archived: false }), 403);
        expectProblem(await client.post(`/api/action-plans/${plan.id}/goals`, { title: 'Ikke tilladt' }), 403);
        expectProblem(await client.delete(`/api/action-plans/${created.body.id}`), 403);
        expect(await t.rowCounts()).toEqual(before);
        expect((await client.get('/api/action-plans?archived=true')).status).toBe(200);
      }
    });
  });

  describe('goals', () => {
    it('lists, creates, updates and deletes the goals of a plan', async () => {
      const plan = await make.plan({ goals: [{ title: 'Første mål' }] });

      const created = await t.post(`/api/action-plans/${plan.id}/goals`, { title: '  Andet mål ', description: 'Om job' });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(GOAL_KEYS);
      expect(created.body).toEqual({ id: expect.any(String), actionPlanId: plan.id, title: 'Andet mål', description: 'Om job', sortOrder: 1 });

      const list = await t.get(`/api/action-plans/${plan.id}/goals`);
      expect(list.status).toBe(200);
      expect(list.body.map((g: { title: string }) => g.title)).toEqual(['Første mål', 'Andet mål']);

      const updated = await t.patch(`/api/action-plans/${plan.id}/goals/${created.body.id}`, { title: 'Andet mål, revideret', sortOrder: 0 });
      expect(updated.status).toBe(200);
      expect(updated.body).toEqual({ ...created.body, title: 'Andet mål, revideret', sortOrder: 0 });
      expect((await t.get(`/api/action-plans/${plan.id}`)).body.goals.map((g: { title: string }) => g.title)).toEqual(['Andet mål, revideret', 'Første mål']);

      const deleted = await t.delete(`/api/action-plans/${plan.id}/goals/${created.body.id}`);
      expect(deleted.status).toBe(204);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body.map((g: { title: string }) => g.title)).toEqual(['Første mål']);
      expect(await t.rowCounts()).toMatchObject({ action_plan: 1, goal: 1 });
    });

    it('orders goals by sort order, then by title', async () => {
      const plan = await make.plan({
        goals: [
          { title: 'Bolig', sortOrder: 1 },
          { title: 'Arbejde', sortOrder: 1 },
          { title: 'Sundhed', sortOrder: 0 },
        ],
      });
      const expected = ['Sundhed', 'Arbejde', 'Bolig'];
      expect(plan.goals.map((g: { title: string }) => g.title)).toEqual(expected);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body.map((g: { title: string }) => g.title)).toEqual(expected);
    });

    it('orders goals with Danish letters the same way in the plan and in its goal list', async () => {
      const plan = await make.plan({
        goals: [{ title: 'Åbne rum' }, { title: 'Ældre' }, { title: 'Økonomi' }, { title: 'Zoner' }].map((g) => ({ ...g, sortOrder: 0 })),
      });
      const danish = ['Zoner', 'Ældre', 'Økonomi', 'Åbne rum'];
      expect(plan.goals.map((g: { title: string }) => g.title)).toEqual(danish);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body.map((g: { title: string }) => g.title)).toEqual(danish);
    });

    it('rejects a duplicate goal title within a plan with 409 but allows it in another plan', async () => {
      const plan = await make.plan({ goals: [{ title: 'Et sundt og aktivt liv' }] });
      const other = await make.plan({ goals: [] });
      const before = await t.rowCounts();
      const duplicate = await t.post(`/api/action-plans/${plan.id}/goals`, { title: ' Et sundt og aktivt liv ' });
      expectProblem(duplicate, 409);
      expect(fieldMessages(duplicate)).toEqual({ title: [expect.stringContaining('unique')] });
      expect(await t.rowCounts()).toEqual(before);

      const elsewhere = await t.post(`/api/action-plans/${other.id}/goals`, { title: 'Et sundt og aktivt liv' });
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.actionPlanId).toBe(other.id);
    });

    it('rejects renaming a goal to the title of a sibling with 409 and keeps its name', async () => {
      const plan = await make.plan({ goals: [{ title: 'Mål A' }, { title: 'Mål B' }] });
      const goalB = plan.goals.find((g: { title: string }) => g.title === 'Mål B');
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${plan.id}/goals/${goalB.id}`, { title: 'Mål A' });
      expectProblem(response, 409);
      expect(fieldMessages(response)).toEqual({ title: [expect.stringContaining('unique')] });
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body.map((g: { title: string }) => g.title)).toEqual(['Mål A', 'Mål B']);
    });

    it('rejects an invalid goal with a message per field and stores nothing', async () => {
      const plan = await make.plan();
      const before = await t.rowCounts();
      const wrongTypes = await t.post(`/api/action-plans/${plan.id}/goals`, { title: 7, description: 8, sortOrder: '1' });
      expectInvalidFields(wrongTypes, ['title', 'description', 'sortOrder']);
      const outOfRange = await t.post(`/api/action-plans/${plan.id}/goals`, {
        title: 'g'.repeat(LIMITS.title.max + 1),
        description: 'd'.repeat(LIMITS.longText.max + 1),
        sortOrder: LIMITS.position.min - 1,
      });
      expectInvalidFields(outOfRange, ['title', 'description', 'sortOrder']);
      expectInvalidFields(await t.post(`/api/action-plans/${plan.id}/goals`, { title: 'ok mål', sortOrder: 1.5 }), ['sortOrder']);
      expectInvalidFields(await t.post(`/api/action-plans/${plan.id}/goals`, { title: 'ok mål', actionPlanId: plan.id, id: UNKNOWN_ID }), [
        'actionPlanId',
        'id',
      ]);
      expectInvalidFields(await t.post(`/api/action-plans/${plan.id}/goals`, {}), ['title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an invalid goal update and leaves the goal as it was', async () => {
      const plan = await make.plan({ goals: [{ title: 'Fast mål', description: 'Uændret' }] });
      const goal = plan.goals[0];
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${plan.id}/goals/${goal.id}`, {
        title: '  ',
        sortOrder: LIMITS.position.max + 1,
        actionPlanId: UNKNOWN_ID,
      });
      expectInvalidFields(response, ['title', 'sortOrder', 'actionPlanId']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body).toEqual([goal]);
    });

    it.each([
      ['title', { title: null }],
      ['sortOrder', { sortOrder: null }],
    ])('rejects a goal update setting %s to null with a message on that field and changes nothing', async (field, body) => {
      const plan = await make.plan({ goals: [{ title: 'Fast mål', sortOrder: 3 }] });
      const goal = plan.goals[0];
      const before = await t.rowCounts();
      const response = await t.patch(`/api/action-plans/${plan.id}/goals/${goal.id}`, body);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}/goals`)).body).toEqual([goal]);
      expectInvalidFields(response, [field]);
    });

    it('answers 404 for goals of an unknown plan and for an unknown goal', async () => {
      const plan = await make.plan();
      const before = await t.rowCounts();
      expectProblem(await t.get(`/api/action-plans/${UNKNOWN_ID}/goals`), 404);
      expectProblem(await t.post(`/api/action-plans/${UNKNOWN_ID}/goals`, { title: 'Forældreløst mål' }), 404);
      expectProblem(await t.patch(`/api/action-plans/${UNKNOWN_ID}/goals/${plan.goals[0].id}`, { title: 'Nyt navn' }), 404);
      expectProblem(await t.delete(`/api/action-plans/${UNKNOWN_ID}/goals/${plan.goals[0].id}`), 404);
      expectProblem(await t.patch(`/api/action-plans/${plan.id}/goals/${UNKNOWN_ID}`, { title: 'Nyt navn' }), 404);
      expectProblem(await t.delete(`/api/action-plans/${plan.id}/goals/${UNKNOWN_ID}`), 404);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body).toEqual(plan);
    });

    it('answers 400 naming the parameter for a malformed goal id', async () => {
      const plan = await make.plan();
      const before = await t.rowCounts();
      for (const response of [
        await t.patch(`/api/action-plans/${plan.id}/goals/not-a-uuid`, { title: 'Nyt navn' }),
        await t.delete(`/api/action-plans/${plan.id}/goals/not-a-uuid`),
      ]) {
        expectInvalidFields(response, ['goalId']);
        expect(fieldMessages(response)).toEqual({ goalId: ['goalId must be a UUID'] });
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    it('answers 404 for a goal addressed through another plan and leaves that goal alone', async () => {
      const mine = await make.plan({ title: 'Min plan' });
      const theirs = await make.plan({ title: 'Deres plan', goals: [{ title: 'Deres mål', description: 'Urørt' }] });
      const theirGoal = theirs.goals[0];
      const before = await t.rowCounts();

      expectProblem(await t.patch(`/api/action-plans/${mine.id}/goals/${theirGoal.id}`, { title: 'Kapret mål' }), 404);
      expectProblem(await t.delete(`/api/action-plans/${mine.id}/goals/${theirGoal.id}`), 404);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/action-plans/${theirs.id}/goals`)).body).toEqual([theirGoal]);
      expect((await t.get(`/api/action-plans/${mine.id}/goals`)).body.map((g: { title: string }) => g.title)).toEqual(
        mine.goals.map((g: { title: string }) => g.title),
      );
    });

    it('keeps the initiatives of a deleted goal in the plan without a goal', async () => {
      const department = await make.department();
      const plan = await make.plan({ goals: [{ title: 'Mål der fjernes' }, { title: 'Mål der bliver' }] });
      const [removed, kept] = plan.goals;
      const orphan = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { goalId: removed.id });
      const sibling = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { goalId: kept.id });

      expect((await t.delete(`/api/action-plans/${plan.id}/goals/${removed.id}`)).status).toBe(204);

      const orphanNow = await t.get(`/api/initiatives/${orphan.id}`);
      expect(orphanNow.status).toBe(200);
      expect(orphanNow.body).toMatchObject({ actionPlanId: plan.id, goalId: null });
      expect((await t.get(`/api/initiatives/${sibling.id}`)).body.goalId).toBe(kept.id);
      expect((await t.get(`/api/action-plans/${plan.id}`)).body.initiativeCount).toBe(2);
    });
  });
});
