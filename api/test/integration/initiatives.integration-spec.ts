import { LIMITS } from '@fremdrift/contracts';
import { Clock } from '../../src/core/clock/clock';
import { expectInvalidFields } from '../support/expectations';
import { factories, UNKNOWN_ID } from '../support/factories';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app';

/** "Today" in the municipality for every request of this file: schedule figures never depend on the real date. */
const TODAY = '2026-07-02';

interface Ref {
  id: string;
  code: string;
  name: string;
}

const ref = (department: Ref): Ref => ({ id: department.id, code: department.code, name: department.name });
const titles = (response: TestResponse): string[] => response.body.items.map((item: { title: string }) => item.title);
const codes = (departments: Ref[]): string[] => departments.map((department) => department.code);


describe('Initiatives API', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  beforeEach(async () => {
    await t.reset();
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T10:00:00Z`));
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A plan with two goals and three departments: the starting point of most tests. */
  async function setting() {
    const plan = await make.plan({ goals: [{ title: 'Flere i job' }, { title: 'Et sundt og aktivt liv' }] });
    const lead = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg', sortOrder: 1 });
    const other = await make.department({ code: 'MBU', name: 'Børn og Unge', sortOrder: 2 });
    const third = await make.department({ code: 'MKB', name: 'Kultur og Borgerservice', sortOrder: 3 });
    return { plan, goals: plan.goals as { id: string; title: string }[], lead, other, third };
  }

  /** The version a client would send back in If-Match: the current one, or 1 for an initiative that does not exist. */
  const currentVersion = async (id: string): Promise<number> => {
    const response = await t.get(`/api/initiatives/${id}`);
    return response.status === 200 ? response.body.version : 1;
  };
  /** PATCH as a client that has just read the initiative. */
  const patch = async (id: string, body: unknown) => t.patch(`/api/initiatives/${id}`, body, { ifMatch: await currentVersion(id) });
  /** DELETE as a client that has just read the initiative. */
  const remove = async (id: string) => t.delete(`/api/initiatives/${id}`, { ifMatch: await currentVersion(id) });

  const participantCodes = async (id: string): Promise<string[]> => {
    const response = await t.get(`/api/initiatives/${id}`);
    expect(response.status).toBe(200);
    return codes(response.body.participatingDepartments);
  };

  describe('create, read, update and delete', () => {
    it('creates an initiative and returns the full representation, which GET returns unchanged', async () => {
      const { plan, goals, lead, other } = await setting();
      const created = await t.post('/api/initiatives', {
        actionPlanId: plan.id,
        goalId: goals[0].id,
        title: '  Sprogpraktik i lokale virksomheder  ',
        summary: 'Praktik med sprogstøtte',
        description: 'Lang beskrivelse',
        leadDepartmentId: lead.id,
        participatingDepartmentIds: [other.id],
        ownerName: 'Mette Holm',
        status: 'in_progress',
        health: 'at_risk',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        published: true,
        publicSummary: 'Til borgerne',
        internalNotes: 'Kun internt',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        actionPlanId: plan.id,
        goalId: goals[0].id,
        title: 'Sprogpraktik i lokale virksomheder',
        summary: 'Praktik med sprogstøtte',
        description: 'Lang beskrivelse',
        leadDepartment: { id: lead.id, code: 'MSO', name: 'Sundhed og Omsorg' },
        participatingDepartments: [{ id: other.id, code: 'MBU', name: 'Børn og Unge' }],
        ownerName: 'Mette Holm',
        status: 'in_progress',
        health: 'at_risk',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        published: true,
        publicSummary: 'Til borgerne',
        internalNotes: 'Kun internt',
        publicProposal: null,
        // In progress without milestones counts as half done; 182 of 364 days have passed on 2 July.
        progress: 0.5,
        expectedProgress: 0.5,
        suggestedHealth: 'on_track',
        milestoneCount: 0,
        completedMilestoneCount: 0,
        overdueMilestoneCount: 0,
        nextMilestone: null,
        // Running since 1 January with nothing reported: January's report is 152 days late on 2 July.
        reporting: {
          state: 'overdue',
          period: 'monthly',
          periodStart: '2026-07-01',
          periodEnd: '2026-07-31',
          lastReportedPeriodEnd: null,
          daysOverdue: 152,
        },
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect(Number.isNaN(Date.parse(created.body.createdAt))).toBe(false);

      const fetched = await t.get(`/api/initiatives/${created.body.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('fills in defaults for every optional field', async () => {
      const { plan, lead } = await setting();
      const created = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Åbne haller' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        goalId: null,
        summary: '',
        description: '',
        participatingDepartments: [],
        ownerName: '',
        status: 'planned',
        health: 'on_track',
        startDate: null,
        targetDate: null,
        published: false,
        publicSummary: '',
        internalNotes: '',
        progress: 0,
        expectedProgress: null,
        overdueMilestoneCount: 0,
        milestoneCount: 0,
        nextMilestone: null,
        version: 1,
      });
    });

    it('lists summaries with the same figures as the detail, without description, public summary or internal notes', async () => {
      const { plan, lead, other } = await setting();
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { participatingDepartmentIds: [other.id], description: 'Intern beskrivelse', publicSummary: 'Offentlig', internalNotes: 'Hemmelig' },
      );
      const list = await t.get('/api/initiatives');
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: LIMITS.pageSize.default });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { description, publicSummary, internalNotes, publicProposal, ...summary } = created;
      expect(list.body.items).toEqual([summary]);
    });

    it('updates the given fields only, returns the new state and increases the version with every change', async () => {
      const { plan, lead } = await setting();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { summary: 'Uændret', ownerName: 'Ole' });
      await t.dataSource.query(`UPDATE initiative SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $1`, [created.id]);

      const first = await patch(created.id, { title: 'Nyt navn', published: true });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ title: 'Nyt navn', published: true, summary: 'Uændret', ownerName: 'Ole', version: 2 });
      expect(Date.parse(first.body.updatedAt)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
      expect(first.body.createdAt).toBe(created.createdAt);

      const second = await patch(created.id, { status: 'on_hold', health: 'off_track' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ title: 'Nyt navn', status: 'on_hold', health: 'off_track', version: 3 });

      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(second.body);
    });

    it('increases the version and the update time when only the participating departments change', async () => {
      const { plan, lead, other } = await setting();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id });
      await t.dataSource.query(`UPDATE initiative SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $1`, [created.id]);
      const updated = await patch(created.id, { participatingDepartmentIds: [other.id] });
      expect(updated.status).toBe(200);
      expect(codes(updated.body.participatingDepartments)).toEqual(['MBU']);
      expect({ version: updated.body.version, updatedAt: updated.body.updatedAt }).toEqual({
        version: created.version + 1,
        updatedAt: expect.not.stringMatching(/^2020-01-01/),
      });
    });

    it('clears the goal and the dates with null', async () => {
      const { plan, goals, lead } = await setting();
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { goalId: goals[1].id, startDate: '2026-01-01', targetDate: '2026-06-30' },
      );
      const updated = await patch(created.id, { goalId: null, startDate: null, targetDate: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ goalId: null, startDate: null, targetDate: null, expectedProgress: null });
    });

    it('deletes an initiative: 204 without a body, then 404, and it leaves the list', async () => {
      const { plan, lead } = await setting();
      const keep = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Bliver' });
      const gone = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Forsvinder' });
      const deleted = await remove(gone.id);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expect((await t.get(`/api/initiatives/${gone.id}`)).status).toBe(404);
      expect((await t.get(`/api/initiatives/${keep.id}`)).status).toBe(200);
      expect(titles(await t.get('/api/initiatives'))).toEqual(['Bliver']);
    });
  });

  describe('participating departments', () => {
    it('REGRESSION: list and detail return each initiative its own participating departments when departments are shared', async () => {
      const plan = await make.plan();
      const lead = await make.department({ code: 'LED', sortOrder: 0 });
      const x = await make.department({ code: 'XXX', sortOrder: 1 });
      const y = await make.department({ code: 'YYY', sortOrder: 2 });
      const z = await make.department({ code: 'ZZZ', sortOrder: 3 });
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const a = await make.initiative(refs, { title: 'Initiativ A', participatingDepartmentIds: [x.id, y.id] });
      const b = await make.initiative(refs, { title: 'Initiativ B', participatingDepartmentIds: [y.id, z.id] });
      const c = await make.initiative(refs, { title: 'Initiativ C', participatingDepartmentIds: [x.id] });
      const d = await make.initiative(refs, { title: 'Initiativ D' });

      const expected: Record<string, Ref[]> = {
        'Initiativ A': [ref(x), ref(y)],
        'Initiativ B': [ref(y), ref(z)],
        'Initiativ C': [ref(x)],
        'Initiativ D': [],
      };

      const list = await t.get('/api/initiatives');
      expect(list.status).toBe(200);
      expect(titles(list)).toEqual(Object.keys(expected));
      for (const item of list.body.items) expect(item.participatingDepartments).toEqual(expected[item.title]);

      for (const initiative of [a, b, c, d]) {
        const detail = await t.get(`/api/initiatives/${initiative.id}`);
        expect(detail.body.participatingDepartments).toEqual(expected[initiative.title]);
        expect(detail.body.leadDepartment).toEqual(ref(lead));
      }

      // Also when the page holds only some of the initiatives.
      const page = await t.get('/api/initiatives?page=2&pageSize=2');
      expect(page.body.items.map((item: { participatingDepartments: Ref[] }) => item.participatingDepartments)).toEqual([
        expected['Initiativ C'],
        expected['Initiativ D'],
      ]);
    });

    it('orders participating departments by the departments’ sort order, not by the order given', async () => {
      const plan = await make.plan();
      const lead = await make.department();
      const last = await make.department({ code: 'AAA', name: 'Aaa', sortOrder: 9 });
      const first = await make.department({ code: 'ZZZ', name: 'Zzz', sortOrder: 1 });
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { participatingDepartmentIds: [last.id, first.id] },
      );
      expect(codes(created.participatingDepartments)).toEqual(['ZZZ', 'AAA']);
      expect(codes((await t.get('/api/initiatives')).body.items[0].participatingDepartments)).toEqual(['ZZZ', 'AAA']);
    });

    it('replaces the participating departments on PATCH, keeps them when not mentioned, and removes them with []', async () => {
      const { plan, lead, other, third } = await setting();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { participatingDepartmentIds: [other.id] });

      const replaced = await patch(created.id, { participatingDepartmentIds: [third.id] });
      expect(replaced.status).toBe(200);
      expect(codes(replaced.body.participatingDepartments)).toEqual(['MKB']);

      const untouched = await patch(created.id, { title: 'Andet navn' });
      expect(codes(untouched.body.participatingDepartments)).toEqual(['MKB']);

      const emptied = await patch(created.id, { participatingDepartmentIds: [] });
      expect(emptied.status).toBe(200);
      expect(emptied.body.participatingDepartments).toEqual([]);
      expect((await t.rowCounts()).initiative_department).toBe(0);
    });
  });

  describe('filters', () => {
    /** MSO leads A and takes part in C; MBU leads C and takes part in A and B; MKB leads B. */
    async function departmentsWorld() {
      const s = await setting();
      const a = await make.initiative({ actionPlanId: s.plan.id, leadDepartmentId: s.lead.id }, { title: 'Initiativ A', participatingDepartmentIds: [s.other.id] });
      const b = await make.initiative({ actionPlanId: s.plan.id, leadDepartmentId: s.third.id }, { title: 'Initiativ B', participatingDepartmentIds: [s.other.id] });
      const c = await make.initiative({ actionPlanId: s.plan.id, leadDepartmentId: s.other.id }, { title: 'Initiativ C', participatingDepartmentIds: [s.lead.id] });
      return { ...s, a, b, c };
    }

    it('filters by department id as lead, as participant or in any role (the default)', async () => {
      const { lead, other, third } = await departmentsWorld();
      expect(titles(await t.get(`/api/initiatives?department=${lead.id}`))).toEqual(['Initiativ A', 'Initiativ C']);
      expect(titles(await t.get(`/api/initiatives?department=${lead.id}&departmentRole=any`))).toEqual(['Initiativ A', 'Initiativ C']);
      expect(titles(await t.get(`/api/initiatives?department=${lead.id}&departmentRole=lead`))).toEqual(['Initiativ A']);
      expect(titles(await t.get(`/api/initiatives?department=${lead.id}&departmentRole=participating`))).toEqual(['Initiativ C']);
      expect(titles(await t.get(`/api/initiatives?department=${other.id}&departmentRole=participating`))).toEqual(['Initiativ A', 'Initiativ B']);
      expect(titles(await t.get(`/api/initiatives?department=${third.id}&departmentRole=participating`))).toEqual([]);
      const all = await t.get(`/api/initiatives?department=${other.id}`);
      expect(all.body.total).toBe(3);
      expect((await t.get(`/api/initiatives?department=${UNKNOWN_ID}`)).body).toMatchObject({ total: 0, items: [] });
    });

    it('filters by department code, in any letter case, in each role', async () => {
      await departmentsWorld();
      expect(titles(await t.get('/api/initiatives?department=MSO'))).toEqual(['Initiativ A', 'Initiativ C']);
      expect(titles(await t.get('/api/initiatives?department=mso&departmentRole=lead'))).toEqual(['Initiativ A']);
      expect(titles(await t.get('/api/initiatives?department=Mso&departmentRole=participating'))).toEqual(['Initiativ C']);
      expect(titles(await t.get('/api/initiatives?department=MKB&departmentRole=lead'))).toEqual(['Initiativ B']);
      expect((await t.get('/api/initiatives?department=XYZ')).body).toMatchObject({ total: 0, items: [] });
    });

    it('filters by a department code with Danish letters, in any letter case', async () => {
      const plan = await make.plan();
      const department = await make.department({ code: 'ÆLDRE' });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Ældrecafé' });
      expect(titles(await t.get(`/api/initiatives?department=${encodeURIComponent('ÆLDRE')}`))).toEqual(['Ældrecafé']);
      expect(titles(await t.get(`/api/initiatives?department=${encodeURIComponent('ældre')}`))).toEqual(['Ældrecafé']);
    });

    it('filters by action plan and by goal', async () => {
      const { plan, goals, lead } = await setting();
      const otherPlan = await make.plan();
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Job 1', goalId: goals[0].id });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Sundhed 1', goalId: goals[1].id });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Uden mål' });
      await make.initiative({ actionPlanId: otherPlan.id, leadDepartmentId: lead.id }, { title: 'Anden plan', goalId: otherPlan.goals[0].id });

      expect(titles(await t.get(`/api/initiatives?actionPlanId=${plan.id}`))).toEqual(['Job 1', 'Sundhed 1', 'Uden mål']);
      expect(titles(await t.get(`/api/initiatives?actionPlanId=${otherPlan.id}`))).toEqual(['Anden plan']);
      expect(titles(await t.get(`/api/initiatives?goalId=${goals[1].id}`))).toEqual(['Sundhed 1']);
      expect(titles(await t.get(`/api/initiatives?actionPlanId=${plan.id}&goalId=${otherPlan.goals[0].id}`))).toEqual([]);
      expect((await t.get(`/api/initiatives?actionPlanId=${UNKNOWN_ID}`)).body.total).toBe(0);
    });

    it('filters by status, one value, repeated or comma separated', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Idé', status: 'idea' });
      await make.initiative(refs, { title: 'I gang', status: 'in_progress' });
      await make.initiative(refs, { title: 'Færdig', status: 'completed' });
      await make.initiative(refs, { title: 'Stoppet', status: 'cancelled' });

      expect(titles(await t.get('/api/initiatives?status=in_progress'))).toEqual(['I gang']);
      expect(titles(await t.get('/api/initiatives?status=idea&status=completed'))).toEqual(['Færdig', 'Idé']);
      expect(titles(await t.get('/api/initiatives?status=idea,completed'))).toEqual(['Færdig', 'Idé']);
      expect(titles(await t.get('/api/initiatives?status=idea,completed&status=cancelled'))).toEqual(['Færdig', 'Idé', 'Stoppet']);
      expect(titles(await t.get('/api/initiatives?status=on_hold'))).toEqual([]);
    });

    it('filters by health, one value, repeated or comma separated', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Grøn', health: 'on_track' });
      await make.initiative(refs, { title: 'Gul', health: 'at_risk' });
      await make.initiative(refs, { title: 'Rød', health: 'off_track' });

      expect(titles(await t.get('/api/initiatives?health=at_risk'))).toEqual(['Gul']);
      expect(titles(await t.get('/api/initiatives?health=at_risk&health=off_track'))).toEqual(['Gul', 'Rød']);
      expect(titles(await t.get('/api/initiatives?health=on_track,off_track'))).toEqual(['Grøn', 'Rød']);
    });

    it('filters by published, with true/false and 1/0', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Offentlig', published: true });
      await make.initiative(refs, { title: 'Intern', published: false });

      expect(titles(await t.get('/api/initiatives?published=true'))).toEqual(['Offentlig']);
      expect(titles(await t.get('/api/initiatives?published=1'))).toEqual(['Offentlig']);
      expect(titles(await t.get('/api/initiatives?published=false'))).toEqual(['Intern']);
      expect(titles(await t.get('/api/initiatives?published=0'))).toEqual(['Intern']);
      expect(titles(await t.get('/api/initiatives'))).toEqual(['Intern', 'Offentlig']);
    });

    it('searches title, summary and description case-insensitively, but not owner, public summary or internal notes', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Sprogcafé for nye borgere' });
      await make.initiative(refs, { title: 'Praktik', summary: 'Med SPROGstøtte på arbejdspladsen' });
      await make.initiative(refs, { title: 'Mentorordning', description: 'Fokus på sprog og netværk' });
      await make.initiative(refs, {
        title: 'Idrætsforeninger',
        ownerName: 'Sprogø',
        publicSummary: 'Sprog',
        internalNotes: 'sprog',
      });

      const found = await t.get('/api/initiatives?q=sprog');
      expect(found.status).toBe(200);
      expect(found.body.total).toBe(3);
      expect(titles(found)).toEqual(['Mentorordning', 'Praktik', 'Sprogcafé for nye borgere']);
      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('  NYE BORGERE  ')}`))).toEqual(['Sprogcafé for nye borgere']);
      expect((await t.get('/api/initiatives?q=%20%20')).body.total).toBe(4);
      expect((await t.get('/api/initiatives?q=findes-ikke')).body).toMatchObject({ total: 0, items: [] });
    });

    it('treats %, _ and \\ in the search text literally, not as wildcards', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: '100% frivillig' });
      await make.initiative(refs, { title: '1000 frivillige' });
      await make.initiative(refs, { title: 'Kode snake_case' });
      await make.initiative(refs, { title: 'Kode snakeXcase' });
      await make.initiative(refs, { title: 'Sti C:\\data' });
      await make.initiative(refs, { title: 'Sti C:data' });

      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('100%')}`))).toEqual(['100% frivillig']);
      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('%')}`))).toEqual(['100% frivillig']);
      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('snake_case')}`))).toEqual(['Kode snake_case']);
      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('_')}`))).toEqual(['Kode snake_case']);
      expect(titles(await t.get(`/api/initiatives?q=${encodeURIComponent('C:\\')}`))).toEqual(['Sti C:\\data']);
    });

    it('combines filters with AND and counts only the matches in total', async () => {
      const { plan, lead, other } = await setting();
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Match', status: 'in_progress', published: true });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Forkert status', status: 'idea', published: true });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Ikke offentlig', status: 'in_progress' });
      await make.initiative({ actionPlanId: plan.id, leadDepartmentId: other.id }, { title: 'Anden afdeling', status: 'in_progress', published: true });

      const response = await t.get(`/api/initiatives?department=MSO&status=in_progress&published=true&actionPlanId=${plan.id}`);
      expect(response.body).toMatchObject({ total: 1 });
      expect(titles(response)).toEqual(['Match']);
    });

    it('rejects invalid filter values with 400 naming each parameter', async () => {
      const response = await t.get(
        '/api/initiatives?department=x&departmentRole=owner&actionPlanId=nope&goalId=nope&status=done&health=green&published=yes&sort=owner&direction=up',
      );
      expectInvalidFields(response, ['actionPlanId', 'department', 'departmentRole', 'direction', 'goalId', 'health', 'published', 'sort', 'status']);
      expectInvalidFields(await t.get('/api/initiatives?status=idea,done'), ['status']);
      expectInvalidFields(await t.get(`/api/initiatives?q=${'a'.repeat(LIMITS.searchText.max + 1)}`), ['q']);
      expect((await t.get(`/api/initiatives?q=${'a'.repeat(LIMITS.searchText.max)}`)).status).toBe(200);
      expectInvalidFields(await t.get(`/api/initiatives?department=${encodeURIComponent("MSO' OR 1=1")}`), ['department']);
      expectInvalidFields(await t.get('/api/initiatives?owner=MSO'), ['owner']);
    });
  });

  describe('sorting and paging', () => {
    /** Three initiatives whose order differs for every sort field. */
    async function sortWorld() {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const alfa = await make.initiative(refs, { title: 'Alfa', status: 'completed', health: 'off_track', startDate: '2026-03-01', targetDate: null });
      const bravo = await make.initiative(refs, { title: 'Bravo', status: 'idea', health: 'at_risk', startDate: null, targetDate: '2026-12-01' });
      const charlie = await make.initiative(refs, { title: 'Charlie', status: 'in_progress', health: 'on_track', startDate: '2026-01-01', targetDate: '2026-06-01' });
      const setUpdatedAt = (id: string, at: string) => t.dataSource.query('UPDATE initiative SET updated_at = $1 WHERE id = $2', [at, id]);
      await setUpdatedAt(alfa.id, '2026-01-03T00:00:00Z');
      await setUpdatedAt(bravo.id, '2026-01-01T00:00:00Z');
      await setUpdatedAt(charlie.id, '2026-01-02T00:00:00Z');
    }

    it.each([
      // Statuses sort in their life-cycle order and healths from best to worst, as declared in the contracts.
      ['title', 'asc', ['Alfa', 'Bravo', 'Charlie']],
      ['title', 'desc', ['Charlie', 'Bravo', 'Alfa']],
      ['status', 'asc', ['Bravo', 'Charlie', 'Alfa']],
      ['status', 'desc', ['Alfa', 'Charlie', 'Bravo']],
      ['health', 'asc', ['Charlie', 'Bravo', 'Alfa']],
      ['health', 'desc', ['Alfa', 'Bravo', 'Charlie']],
      // Missing dates come last in ascending order and first in descending order.
      ['startDate', 'asc', ['Charlie', 'Alfa', 'Bravo']],
      ['startDate', 'desc', ['Bravo', 'Alfa', 'Charlie']],
      ['targetDate', 'asc', ['Charlie', 'Bravo', 'Alfa']],
      ['targetDate', 'desc', ['Alfa', 'Bravo', 'Charlie']],
      ['updatedAt', 'asc', ['Bravo', 'Charlie', 'Alfa']],
      ['updatedAt', 'desc', ['Alfa', 'Charlie', 'Bravo']],
    ])('sorts by %s %s', async (sort, direction, expected) => {
      await sortWorld();
      const response = await t.get(`/api/initiatives?sort=${sort}&direction=${direction}`);
      expect(response.status).toBe(200);
      expect(titles(response)).toEqual(expected);
    });

    it('sorts by title ascending by default, and ascending when only a field is given', async () => {
      await sortWorld();
      expect(titles(await t.get('/api/initiatives'))).toEqual(['Alfa', 'Bravo', 'Charlie']);
      expect(titles(await t.get('/api/initiatives?sort=updatedAt'))).toEqual(['Bravo', 'Charlie', 'Alfa']);
      expect(titles(await t.get('/api/initiatives?direction=desc'))).toEqual(['Charlie', 'Bravo', 'Alfa']);
    });

    it('pages the sorted list with a total over all pages', async () => {
      const { plan, lead } = await setting();
      for (const title of ['Eee', 'Ccc', 'Aaa', 'Ddd', 'Bbb']) await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title });

      const first = await t.get('/api/initiatives?pageSize=2');
      expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(titles(first)).toEqual(['Aaa', 'Bbb']);
      expect(titles(await t.get('/api/initiatives?page=2&pageSize=2'))).toEqual(['Ccc', 'Ddd']);
      const last = await t.get('/api/initiatives?page=3&pageSize=2');
      expect(last.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
      expect(titles(last)).toEqual(['Eee']);
      expect((await t.get('/api/initiatives?page=4&pageSize=2')).body).toMatchObject({ total: 5, page: 4, items: [] });
      expect(titles(await t.get('/api/initiatives?page=2&pageSize=2&direction=desc'))).toEqual(['Ccc', 'Bbb']);
    });

    it('accepts a page size up to 100 and rejects 0, 101 and non-numbers with 400', async () => {
      expect((await t.get(`/api/initiatives?pageSize=${LIMITS.pageSize.max}`)).body).toMatchObject({ pageSize: 100 });
      expectInvalidFields(await t.get(`/api/initiatives?pageSize=${LIMITS.pageSize.max + 1}`), ['pageSize']);
      expectInvalidFields(await t.get('/api/initiatives?pageSize=0'), ['pageSize']);
      expectInvalidFields(await t.get('/api/initiatives?page=0&pageSize=ten'), ['page', 'pageSize']);
    });
  });

  describe('validation', () => {
    it('rejects an invalid initiative with a message per field and stores nothing', async () => {
      await setting();
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
      expect(response.body.errors.title).toEqual([expect.any(String)]);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('requires plan, title and lead department on create', async () => {
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/initiatives', {}), ['actionPlanId', 'leadDepartmentId', 'title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('enforces the text limits of the contracts, after trimming the title', async () => {
      const { plan, lead } = await setting();
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
      expectInvalidFields(
        await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Med ekstra', colour: 'red' }),
        ['colour'],
      );
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
      const { plan, lead } = await setting();
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', {
        actionPlanId: UNKNOWN_ID,
        leadDepartmentId: UNKNOWN_ID,
        participatingDepartmentIds: [UNKNOWN_ID],
        title: 'Ingen steder',
      });
      expectInvalidFields(response, ['actionPlanId', 'leadDepartmentId', 'participatingDepartmentIds']);
      expect(response.body.errors.actionPlanId[0]).toContain('does not exist');

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
      const { plan, goals, lead, other } = await setting();
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
      const { plan, goals, lead } = await setting();
      const otherPlan = await make.plan();
      const before = await t.rowCounts();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, title: 'Ukendt mål', goalId: UNKNOWN_ID }), ['goalId']);
      const foreign = await t.post('/api/initiatives', { ...refs, title: 'Fremmed mål', goalId: otherPlan.goals[0].id });
      expectInvalidFields(foreign, ['goalId']);
      expect(foreign.body.errors.goalId).toEqual(['goalId must be a goal of the initiative’s action plan']);
      expect(await t.rowCounts()).toEqual(before);

      const created = await make.initiative(refs, { goalId: goals[0].id });
      expectInvalidFields(await patch(created.id, { goalId: otherPlan.goals[0].id }), ['goalId']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body.goalId).toBe(goals[0].id);
      const moved = await patch(created.id, { goalId: goals[1].id });
      expect(moved.status).toBe(200);
      expect(moved.body.goalId).toBe(goals[1].id);
    });

    it('rejects the lead department as a participating department, however it gets there', async () => {
      const { plan, lead, other, third } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', { ...refs, title: 'Dobbelt', participatingDepartmentIds: [other.id, lead.id] });
      expectInvalidFields(response, ['participatingDepartmentIds']);
      expect(response.body.errors.participatingDepartmentIds).toEqual(['the lead department cannot also be a participating department']);
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
      const { plan, lead, other } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'For mange' };
      const before = await t.rowCounts();
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: [other.id, other.id] }), ['participatingDepartmentIds']);
      const many = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: many }), ['participatingDepartmentIds']);
      expectInvalidFields(await t.post('/api/initiatives', { ...refs, participatingDepartmentIds: other.id }), ['participatingDepartmentIds']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects a target date before the start date, also when only one of them is changed', async () => {
      const { plan, lead } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const before = await t.rowCounts();
      const response = await t.post('/api/initiatives', { ...refs, title: 'Baglæns', startDate: '2026-06-01', targetDate: '2026-05-31' });
      expectInvalidFields(response, ['targetDate']);
      expect(response.body.errors.targetDate).toEqual(['targetDate must be on or after startDate']);
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

  describe('versions and If-Match', () => {
    it('sends the version as the ETag of create, get and update', async () => {
      const { plan, lead } = await setting();
      const created = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Med ETag' });
      expect(created.headers['etag']).toBe('"1"');
      expect((await t.get(`/api/initiatives/${created.body.id}`)).headers['etag']).toBe('"1"');
      const updated = await t.patch(`/api/initiatives/${created.body.id}`, { title: 'Ny titel' }, { ifMatch: created.headers['etag'] as string });
      expect(updated.status).toBe(200);
      expect(updated.headers['etag']).toBe('"2"');
    });

    it('refuses PATCH and DELETE without If-Match with 428 and changes nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const patched = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Uden version' });
      expect(patched.status).toBe(428);
      expect(patched.headers['content-type']).toContain('application/problem+json');
      expect((await t.delete(`/api/initiatives/${initiative.id}`)).status).toBe(428);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(initiative);
    });

    it('refuses PATCH and DELETE with a stale version with 409 and the current state, and changes nothing', async () => {
      const { initiative } = await make.world();
      const changed = await patch(initiative.id, { title: 'Ændret af en anden' });
      expect(changed.body.version).toBe(2);
      const before = await t.rowCounts();

      const stale = await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Min ændring' }, { ifMatch: initiative.version });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toEqual(changed.body);
      expect((await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: initiative.version })).status).toBe(409);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body).toEqual(changed.body);
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
        expect(response.body.errors).toEqual({ id: ['id must be a UUID'] });
      }
    });
  });

  describe('moving between plans', () => {
    it('drops the goal when moved to another plan without a new goal', async () => {
      const { plan, goals, lead } = await setting();
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const moved = await patch(created.id, { actionPlanId: target.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ actionPlanId: target.id, goalId: null });
      expect((await t.get(`/api/initiatives/${created.id}`)).body.goalId).toBeNull();
      expect(titles(await t.get(`/api/initiatives?goalId=${goals[0].id}`))).toEqual([]);
    });

    it('takes the new goal when moved to another plan with one of its goals', async () => {
      const { plan, goals, lead } = await setting();
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const moved = await patch(created.id, { actionPlanId: target.id, goalId: target.goals[0].id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ actionPlanId: target.id, goalId: target.goals[0].id });
    });

    it('keeps the goal when the PATCH repeats the current plan', async () => {
      const { plan, goals, lead } = await setting();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const same = await patch(created.id, { actionPlanId: plan.id, title: 'Samme plan' });
      expect(same.status).toBe(200);
      expect(same.body.goalId).toBe(goals[0].id);
    });

    it('rejects a move that keeps a goal of the old plan, and leaves the initiative where it was', async () => {
      const { plan, goals, lead } = await setting();
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      expectInvalidFields(await patch(created.id, { actionPlanId: target.id, goalId: goals[0].id }), ['goalId']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);
    });
  });

  describe('transactions', () => {
    it('leaves the previous participating departments intact when a PATCH replacing them is rejected', async () => {
      const { plan, lead, other, third } = await setting();
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { participatingDepartmentIds: [other.id, third.id], startDate: '2026-03-01', targetDate: '2026-09-01' },
      );
      const before = await t.rowCounts();
      const fresh = await make.department({ code: 'NYA' });
      const rejected = [
        { participatingDepartmentIds: [fresh.id, lead.id] },
        { participatingDepartmentIds: [fresh.id, UNKNOWN_ID] },
        { participatingDepartmentIds: [fresh.id], targetDate: '2026-01-01' },
        { participatingDepartmentIds: [fresh.id], goalId: UNKNOWN_ID },
        // Passes the service's checks and fails in the database.
        { participatingDepartmentIds: [fresh.id], status: null },
      ];
      for (const body of rejected) {
        const response = await patch(created.id, body);
        expect(response.status).toBe(400);
        expect(await participantCodes(created.id)).toEqual(['MBU', 'MKB']);
      }
      expect(await t.rowCounts()).toEqual({ ...before, department: before.department + 1 });
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);
    });

    it('rolls back the whole PATCH when storing the new participating departments fails half way', async () => {
      const { plan, lead, other, third } = await setting();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { participatingDepartmentIds: [other.id, third.id] });
      const broken = await make.department({ code: 'BOOM' });
      // Fault injection: the database refuses to link the department BOOM, after the old links are gone.
      await t.dataSource.query(`
        CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT code FROM department WHERE id = NEW.department_id) = 'BOOM' THEN
            RAISE EXCEPTION 'injected failure' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_boom BEFORE INSERT ON initiative_department FOR EACH ROW EXECUTE FUNCTION test_refuse_boom();
      `);
      try {
        const response = await patch(created.id, { title: 'Skulle ikke gemmes', participatingDepartmentIds: [other.id, broken.id] });
        expect(response.status).toBeGreaterThanOrEqual(400);
      } finally {
        await t.dataSource.query('DROP TRIGGER IF EXISTS test_refuse_boom ON initiative_department; DROP FUNCTION IF EXISTS test_refuse_boom();');
      }
      const after = await t.get(`/api/initiatives/${created.id}`);
      expect(after.body).toEqual(created);
      expect(codes(after.body.participatingDepartments)).toEqual(['MBU', 'MKB']);
    });
  });

  describe('delete', () => {
    it('removes the initiative with its milestones, status updates, partner links and department links, and nothing else', async () => {
      const { plan, lead, other } = await setting();
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const doomed = await make.initiative(refs, { participatingDepartmentIds: [other.id] });
      const survivor = await make.initiative(refs, { participatingDepartmentIds: [other.id] });
      const partner = await make.partner();
      for (const initiative of [doomed, survivor]) {
        await make.milestone(initiative.id);
        await make.statusUpdate(initiative.id);
        const link = await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Frivillige', publicConsent: true });
        expect(link.status).toBe(200);
      }
      await make.milestone(doomed.id);

      const before = await t.rowCounts();
      expect(before).toMatchObject({ initiative: 2, milestone: 3, status_update: 2, initiative_partner: 2, initiative_department: 2 });
      expect((await remove(doomed.id)).status).toBe(204);
      expect(await t.rowCounts()).toEqual({
        ...before,
        initiative: 1,
        milestone: 1,
        status_update: 1,
        initiative_partner: 1,
        initiative_department: 1,
      });
      expect((await t.get(`/api/initiatives/${doomed.id}/milestones`)).status).toBe(404);
      expect((await t.get(`/api/initiatives/${survivor.id}/milestones`)).body.total).toBe(1);
      expect((await t.get(`/api/partners/${partner.id}`)).body.initiativeCount).toBe(1);
      expect((await t.get(`/api/initiatives/${survivor.id}`)).body.participatingDepartments).toEqual([ref(other)]);
    });
  });

  describe('progress and schedule figures', () => {
    it('reports progress as the weighted share of completed milestones, in the detail and the list', async () => {
      const { initiative } = await make.world();
      await patch(initiative.id, { status: 'in_progress' });
      await make.milestone(initiative.id, { weight: 1 });
      await make.milestone(initiative.id, { weight: 3, completedDate: '2026-05-01' });
      await make.milestone(initiative.id, { weight: 6, completedDate: '2026-06-01' });

      const detail = await t.get(`/api/initiatives/${initiative.id}`);
      expect(detail.body.progress).toBeCloseTo(0.9, 10);
      expect(detail.body).toMatchObject({ milestoneCount: 3, completedMilestoneCount: 2 });
      expect((await t.get('/api/initiatives')).body.items[0].progress).toBeCloseTo(0.9, 10);
    });

    it('counts each milestone the same when every weight is zero, and a completed initiative as done', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { weight: 0, completedDate: '2026-05-01' });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      expect((await t.get(`/api/initiatives/${initiative.id}`)).body.progress).toBeCloseTo(0.25, 10);
      expect((await patch(initiative.id, { status: 'completed' })).body.progress).toBe(1);
    });

    it('counts open milestones past their due date as overdue, and names the next open milestone', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { title: 'Forsinket', dueDate: '2026-06-30' });
      await make.milestone(initiative.id, { title: 'Også forsinket', dueDate: '2026-01-15' });
      await make.milestone(initiative.id, { title: 'Nået', dueDate: '2026-02-01', completedDate: '2026-02-10' });
      await make.milestone(initiative.id, { title: 'I dag', dueDate: TODAY });
      const later = await make.milestone(initiative.id, { title: 'Senere', dueDate: '2026-12-01' });

      const detail = await t.get(`/api/initiatives/${initiative.id}`);
      expect(detail.body).toMatchObject({ overdueMilestoneCount: 2, milestoneCount: 5, completedMilestoneCount: 1 });
      expect(detail.body.nextMilestone).toEqual({ id: expect.any(String), title: 'Også forsinket', dueDate: '2026-01-15' });
      expect((await t.get('/api/initiatives')).body.items[0].overdueMilestoneCount).toBe(2);
      expect(later.overdue).toBe(false);
    });

    it.each([
      ['before the start', '2026-08-01', '2026-12-31', 0],
      ['half way', '2026-01-01', '2026-12-31', 0.5],
      ['on the target date', '2026-01-01', TODAY, 1],
      ['after the target date', '2025-01-01', '2026-01-01', 1],
    ])('reports the expected progress %s of the schedule', async (_, startDate, targetDate, expected) => {
      const { plan, department } = await make.world();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { startDate, targetDate });
      expect(created.expectedProgress).toBeCloseTo(expected, 10);
      expect(created.expectedProgress).toBeGreaterThanOrEqual(0);
      expect(created.expectedProgress).toBeLessThanOrEqual(1);
    });

    it('reports no expected progress without both a start and a target date', async () => {
      const { plan, department } = await make.world();
      const refs = { actionPlanId: plan.id, leadDepartmentId: department.id };
      expect((await make.initiative(refs, { startDate: '2026-01-01' })).expectedProgress).toBeNull();
      expect((await make.initiative(refs, { targetDate: '2026-12-31' })).expectedProgress).toBeNull();
    });
  });
});
