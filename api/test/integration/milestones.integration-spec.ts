import { LIMITS } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldMessages } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, type TestResponse, useTestApp } from '../support/test-app';
import { describeNestedResourceIds } from '../support/nested-resource-ids';

const MILESTONE_KEYS = [
  'completedDate',
  'createdAt',
  'description',
  'dueDate',
  'id',
  'initiativeId',
  'overdue',
  'position',
  'title',
  'updatedAt',
  'version',
  'weight',
];
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// "Today" is the municipality's calendar date from the real clock (Clock.today()), so the dates
// below are far enough from it to be past or future whenever the tests run.
const LONG_AGO = '2001-03-01';
const EVEN_LONGER_AGO = '2000-01-15';
const FAR_FUTURE = '2999-12-31';

const titles = (response: TestResponse) => response.body.items.map((m: { title: string }) => m.title);

describe('Milestones API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const url = (initiativeId: string, id?: string) => `/api/initiatives/${initiativeId}/milestones${id ? `/${id}` : ''}`;
  const initiativeOf = async (id: string) => (await t.get(`/api/initiatives/${id}`)).body;

  /** The version a client would send back in If-Match: the one it reads now, or 1 for a milestone it cannot read. */
  const currentVersion = async (initiativeId: string, id: string): Promise<number> => {
    const response = await t.get(url(initiativeId, id));
    return response.status === 200 ? response.body.version : 1;
  };
  /** PATCH as a client that has just read the milestone. */
  const patchMilestone = async (initiativeId: string, id: string, body: unknown) =>
    t.patch(url(initiativeId, id), body, { ifMatch: await currentVersion(initiativeId, id) });
  /** DELETE as a client that has just read the milestone. */
  const deleteMilestone = async (initiativeId: string, id: string) => t.delete(url(initiativeId, id), { ifMatch: await currentVersion(initiativeId, id) });
  /** DELETE of the initiative as a client that has just read it. */
  const deleteInitiative = async (id: string) => t.delete(`/api/initiatives/${id}`, { ifMatch: (await initiativeOf(id)).version });

  describe('create, read, update, delete', () => {
    it('creates a milestone with every field and answers with the full shape', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), {
        title: '  Første hold afsluttet ',
        description: 'Tolv deltagere',
        dueDate: FAR_FUTURE,
        completedDate: null,
        weight: 3,
        position: 5,
      });
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toContain('application/json');
      expect(Object.keys(created.body).sort()).toEqual(MILESTONE_KEYS);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        initiativeId: initiative.id,
        title: 'Første hold afsluttet',
        description: 'Tolv deltagere',
        dueDate: FAR_FUTURE,
        completedDate: null,
        weight: 3,
        position: 5,
        overdue: false,
        createdAt: expect.stringMatching(ISO_DATE_TIME),
        updatedAt: expect.stringMatching(ISO_DATE_TIME),
        version: 1,
      });
      expect((await t.get(url(initiative.id, created.body.id))).body).toEqual(created.body);
      expect(await t.rowCounts()).toMatchObject({ milestone: 1 });
    });

    it('fills in defaults for a milestone given only a title', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), { title: 'Kick-off' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ description: '', dueDate: null, completedDate: null, weight: 1, position: 0, overdue: false, version: 1 });
    });

    it('updates only the fields sent and counts the version up', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Pilot', description: 'Beskrivelse', dueDate: FAR_FUTURE, weight: 2 });
      const updated = await t.patch(url(initiative.id, milestone.id), { title: ' Pilot i to bydele ', weight: 4 }, { ifMatch: milestone.version });
      expect(updated.status).toBe(200);
      expect(Object.keys(updated.body).sort()).toEqual(MILESTONE_KEYS);
      expect(updated.body).toMatchObject({
        id: milestone.id,
        initiativeId: initiative.id,
        title: 'Pilot i to bydele',
        description: 'Beskrivelse',
        dueDate: FAR_FUTURE,
        weight: 4,
        position: milestone.position,
        createdAt: milestone.createdAt,
        version: 2,
      });
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(updated.body);
    });

    it('clears the due date with null', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { dueDate: LONG_AGO });
      expect(milestone.overdue).toBe(true);
      const updated = await t.patch(url(initiative.id, milestone.id), { dueDate: null }, { ifMatch: milestone.version });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ dueDate: null, overdue: false });
    });

    it('deletes a milestone and only that one', async () => {
      const { initiative } = await make.world();
      const doomed = await make.milestone(initiative.id, { title: 'Fjernes' });
      await make.milestone(initiative.id, { title: 'Bliver' });
      const deleted = await t.delete(url(initiative.id, doomed.id), { ifMatch: doomed.version });
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expectProblem(await t.get(url(initiative.id, doomed.id)), 404);
      expect(titles(await t.get(url(initiative.id)))).toEqual(['Bliver']);
      expect(await t.rowCounts()).toMatchObject({ milestone: 1 });
    });

    it('accepts the limits themselves for title, weight and position', async () => {
      const { initiative } = await make.world();
      const low = await t.post(url(initiative.id), { title: 'x'.repeat(LIMITS.title.min), weight: LIMITS.milestoneWeight.min, position: LIMITS.position.min });
      expect(low.status).toBe(201);
      expect(low.body).toMatchObject({ weight: 0, position: 0 });
      const high = await t.post(url(initiative.id), {
        title: 'y'.repeat(LIMITS.title.max),
        description: 'd'.repeat(LIMITS.longText.max),
        weight: LIMITS.milestoneWeight.max,
        position: LIMITS.position.max,
      });
      expect(high.status).toBe(201);
      expect(high.body).toMatchObject({ weight: LIMITS.milestoneWeight.max, position: LIMITS.position.max });
    });

    it('goes with its initiative when the initiative is deleted', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id);
      await make.milestone(initiative.id);
      expect((await deleteInitiative(initiative.id)).status).toBe(204);
      expect(await t.rowCounts()).toMatchObject({ initiative: 0, milestone: 0 });
      expectProblem(await t.get(url(initiative.id)), 404);
    });
  });

  describe('listing and ordering', () => {
    it('lists by position, then due date, with paging and a total', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { title: 'Tredje', position: 2 });
      await make.milestone(initiative.id, { title: 'Første', position: 0 });
      await make.milestone(initiative.id, { title: 'Anden, senest', position: 1, dueDate: '2031-01-01' });
      await make.milestone(initiative.id, { title: 'Anden, tidligst', position: 1, dueDate: '2030-01-01' });

      const all = await t.get(url(initiative.id));
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: LIMITS.pageSize.default });
      expect(titles(all)).toEqual(['Første', 'Anden, tidligst', 'Anden, senest', 'Tredje']);
      expect(Object.keys(all.body.items[0]).sort()).toEqual(MILESTONE_KEYS);

      const second = await t.get(`${url(initiative.id)}?page=2&pageSize=3`);
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(titles(second)).toEqual(['Tredje']);
    });

    it('puts a milestone without a position after the last one', async () => {
      const { initiative } = await make.world();
      const first = await make.milestone(initiative.id, { title: 'Først' });
      const second = await make.milestone(initiative.id, { title: 'Dernæst' });
      expect([first.position, second.position]).toEqual([0, 1]);
      await make.milestone(initiative.id, { title: 'Langt fremme', position: 40 });
      const appended = await make.milestone(initiative.id, { title: 'Til sidst' });
      expect(appended.position).toBe(41);
      expect(titles(await t.get(url(initiative.id)))).toEqual(['Først', 'Dernæst', 'Langt fremme', 'Til sidst']);
    });

    it('moves a milestone by changing its position', async () => {
      const { initiative } = await make.world();
      const first = await make.milestone(initiative.id, { title: 'Kick-off' });
      await make.milestone(initiative.id, { title: 'Pilot' });
      await make.milestone(initiative.id, { title: 'Evaluering' });
      const moved = await patchMilestone(initiative.id, first.id, { position: 5 });
      expect(moved.status).toBe(200);
      expect(moved.body.position).toBe(5);
      expect(titles(await t.get(url(initiative.id)))).toEqual(['Pilot', 'Evaluering', 'Kick-off']);
    });

    it('lists only the milestones of the initiative asked for', async () => {
      const { plan, department, initiative } = await make.world();
      const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      await make.milestone(initiative.id, { title: 'Min milepæl' });
      await make.milestone(other.id, { title: 'Anden milepæl' });
      const list = await t.get(url(initiative.id));
      expect(list.body.total).toBe(1);
      expect(titles(list)).toEqual(['Min milepæl']);
    });

    it('rejects bad paging', async () => {
      const { initiative } = await make.world();
      expectInvalidFields(await t.get(`${url(initiative.id)}?page=0&pageSize=${LIMITS.pageSize.max + 1}`), ['page', 'pageSize']);
    });
  });

  describe('progress and overdue milestones on the initiative', () => {
    it('moves the initiative’s progress by the weight of the milestones completed, and back when reopened', async () => {
      const { initiative } = await make.world();
      expect(initiative.progress).toBe(0);
      const small = await make.milestone(initiative.id, { title: 'Lille', weight: 1 });
      const large = await make.milestone(initiative.id, { title: 'Stor', weight: 3 });
      expect(await initiativeOf(initiative.id)).toMatchObject({ progress: 0, milestoneCount: 2, completedMilestoneCount: 0 });

      const completed = await patchMilestone(initiative.id, large.id, { completedDate: LONG_AGO });
      expect(completed.status).toBe(200);
      expect(completed.body.completedDate).toBe(LONG_AGO);
      expect(await initiativeOf(initiative.id)).toMatchObject({ progress: 0.75, completedMilestoneCount: 1 });

      expect((await patchMilestone(initiative.id, small.id, { completedDate: LONG_AGO })).status).toBe(200);
      expect(await initiativeOf(initiative.id)).toMatchObject({ progress: 1, completedMilestoneCount: 2, nextMilestone: null });

      const reopened = await patchMilestone(initiative.id, large.id, { completedDate: null });
      expect(reopened.status).toBe(200);
      expect(reopened.body.completedDate).toBeNull();
      expect(await initiativeOf(initiative.id)).toMatchObject({ progress: 0.25, completedMilestoneCount: 1 });
    });

    it('counts a milestone created as completed towards progress', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { completedDate: LONG_AGO, weight: 1 });
      await make.milestone(initiative.id, { weight: 1 });
      expect((await initiativeOf(initiative.id)).progress).toBe(0.5);
    });

    it('counts each milestone the same when every weight is zero', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { weight: 0, completedDate: LONG_AGO });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      await make.milestone(initiative.id, { weight: 0 });
      expect((await initiativeOf(initiative.id)).progress).toBe(0.25);
    });

    it('drops a deleted milestone from the initiative’s progress', async () => {
      const { initiative } = await make.world();
      await make.milestone(initiative.id, { completedDate: LONG_AGO, weight: 1 });
      const open = await make.milestone(initiative.id, { weight: 1 });
      expect((await deleteMilestone(initiative.id, open.id)).status).toBe(204);
      expect(await initiativeOf(initiative.id)).toMatchObject({ progress: 1, milestoneCount: 1 });
    });

    it('counts an open milestone past its due date as overdue, and stops when it is completed', async () => {
      const { initiative } = await make.world();
      const late = await make.milestone(initiative.id, { title: 'For sent', dueDate: LONG_AGO });
      const ahead = await make.milestone(initiative.id, { title: 'Senere', dueDate: FAR_FUTURE });
      const doneLate = await make.milestone(initiative.id, { title: 'Færdig for sent', dueDate: EVEN_LONGER_AGO, completedDate: LONG_AGO });
      const undated = await make.milestone(initiative.id, { title: 'Udateret' });

      expect([late.overdue, ahead.overdue, doneLate.overdue, undated.overdue]).toEqual([true, false, false, false]);
      const overdueInList = (await t.get(url(initiative.id))).body.items.filter((m: { overdue: boolean }) => m.overdue);
      expect(overdueInList.map((m: { id: string }) => m.id)).toEqual([late.id]);
      expect(await initiativeOf(initiative.id)).toMatchObject({
        overdueMilestoneCount: 1,
        nextMilestone: { id: late.id, title: 'For sent', dueDate: LONG_AGO },
      });

      const completed = await patchMilestone(initiative.id, late.id, { completedDate: LONG_AGO });
      expect(completed.status).toBe(200);
      expect(completed.body.overdue).toBe(false);
      expect(await initiativeOf(initiative.id)).toMatchObject({
        overdueMilestoneCount: 0,
        nextMilestone: { id: ahead.id, title: 'Senere', dueDate: FAR_FUTURE },
      });
    });

    it('makes a milestone overdue when its due date is moved into the past', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { dueDate: FAR_FUTURE });
      expect((await initiativeOf(initiative.id)).overdueMilestoneCount).toBe(0);
      const moved = await patchMilestone(initiative.id, milestone.id, { dueDate: LONG_AGO });
      expect(moved.status).toBe(200);
      expect(moved.body.overdue).toBe(true);
      expect((await initiativeOf(initiative.id)).overdueMilestoneCount).toBe(1);
    });

    it('refuses a completion date in the future and leaves the milestone open', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const created = await t.post(url(initiative.id), { title: 'Forudset', completedDate: FAR_FUTURE });
      expectInvalidFields(created, ['completedDate']);
      expect(fieldMessages(created).completedDate).toEqual(['completedDate cannot be in the future']);
      expect(await t.rowCounts()).toEqual(before);

      const milestone = await make.milestone(initiative.id);
      const updated = await t.patch(url(initiative.id, milestone.id), { completedDate: FAR_FUTURE }, { ifMatch: milestone.version });
      expectInvalidFields(updated, ['completedDate']);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(milestone);
      expect((await initiativeOf(initiative.id)).completedMilestoneCount).toBe(0);
    });
  });

  describe('validation', () => {
    it('rejects values of the wrong type with a message per field and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), {
        title: 12345,
        description: ['tekst'],
        dueDate: 20300101,
        completedDate: true,
        weight: '3',
        position: 1.5,
      });
      expectInvalidFields(response, ['title', 'description', 'dueDate', 'completedDate', 'weight', 'position']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects lengths and numbers outside the limits and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const low = await t.post(url(initiative.id), {
        title: 'x'.repeat(LIMITS.title.min - 1),
        weight: LIMITS.milestoneWeight.min - 1,
        position: LIMITS.position.min - 1,
      });
      expectInvalidFields(low, ['title', 'weight', 'position']);
      const high = await t.post(url(initiative.id), {
        title: 'y'.repeat(LIMITS.title.max + 1),
        description: 'd'.repeat(LIMITS.longText.max + 1),
        weight: LIMITS.milestoneWeight.max + 1,
        position: LIMITS.position.max + 1,
      });
      expectInvalidFields(high, ['title', 'description', 'weight', 'position']);
      expectInvalidFields(await t.post(url(initiative.id), { title: '    ' }), ['title']);
      expectInvalidFields(await t.post(url(initiative.id), {}), ['title']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it.each(['2026-02-30', '2025-02-29', '2026-00-10', '2026-1-5', '01-05-2026', '2026-01-05T10:00:00Z'])(
      'rejects the date %p for due and completion dates',
      async (date) => {
        const { initiative } = await make.world();
        const before = await t.rowCounts();
        expectInvalidFields(await t.post(url(initiative.id), { title: 'Milepæl', dueDate: date, completedDate: date }), ['dueDate', 'completedDate']);
        expect(await t.rowCounts()).toEqual(before);
      },
    );

    it('rejects unknown and server-owned fields and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), { title: 'Milepæl', initiativeId: initiative.id, overdue: false, version: 7, progress: 1 });
      expectInvalidFields(response, ['initiativeId', 'overdue', 'version', 'progress']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an invalid update with a message per field and changes nothing', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Uændret', weight: 2 });
      const before = await t.rowCounts();
      const response = await patchMilestone(initiative.id, milestone.id, {
        title: 'ab',
        dueDate: '2026-02-30',
        weight: LIMITS.milestoneWeight.max + 1,
        initiativeId: UNKNOWN_ID,
      });
      expectInvalidFields(response, ['title', 'dueDate', 'weight', 'initiativeId']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(milestone);
    });

    it.each([
      ['title', { title: null }],
      ['weight', { weight: null }],
      ['position', { position: null }],
    ])('rejects an update setting %s to null with a message on that field and changes nothing', async (field, body) => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Uændret', weight: 2, position: 3 });
      const before = await t.rowCounts();
      const response = await t.patch(url(initiative.id, milestone.id), body, { ifMatch: milestone.version });
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(milestone);
      expectInvalidFields(response, [field]);
    });

    it('rejects a new milestone with a description of null with a message on that field', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), { title: 'Milepæl', description: null });
      expect(await t.rowCounts()).toEqual(before);
      expectInvalidFields(response, ['description']);
    });

    it('rejects a body that is not JSON', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectProblem(await t.send('POST', url(initiative.id), '{"title":', 'application/json'), 400);
      expectProblem(await t.send('POST', url(initiative.id), 'title=Milepæl', 'text/plain'), 415);
      expect(await t.rowCounts()).toEqual(before);
    });
  });

  describe('versions and If-Match', () => {
    it('sends the version as the ETag of create, get and update, and takes it back in If-Match', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), { title: 'Med ETag' });
      expect(created.status).toBe(201);
      expect(created.headers['etag']).toBe('"1"');
      const read = await t.get(url(initiative.id, created.body.id));
      expect(read.status).toBe(200);
      expect(read.headers['etag']).toBe(`"${read.body.version}"`);
      expect(read.headers['etag']).toBe('"1"');

      const updated = await t.patch(url(initiative.id, created.body.id), { title: 'Ny titel' }, { ifMatch: read.headers['etag'] as string });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(updated.headers['etag']).toBe('"2"');
      expect((await t.get(url(initiative.id, created.body.id))).headers['etag']).toBe('"2"');

      expect((await t.delete(url(initiative.id, created.body.id), { ifMatch: updated.headers['etag'] as string })).status).toBe(204);
      expect(await t.rowCounts()).toMatchObject({ milestone: 0 });
    });

    it('refuses PATCH and DELETE without If-Match with 428 and changes nothing', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Uændret', dueDate: FAR_FUTURE, weight: 2 });
      const before = await t.rowCounts();

      const patched = await t.patch(url(initiative.id, milestone.id), { title: 'Uden version', weight: 5 });
      expectProblem(patched, 428);
      // Recording progress alone needs the version too.
      expectProblem(await t.patch(url(initiative.id, milestone.id), { completedDate: LONG_AGO }), 428);
      expectProblem(await t.delete(url(initiative.id, milestone.id)), 428);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(milestone);
      expect(await initiativeOf(initiative.id)).toMatchObject({ milestoneCount: 1, completedMilestoneCount: 0, progress: 0 });
    });

    it('refuses PATCH and DELETE with a stale version with 409 and the current milestone, and changes nothing', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Original', weight: 2 });
      const changed = await t.patch(url(initiative.id, milestone.id), { title: 'Ændret af en anden' }, { ifMatch: milestone.version });
      expect(changed.status).toBe(200);
      expect(changed.body.version).toBe(milestone.version + 1);
      const before = await t.rowCounts();

      const stale = await t.patch(url(initiative.id, milestone.id), { title: 'Min ændring', completedDate: LONG_AGO }, { ifMatch: milestone.version });
      expectProblem(stale, 409);
      expect(stale.body.current).toEqual(changed.body);
      const staleDelete = await t.delete(url(initiative.id, milestone.id), { ifMatch: milestone.version });
      expectProblem(staleDelete, 409);
      expect(staleDelete.body.current).toEqual(changed.body);
      // A version the milestone has not reached yet is no better.
      expectProblem(await t.patch(url(initiative.id, milestone.id), { title: 'Fra fremtiden' }, { ifMatch: changed.body.version + 1 }), 409);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(changed.body);
      expect(await initiativeOf(initiative.id)).toMatchObject({ milestoneCount: 1, completedMilestoneCount: 0 });
    });

    it('answers 400 naming If-Match for a value that is not an ETag, and changes nothing', async () => {
      const { initiative } = await make.world();
      const milestone = await make.milestone(initiative.id, { title: 'Uændret' });
      const before = await t.rowCounts();
      for (const response of [
        await t.patch(url(initiative.id, milestone.id), { title: 'Ny titel' }, { ifMatch: 'version-one' }),
        await t.delete(url(initiative.id, milestone.id), { ifMatch: 'version-one' }),
      ]) {
        expectInvalidFields(response, ['If-Match']);
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, milestone.id))).body).toEqual(milestone);
    });
  });

  describeNestedResourceIds(() => ({ t, make }), {
    segment: 'milestones',
    name: 'milestone',
    valid: { title: 'Forældreløs' },
    change: { title: 'Kapret', completedDate: LONG_AGO },
    create: (factory, initiativeId) => factory.milestone(initiativeId, { title: 'Deres milepæl', dueDate: FAR_FUTURE }),
  });
});
