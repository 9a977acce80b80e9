import { HEALTHS, LIMITS } from '@fremdrift/contracts';
import { Client } from 'pg';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { expectInvalidFields, expectProblem, fieldMessages } from '../support/expectations';
import { factories } from '../support/factories';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app';
import { describeNestedResourceIds } from '../support/nested-resource-ids';

const STATUS_UPDATE_KEYS = [
  'approvedPublicText',
  'authorName',
  'blockers',
  'createdAt',
  'delayCauseId',
  'delayReason',
  'health',
  'id',
  'initiativeId',
  'internalText',
  'narrative',
  'nextSteps',
  'periodEnd',
  'periodStart',
  'publicText',
  'publicTextState',
  'reportedAt',
  'reviewComment',
  'reviewedAt',
  'reviewerName',
  'updatedAt',
  'version',
];
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A complete status update but for the author, who defaults to the signed-in user. */
const WITHOUT_AUTHOR = {
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  health: 'on_track',
  narrative: 'Arbejdet skrider frem som planlagt.',
} as const;
const VALID = { ...WITHOUT_AUTHOR, authorName: 'Mette Holm' } as const;

const periods = (response: TestResponse) => response.body.items.map((u: { periodStart: string; periodEnd: string }) => `${u.periodStart}/${u.periodEnd}`);

describe('Status updates API', () => {
  let t: TestApp;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    t = await startTestApp();
    make = factories(t);
  });
  let cause: string;
  beforeEach(async () => {
    await t.reset();
    cause = (await t.get('/api/delay-causes')).body[0].id;
  });
  afterAll(() => t.close());

  const url = (initiativeId: string, id?: string) => `/api/initiatives/${initiativeId}/status-updates${id ? `/${id}` : ''}`;

  /** The version a client would send back in If-Match: the one it reads now, or 1 for a status update it cannot read. */
  const currentVersion = async (initiativeId: string, id: string): Promise<number> => {
    const response = await t.get(url(initiativeId, id));
    return response.status === 200 ? response.body.version : 1;
  };
  /** PATCH as a client that has just read the status update. */
  const patchUpdate = async (initiativeId: string, id: string, body: unknown) =>
    t.patch(url(initiativeId, id), body, { ifMatch: await currentVersion(initiativeId, id) });
  /** DELETE of the initiative as a client that has just read it. */
  const deleteInitiative = async (id: string) => t.delete(`/api/initiatives/${id}`, { ifMatch: (await t.get(`/api/initiatives/${id}`)).body.version });
  /** The display name of a user, as the default author of their status updates. */
  const displayNameOf = async (userId: string): Promise<string> =>
    (await t.dataSource.query('SELECT display_name FROM app_user WHERE id = $1', [userId]))[0].display_name;
  const authorIdOf = async (updateId: string): Promise<string | null> =>
    (await t.dataSource.query('SELECT author_id FROM status_update WHERE id = $1', [updateId]))[0].author_id;

  describe('create, read, update, delete', () => {
    it('creates a status update with every field and answers with the full shape', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), {
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        health: 'at_risk',
        narrative: '  To hold er i gang.  ',
        blockers: 'Mangel på lokaler',
        nextSteps: 'Finde nye lokaler',
        internalText: 'Budgettet er presset',
        publicText: 'Forløbet fortsætter i efteråret',
        authorName: ' Mette Holm ',
        delayCauseId: cause,
        delayReason: 'Lokalerne blev opsagt med kort varsel.',
      });
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toContain('application/json');
      expect(Object.keys(created.body).sort()).toEqual(STATUS_UPDATE_KEYS);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        initiativeId: initiative.id,
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        health: 'at_risk',
        narrative: 'To hold er i gang.',
        blockers: 'Mangel på lokaler',
        nextSteps: 'Finde nye lokaler',
        internalText: 'Budgettet er presset',
        publicText: 'Forløbet fortsætter i efteråret',
        // Written by an admin, who may approve it: public at once.
        publicTextState: 'approved',
        approvedPublicText: 'Forløbet fortsætter i efteråret',
        reviewComment: '',
        reviewedAt: null,
        reviewerName: null,
        delayCauseId: cause,
        delayReason: 'Lokalerne blev opsagt med kort varsel.',
        authorName: 'Mette Holm',
        reportedAt: expect.stringMatching(ISO_DATE_TIME),
        createdAt: expect.stringMatching(ISO_DATE_TIME),
        updatedAt: expect.stringMatching(ISO_DATE_TIME),
        version: 1,
      });
      expect((await t.get(url(initiative.id, created.body.id))).body).toEqual(created.body);
      expect(await t.rowCounts()).toMatchObject({ status_update: 1 });
    });

    it('writes with one query for access and reporting context, one transaction and no read-back; the two reads are named statements, planned once per connection', async () => {
      const { initiative } = await make.world();
      await t.post(url(initiative.id), VALID);
      const statements: string[] = [];
      const names: (string | undefined)[] = [];
      const original = Client.prototype.query;
      const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
        if (text && !text.includes('pgboss')) {
          statements.push(text.replace(/\s+/g, ' ').trim());
          names.push(typeof args[0] === 'string' ? undefined : (args[0] as { name?: string }).name);
        }
        return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
      });
      let created: TestResponse;
      try {
        created = await t.post(url(initiative.id), { ...VALID, periodStart: '2026-11-01', periodEnd: '2026-11-30' });
      } finally {
        spy.mockRestore();
      }
      expect(created.status).toBe(201);
      expect(statements.map((sql) => sql.slice(0, 40))).toEqual([
        expect.stringMatching(/^SELECT s\.id AS "sessionId"/),
        expect.stringMatching(/^SELECT i\.lead_department_id/),
        'START TRANSACTION',
        expect.stringMatching(/^SELECT set_config\('fremdrift\.actor_id'/),
        expect.stringMatching(/^INSERT INTO status_update/),
        'COMMIT',
      ]);
      expect(names.slice(0, 2)).toEqual(['session_user', 'initiative_access']);
      expect((await t.get(url(initiative.id, created.body.id))).body).toEqual(created.body);
    });

    it('fills in empty texts for the optional fields', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), VALID);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...VALID, blockers: '', nextSteps: '', internalText: '', publicText: '' });
    });

    it.each(HEALTHS)('accepts the health %p (with the reason a drop needs)', async (health) => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), { ...VALID, health, delayCauseId: cause, delayReason: 'Færre frivillige end ventet.' });
      expect(created.status).toBe(201);
      expect(created.body.health).toBe(health);
    });

    it('accepts a period of a single day and the longest texts', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), {
        ...VALID,
        periodStart: '2026-10-15',
        periodEnd: '2026-10-15',
        narrative: 'n'.repeat(LIMITS.longText.max),
        internalText: 'i'.repeat(LIMITS.longText.max),
        authorName: 'a'.repeat(LIMITS.authorName.max),
      });
      expect(created.status).toBe(201);
      expect(created.body.narrative).toHaveLength(LIMITS.longText.max);
      expect(created.body.authorName).toHaveLength(LIMITS.authorName.max);
    });

    it('updates only the fields sent, counts the version up and keeps the time it was reported', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { blockers: 'Ingen' });
      const drop = { delayCauseId: cause, delayReason: 'Lokalerne blev opsagt.' };
      const updated = await t.patch(url(initiative.id, update.id), { health: 'off_track', narrative: ' Forsinket. ', ...drop }, { ifMatch: update.version });
      expect(updated.status).toBe(200);
      expect(Object.keys(updated.body).sort()).toEqual(STATUS_UPDATE_KEYS);
      expect(updated.body).toMatchObject({
        id: update.id,
        initiativeId: initiative.id,
        periodStart: update.periodStart,
        periodEnd: update.periodEnd,
        health: 'off_track',
        narrative: 'Forsinket.',
        blockers: 'Ingen',
        authorName: update.authorName,
        reportedAt: update.reportedAt,
        createdAt: update.createdAt,
        version: 2,
      });
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(updated.body);
    });

    it('deletes a status update and only that one', async () => {
      const { initiative } = await make.world();
      const doomed = await make.statusUpdate(initiative.id, { periodStart: '2026-09-01', periodEnd: '2026-09-30' });
      const kept = await make.statusUpdate(initiative.id);
      const deleted = await t.delete(url(initiative.id, doomed.id), { ifMatch: doomed.version });
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expectProblem(await t.get(url(initiative.id, doomed.id)), 404);
      const list = await t.get(url(initiative.id));
      expect(list.body.total).toBe(1);
      expect(list.body.items[0].id).toBe(kept.id);
    });

    it('goes with its initiative when the initiative is deleted', async () => {
      const { initiative } = await make.world();
      await make.statusUpdate(initiative.id);
      expect((await deleteInitiative(initiative.id)).status).toBe(204);
      expect(await t.rowCounts()).toMatchObject({ initiative: 0, status_update: 0 });
    });
  });

  describe('author', () => {
    it('names the signed-in user as the author when no author name is sent, and stores who they are', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), WITHOUT_AUTHOR);
      expect(created.status).toBe(201);
      expect(created.body.authorName).toMatch(/^Test admin/);
      expect(created.body.authorName).toBe(await displayNameOf(t.admin.id));
      expect(await authorIdOf(created.body.id)).toBe(t.admin.id);
      expect((await t.get(url(initiative.id, created.body.id))).body).toEqual(created.body);
    });

    it('names another signed-in user when they report', async () => {
      const { department, initiative } = await make.world();
      const lead = await t.signedIn('department_lead', [department.id]);
      const created = await lead.post(url(initiative.id), WITHOUT_AUTHOR);
      expect(created.status).toBe(201);
      expect(created.body.authorName).toMatch(/^Test department_lead/);
      expect(created.body.authorName).toBe(await displayNameOf(lead.user.id));
      expect(await authorIdOf(created.body.id)).toBe(lead.user.id);
    });

    it('keeps an author name that is sent, and still stores who reported', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), { ...WITHOUT_AUTHOR, authorName: '  Mette Holm ' });
      expect(created.status).toBe(201);
      expect(created.body.authorName).toBe('Mette Holm');
      expect(await authorIdOf(created.body.id)).toBe(t.admin.id);
    });
  });

  describe('internal and public text', () => {
    it('keeps internal and public text in their own fields', async () => {
      const { initiative } = await make.world();
      const created = await make.statusUpdate(initiative.id, { internalText: 'Kun til forvaltningen', publicText: 'Til borgerne' });
      expect(created).toMatchObject({ internalText: 'Kun til forvaltningen', publicText: 'Til borgerne' });
      const listed = (await t.get(url(initiative.id))).body.items[0];
      expect(listed).toMatchObject({ internalText: 'Kun til forvaltningen', publicText: 'Til borgerne' });

      const [row] = await t.dataSource.query('SELECT internal_text, public_text FROM status_update WHERE id = $1', [created.id]);
      expect(row).toEqual({ internal_text: 'Kun til forvaltningen', public_text: 'Til borgerne' });
    });

    it('changes the public text without touching the internal text, and the other way round', async () => {
      const { initiative } = await make.world();
      const created = await make.statusUpdate(initiative.id, { internalText: 'Intern', publicText: 'Offentlig' });

      const publicOnly = await patchUpdate(initiative.id, created.id, { publicText: 'Ny offentlig tekst' });
      expect(publicOnly.status).toBe(200);
      expect(publicOnly.body).toMatchObject({ internalText: 'Intern', publicText: 'Ny offentlig tekst' });

      const internalOnly = await patchUpdate(initiative.id, created.id, { internalText: '' });
      expect(internalOnly.status).toBe(200);
      expect(internalOnly.body).toMatchObject({ internalText: '', publicText: 'Ny offentlig tekst' });
      expect((await t.get(url(initiative.id, created.id))).body).toMatchObject({ internalText: '', publicText: 'Ny offentlig tekst' });
    });
  });

  describe('listing', () => {
    it('lists the newest period first, with paging and a total', async () => {
      const { initiative } = await make.world();
      await make.statusUpdate(initiative.id, { periodStart: '2026-09-01', periodEnd: '2026-09-30' });
      await make.statusUpdate(initiative.id, { periodStart: '2026-11-01', periodEnd: '2026-11-30' });
      await make.statusUpdate(initiative.id, { periodStart: '2026-08-01', periodEnd: '2026-08-31' });
      await make.statusUpdate(initiative.id, { periodStart: '2026-10-01', periodEnd: '2026-10-31' });

      const all = await t.get(url(initiative.id));
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: LIMITS.pageSize.default });
      expect(Object.keys(all.body.items[0]).sort()).toEqual(STATUS_UPDATE_KEYS);
      expect(periods(all)).toEqual(['2026-11-01/2026-11-30', '2026-10-01/2026-10-31', '2026-09-01/2026-09-30', '2026-08-01/2026-08-31']);

      const second = await t.get(`${url(initiative.id)}?page=2&pageSize=3`);
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(periods(second)).toEqual(['2026-08-01/2026-08-31']);
    });

    it('orders by the end of the period, not its start or when it was written', async () => {
      const { initiative } = await make.world();
      // Written last, starts latest, but ends earliest.
      await make.statusUpdate(initiative.id, { periodStart: '2026-06-01', periodEnd: '2026-12-31' });
      await make.statusUpdate(initiative.id, { periodStart: '2026-11-01', periodEnd: '2026-11-15' });
      expect(periods(await t.get(url(initiative.id)))).toEqual(['2026-06-01/2026-12-31', '2026-11-01/2026-11-15']);
    });

    it('puts the latest report first among updates for the same period end', async () => {
      const { initiative } = await make.world();
      const a = await make.statusUpdate(initiative.id, { narrative: 'Rapport A' });
      const b = await make.statusUpdate(initiative.id, { narrative: 'Rapport B' });
      // Fixed report times, so that the order does not hang on how fast the two requests ran.
      const reportAt = (id: string, at: string) =>
        t.dataSource.transaction(async (manager) => {
          // Writes are audited, so even this direct one needs an actor.
          await attributeTo(manager, SYSTEM_ACTOR);
          await manager.query('UPDATE status_update SET reported_at = $2 WHERE id = $1', [id, at]);
        });
      const ids = async () => (await t.get(url(initiative.id))).body.items.map((u: { id: string }) => u.id);

      await reportAt(a.id, '2026-11-02T09:00:00Z');
      await reportAt(b.id, '2026-11-01T09:00:00Z');
      expect(await ids()).toEqual([a.id, b.id]);

      await reportAt(a.id, '2026-11-01T09:00:00Z');
      await reportAt(b.id, '2026-11-02T09:00:00Z');
      expect(await ids()).toEqual([b.id, a.id]);
      expect((await t.get(url(initiative.id, b.id))).body.reportedAt).toBe('2026-11-02T09:00:00.000Z');
    });

    it('lists only the status updates of the initiative asked for', async () => {
      const { plan, department, initiative } = await make.world();
      const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      const mine = await make.statusUpdate(initiative.id);
      await make.statusUpdate(other.id);
      const list = await t.get(url(initiative.id));
      expect(list.body.total).toBe(1);
      expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([mine.id]);
    });

    it('rejects bad paging', async () => {
      const { initiative } = await make.world();
      expectInvalidFields(await t.get(`${url(initiative.id)}?page=0&pageSize=${LIMITS.pageSize.max + 1}`), ['page', 'pageSize']);
    });
  });

  describe('validation', () => {
    it('rejects a period that ends before it starts and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), { ...VALID, periodStart: '2026-10-31', periodEnd: '2026-10-01' });
      expectInvalidFields(response, ['periodEnd']);
      expect(fieldMessages(response).periodEnd).toEqual(['periodEnd must be on or after periodStart']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an update that makes the period end before it starts and changes nothing', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { periodStart: '2026-10-01', periodEnd: '2026-10-31' });
      const before = await t.rowCounts();
      const ifMatch = update.version;
      expectInvalidFields(await t.patch(url(initiative.id, update.id), { periodEnd: '2026-09-30' }, { ifMatch }), ['periodEnd']);
      expectInvalidFields(await t.patch(url(initiative.id, update.id), { periodStart: '2026-11-01' }, { ifMatch }), ['periodEnd']);
      expectInvalidFields(await t.patch(url(initiative.id, update.id), { periodStart: '2026-12-01', periodEnd: '2026-11-01' }, { ifMatch }), ['periodEnd']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(update);

      const moved = await t.patch(url(initiative.id, update.id), { periodStart: '2026-11-01', periodEnd: '2026-11-30' }, { ifMatch });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });
    });

    it('names every missing required field and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      // The author is not among them: it defaults to the signed-in user.
      expectInvalidFields(await t.post(url(initiative.id), {}), ['periodStart', 'periodEnd', 'health', 'narrative']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects a new status update with an author name of null rather than defaulting it, and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectInvalidFields(await t.post(url(initiative.id), { ...VALID, authorName: null }), ['authorName']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects values of the wrong type with a message per field and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), {
        periodStart: 20261001,
        periodEnd: { date: '2026-10-31' },
        health: 'green',
        narrative: 42,
        blockers: ['ingen'],
        nextSteps: false,
        internalText: 1,
        publicText: {},
        authorName: ['Mette'],
      });
      expectInvalidFields(response, ['periodStart', 'periodEnd', 'health', 'narrative', 'blockers', 'nextSteps', 'internalText', 'publicText', 'authorName']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects texts outside the length limits and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const tooLong = 'x'.repeat(LIMITS.longText.max + 1);
      const response = await t.post(url(initiative.id), {
        ...VALID,
        narrative: tooLong,
        blockers: tooLong,
        nextSteps: tooLong,
        internalText: tooLong,
        publicText: tooLong,
        authorName: 'a'.repeat(LIMITS.authorName.max + 1),
      });
      expectInvalidFields(response, ['narrative', 'blockers', 'nextSteps', 'internalText', 'publicText', 'authorName']);
      expectInvalidFields(await t.post(url(initiative.id), { ...VALID, narrative: '   ', authorName: '' }), ['narrative', 'authorName']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-10-1', '01-10-2026', '2026-10-01T00:00:00Z', ''])('rejects the period date %p', async (date) => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectInvalidFields(await t.post(url(initiative.id), { ...VALID, periodStart: date, periodEnd: date }), ['periodStart', 'periodEnd']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects unknown and server-owned fields and stores nothing', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      const response = await t.post(url(initiative.id), {
        ...VALID,
        reportedAt: '2020-01-01T00:00:00.000Z',
        initiativeId: initiative.id,
        version: 3,
        mood: 'glad',
      });
      expectInvalidFields(response, ['reportedAt', 'initiativeId', 'version', 'mood']);
      expect(await t.rowCounts()).toEqual(before);
    });

    it('rejects an invalid update with a message per field and changes nothing', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { internalText: 'Intern', publicText: 'Offentlig' });
      const before = await t.rowCounts();
      const response = await t.patch(
        url(initiative.id, update.id),
        {
          health: 'fine',
          narrative: ' ',
          publicText: 'p'.repeat(LIMITS.longText.max + 1),
          periodStart: '2026-02-30',
          reportedAt: '2020-01-01T00:00:00.000Z',
        },
        { ifMatch: update.version },
      );
      expectInvalidFields(response, ['health', 'narrative', 'publicText', 'periodStart', 'reportedAt']);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(update);
    });

    it.each([
      ['narrative', { narrative: null }],
      ['health', { health: null }],
      ['authorName', { authorName: null }],
      ['periodStart', { periodStart: null }],
      ['publicText', { publicText: null }],
    ])('rejects an update setting %s to null with a message on that field and changes nothing', async (field, body) => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { publicText: 'Offentlig' });
      const before = await t.rowCounts();
      const response = await t.patch(url(initiative.id, update.id), body, { ifMatch: update.version });
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(update);
      expectInvalidFields(response, [field]);
    });

    it('rejects a body that is not JSON', async () => {
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectProblem(await t.send('POST', url(initiative.id), '{"health":', 'application/json'), 400);
      expectProblem(await t.send('POST', url(initiative.id), 'health=on_track', 'application/x-www-form-urlencoded'), 415);
      expect(await t.rowCounts()).toEqual(before);
    });
  });

  describe('versions and If-Match', () => {
    it('sends the version as the ETag of create, get and update, and takes it back in If-Match', async () => {
      const { initiative } = await make.world();
      const created = await t.post(url(initiative.id), VALID);
      expect(created.status).toBe(201);
      expect(created.headers['etag']).toBe('"1"');
      const read = await t.get(url(initiative.id, created.body.id));
      expect(read.status).toBe(200);
      expect(read.headers['etag']).toBe(`"${read.body.version}"`);
      expect(read.headers['etag']).toBe('"1"');

      const updated = await t.patch(url(initiative.id, created.body.id), { nextSteps: 'Møde i næste uge' }, { ifMatch: read.headers['etag'] as string });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(updated.headers['etag']).toBe('"2"');
      expect((await t.get(url(initiative.id, created.body.id))).headers['etag']).toBe('"2"');

      expect((await t.delete(url(initiative.id, created.body.id), { ifMatch: updated.headers['etag'] as string })).status).toBe(204);
      expect(await t.rowCounts()).toMatchObject({ status_update: 0 });
    });

    it('refuses PATCH and DELETE without If-Match with 428 and changes nothing', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { internalText: 'Intern' });
      const before = await t.rowCounts();

      expectProblem(await t.patch(url(initiative.id, update.id), { health: 'off_track', internalText: 'Uden version' }), 428);
      expectProblem(await t.delete(url(initiative.id, update.id)), 428);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(update);
    });

    it('refuses PATCH and DELETE with a stale version with 409 and the current status update, and changes nothing', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id, { health: 'on_track' });
      const changed = await t.patch(url(initiative.id, update.id), { narrative: 'Ændret af en anden' }, { ifMatch: update.version });
      expect(changed.status).toBe(200);
      expect(changed.body.version).toBe(update.version + 1);
      const before = await t.rowCounts();

      const stale = await t.patch(
        url(initiative.id, update.id),
        { health: 'at_risk', narrative: 'Min ændring', delayCauseId: cause, delayReason: 'Færre frivillige.' },
        { ifMatch: update.version },
      );
      expectProblem(stale, 409);
      expect(stale.body.current).toEqual(changed.body);
      const staleDelete = await t.delete(url(initiative.id, update.id), { ifMatch: update.version });
      expectProblem(staleDelete, 409);
      expect(staleDelete.body.current).toEqual(changed.body);
      // A version the status update has not reached yet is no better.
      expectProblem(await t.patch(url(initiative.id, update.id), { narrative: 'Endnu en ændring' }, { ifMatch: changed.body.version + 1 }), 409);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(changed.body);
    });

    it('answers 400 naming If-Match for a value that is not an ETag, and changes nothing', async () => {
      const { initiative } = await make.world();
      const update = await make.statusUpdate(initiative.id);
      const before = await t.rowCounts();
      for (const response of [
        await t.patch(url(initiative.id, update.id), { health: 'off_track' }, { ifMatch: 'version-one' }),
        await t.delete(url(initiative.id, update.id), { ifMatch: 'version-one' }),
      ]) {
        expectInvalidFields(response, ['If-Match']);
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, update.id))).body).toEqual(update);
    });
  });

  describeNestedResourceIds(() => ({ t, make }), {
    segment: 'status-updates',
    name: 'status update',
    valid: VALID,
    change: { health: 'off_track', internalText: 'Kapret' },
    create: (factory, initiativeId) => factory.statusUpdate(initiativeId, { internalText: 'Deres interne tekst' }),
  });
});
