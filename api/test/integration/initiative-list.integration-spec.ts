import { LIMITS } from '@fremdrift/contracts';
import { expectInvalidFields } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { setting, titles, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * The list of initiatives (GET /api/initiatives): summaries with the detail's figures, filters by department, plan,
 * goal, status, health, publication and free text, sorting on every sort field and paging with a total.
 */
describe('Initiatives API: the list, its filters, sorting and paging', () => {
  let t: TestApp;
  let make: Factories;
  useInitiativeSpec((started) => ({ t, make } = started));

  describe('summaries', () => {
    it('lists summaries with the same figures as the detail, without description, public summary or internal notes', async () => {
      const { plan, lead, other } = await setting(make);
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { participatingDepartmentIds: [other.id], description: 'Intern beskrivelse', publicSummary: 'Offentlig', internalNotes: 'Hemmelig' },
      );
      const list = await t.get('/api/initiatives');
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: LIMITS.pageSize.default });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { description, publicSummary, internalNotes, publicProposal, cancellationReason, externalReference, ...summary } = created;
      expect(list.body.items).toEqual([summary]);
    });
  });

  describe('filters', () => {
    /** MSO leads A and takes part in C; MBU leads C and takes part in A and B; MKB leads B. */
    async function departmentsWorld() {
      const s = await setting(make);
      const a = await make.initiative(
        { actionPlanId: s.plan.id, leadDepartmentId: s.lead.id },
        { title: 'Initiativ A', participatingDepartmentIds: [s.other.id] },
      );
      const b = await make.initiative(
        { actionPlanId: s.plan.id, leadDepartmentId: s.third.id },
        { title: 'Initiativ B', participatingDepartmentIds: [s.other.id] },
      );
      const c = await make.initiative(
        { actionPlanId: s.plan.id, leadDepartmentId: s.other.id },
        { title: 'Initiativ C', participatingDepartmentIds: [s.lead.id] },
      );
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
      const { plan, goals, lead } = await setting(make);
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
      const { plan, lead } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Idé', status: 'idea' });
      await make.initiative(refs, { title: 'I gang', status: 'in_progress' });
      await make.initiative(refs, { title: 'Færdig', status: 'completed' });
      await make.initiative(refs, { title: 'Stoppet', status: 'cancelled', cancellationReason: 'Lagt sammen med en anden ordning.' });

      expect(titles(await t.get('/api/initiatives?status=in_progress'))).toEqual(['I gang']);
      expect(titles(await t.get('/api/initiatives?status=idea&status=completed'))).toEqual(['Færdig', 'Idé']);
      expect(titles(await t.get('/api/initiatives?status=idea,completed'))).toEqual(['Færdig', 'Idé']);
      expect(titles(await t.get('/api/initiatives?status=idea,completed&status=cancelled'))).toEqual(['Færdig', 'Idé', 'Stoppet']);
      expect(titles(await t.get('/api/initiatives?status=on_hold'))).toEqual([]);
    });

    it('filters by health, one value, repeated or comma separated', async () => {
      const { plan, lead } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      await make.initiative(refs, { title: 'Grøn', health: 'on_track' });
      await make.initiative(refs, { title: 'Gul', health: 'at_risk' });
      await make.initiative(refs, { title: 'Rød', health: 'off_track' });

      expect(titles(await t.get('/api/initiatives?health=at_risk'))).toEqual(['Gul']);
      expect(titles(await t.get('/api/initiatives?health=at_risk&health=off_track'))).toEqual(['Gul', 'Rød']);
      expect(titles(await t.get('/api/initiatives?health=on_track,off_track'))).toEqual(['Grøn', 'Rød']);
    });

    it('filters by published, with true/false and 1/0', async () => {
      const { plan, lead } = await setting(make);
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
      const { plan, lead } = await setting(make);
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
      const { plan, lead } = await setting(make);
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
      const { plan, lead, other } = await setting(make);
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
      const { plan, lead } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const alfa = await make.initiative(refs, { title: 'Alfa', status: 'completed', health: 'off_track', startDate: '2026-03-01', targetDate: null });
      const bravo = await make.initiative(refs, { title: 'Bravo', status: 'idea', health: 'at_risk', startDate: null, targetDate: '2026-12-01' });
      const charlie = await make.initiative(refs, {
        title: 'Charlie',
        status: 'in_progress',
        health: 'on_track',
        startDate: '2026-01-01',
        targetDate: '2026-06-01',
      });
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
      const { plan, lead } = await setting(make);
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
});
