import { DataSource } from 'typeorm';
import { attributeTo } from '../../src/core/database/transaction-runner';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

interface Event {
  entityType: string;
  entityId: string;
  action: string;
  initiativeId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  subject: { id: string; label: unknown; deleted: boolean };
  initiative: { id: string; label: unknown; deleted: boolean } | null;
  references: Record<string, unknown>;
  actor: { id: string | null; name: string };
}

/** A label that is the same in both languages. */
const name = (text: string) => ({ da: text, en: text });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('Audit trail in words', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const trail = async (query = ''): Promise<Event[]> => {
    const response = await t.get(`/api/audit-events?pageSize=100${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const find = (events: Event[], entityType: string, action: string, entityId?: string) => {
    const found = events.find((e) => e.entityType === entityType && e.action === action && (!entityId || e.entityId === entityId));
    if (!found) throw new Error(`No ${action} of ${entityType} ${entityId ?? ''} in ${JSON.stringify(events.map((e) => `${e.entityType}:${e.action}`))}`);
    return found;
  };

  /** Links a partner as the system would, without depending on the link endpoint's body. */
  const linkPartner = (initiativeId: string, partnerId: string) =>
    t.dataSource.transaction(async (manager) => {
      await attributeTo(manager, { id: null, name: 'System' });
      await manager.query('INSERT INTO initiative_partner (initiative_id, partner_id) VALUES ($1, $2)', [initiativeId, partnerId]);
    });

  it('names the record of every kind of event, and the initiative of those under one', async () => {
    const { initiative, department, plan } = await make.world();
    const goal = plan.goals[0];
    const milestone = await make.milestone(initiative.id, { title: 'Samtalegrupper' });
    const update = await make.statusUpdate(initiative.id, { periodStart: '2026-10-01', periodEnd: '2026-10-31' });
    const partner = await make.partner({ name: 'Røde Kors Aarhus' });
    await linkPartner(initiative.id, partner.id);
    const other = await make.department({ name: 'Sundhed og Omsorg' });
    await t.patch(`/api/initiatives/${initiative.id}`, { participatingDepartmentIds: [other.id] }, { ifMatch: initiative.version });
    const cause = (await t.post('/api/delay-causes', { code: 'staffing', labelDa: 'Bemanding', labelEn: 'Staffing' })).body;
    const lead = await t.signedIn('department_lead', [department.id]);

    const events = await trail();
    const about = (entityType: string, entityId: string) => {
      const event = find(events, entityType, 'create', entityId);
      return { label: event.subject.label, deleted: event.subject.deleted, initiative: event.initiative };
    };
    const inInitiative = { id: initiative.id, label: name(initiative.title), deleted: false };
    expect(about('department', department.id)).toEqual({ label: name(department.name), deleted: false, initiative: null });
    expect(about('action_plan', plan.id)).toEqual({ label: name(plan.title), deleted: false, initiative: null });
    expect(about('goal', goal.id)).toEqual({ label: name(goal.title), deleted: false, initiative: null });
    expect(about('initiative', initiative.id)).toEqual({ label: name(initiative.title), deleted: false, initiative: inInitiative });
    expect(about('milestone', milestone.id)).toEqual({ label: name('Samtalegrupper'), deleted: false, initiative: inInitiative });
    expect(about('status_update', update.id)).toEqual({ label: name('2026-10-01/2026-10-31'), deleted: false, initiative: inInitiative });
    expect(about('partner', partner.id)).toEqual({ label: name('Røde Kors Aarhus'), deleted: false, initiative: null });
    expect(about('initiative_partner', partner.id)).toEqual({ label: name('Røde Kors Aarhus'), deleted: false, initiative: inInitiative });
    expect(about('initiative_department', other.id)).toEqual({ label: name('Sundhed og Omsorg'), deleted: false, initiative: inInitiative });
    expect(about('delay_cause', cause.id)).toEqual({ label: { da: 'Bemanding', en: 'Staffing' }, deleted: false, initiative: null });
    expect(about('user', lead.user.id)).toEqual({
      label: name(`Test department_lead ${lead.user.email.split('-').pop()?.split('@')[0]}`),
      deleted: false,
      initiative: null,
    });
    expect(about('user_department', lead.user.id).label).toEqual(about('user', lead.user.id).label);
  });

  it('names deleted records from what the trail last knew of them', async () => {
    const { initiative } = await make.world();
    const milestone = await make.milestone(initiative.id, { title: 'Første navn' });
    const renamed = await t.patch(`/api/initiatives/${initiative.id}/milestones/${milestone.id}`, { title: 'Samtalegrupper' }, { ifMatch: milestone.version });
    expect(renamed.status).toBe(200);
    const update = await make.statusUpdate(initiative.id, { periodStart: '2026-09-01', periodEnd: '2026-09-30' });
    const department = await make.department({ name: 'Midlertidig afdeling' });
    expect((await t.delete(`/api/departments/${department.id}`)).status).toBe(204);
    expect((await t.delete(`/api/initiatives/${initiative.id}/status-updates/${update.id}`, { ifMatch: update.version })).status).toBe(204);
    const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
    expect((await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: current.version })).status).toBe(204);

    const events = await trail();
    const gone = { id: initiative.id, label: name(initiative.title), deleted: true };
    expect(find(events, 'milestone', 'create', milestone.id)).toMatchObject({ subject: { label: name('Samtalegrupper'), deleted: true }, initiative: gone });
    expect(find(events, 'milestone', 'update', milestone.id)).toMatchObject({ subject: { label: name('Samtalegrupper'), deleted: true } });
    expect(find(events, 'status_update', 'delete', update.id)).toMatchObject({
      subject: { label: name('2026-09-01/2026-09-30'), deleted: true },
      initiative: gone,
    });
    expect(find(events, 'department', 'create', department.id)).toMatchObject({ subject: { label: name('Midlertidig afdeling'), deleted: true } });
    expect(find(events, 'initiative', 'delete', initiative.id)).toMatchObject({ subject: { label: name(initiative.title), deleted: true }, initiative: gone });
  });

  it('names every record an id in the changes refers to, deleted ones too', async () => {
    const department = await make.department();
    const plan = await make.plan();
    const goal = plan.goals[0];
    const initiative = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { goalId: goal.id });
    const next = await make.department({ name: 'Sundhed og Omsorg' });
    const temporary = await make.department({ name: 'Midlertidig afdeling' });
    const moved = await t.patch(`/api/initiatives/${initiative.id}`, { leadDepartmentId: next.id, goalId: null }, { ifMatch: initiative.version });
    expect(moved.status).toBe(200);
    const linked = await t.patch(`/api/initiatives/${initiative.id}`, { participatingDepartmentIds: [temporary.id] }, { ifMatch: moved.body.version });
    expect(linked.status).toBe(200);
    expect((await t.patch(`/api/initiatives/${initiative.id}`, { participatingDepartmentIds: [] }, { ifMatch: linked.body.version })).status).toBe(200);
    expect((await t.delete(`/api/departments/${temporary.id}`)).status).toBe(204);
    const cause = (await t.post('/api/delay-causes', { code: 'staffing', labelDa: 'Bemanding', labelEn: 'Staffing' })).body;
    const report = await make.statusUpdate(initiative.id, { health: 'at_risk', delayCauseId: cause.id, delayReason: 'To medarbejdere på orlov.' });
    const lead = await t.signedIn('department_lead', [next.id]);

    const events = await trail();
    const move = events.find((e) => e.entityType === 'initiative' && e.action === 'update' && e.changes['leadDepartmentId']);
    expect(move?.changes['leadDepartmentId']).toEqual({ before: department.id, after: next.id });
    expect(move?.references).toEqual({ [department.id]: name(department.name), [next.id]: name('Sundhed og Omsorg'), [goal.id]: name(goal.title) });

    const created = find(events, 'initiative', 'create', initiative.id);
    expect(created.references).toMatchObject({
      [plan.id]: name(plan.title),
      [goal.id]: name(goal.title),
      [department.id]: name(department.name),
      [initiative.id]: name(initiative.title),
    });

    const unlinked = find(events, 'initiative_department', 'delete', temporary.id);
    expect(unlinked.subject).toEqual({ id: temporary.id, label: name('Midlertidig afdeling'), deleted: true });
    expect(unlinked.references).toMatchObject({ [temporary.id]: name('Midlertidig afdeling'), [initiative.id]: name(initiative.title) });

    const reported = find(events, 'status_update', 'create', report.id);
    expect(reported.references).toMatchObject({ [cause.id]: { da: 'Bemanding', en: 'Staffing' } });

    const membership = find(events, 'user_department', 'create', lead.user.id);
    expect(membership.references).toMatchObject({ [next.id]: name('Sundhed og Omsorg') });

    // Every id in every change has a name.
    for (const event of events) {
      for (const change of Object.values(event.changes)) {
        for (const value of [change.before, change.after]) {
          if (typeof value === 'string' && UUID.test(value))
            expect({ event: event.entityType, id: value, name: event.references[value] }).toEqual(expect.objectContaining({ name: expect.anything() }));
        }
      }
    }
  });

  it('narrows the trail by each filter, and by all of them together', async () => {
    const { initiative } = await make.world();
    const second = await make.world();
    const admin = await t.signedIn('admin');
    const milestone = (await admin.post(`/api/initiatives/${initiative.id}/milestones`, { title: 'Samtalegrupper' })).body;
    await admin.patch(`/api/initiatives/${initiative.id}/milestones/${milestone.id}`, { title: 'Samtalegrupper for unge' }, { ifMatch: milestone.version });
    const [{ now }] = await t.dataSource.query('SELECT now() AS now');
    const all = await trail();

    const ids = (events: Event[]) => events.map((e) => `${e.entityType}:${e.action}:${e.entityId}`).sort();
    const expected = (keep: (e: Event) => boolean) => ids(all.filter(keep));
    expect(ids(await trail(`&actorId=${admin.user.id}`))).toEqual(expected((e) => e.actor.id === admin.user.id));
    expect(ids(await trail(`&actorId=${admin.user.id}`))).toHaveLength(2);
    expect(ids(await trail(`&initiativeId=${second.initiative.id}`))).toEqual(expected((e) => e.initiativeId === second.initiative.id));
    expect(ids(await trail(`&initiativeId=${second.initiative.id.toUpperCase()}`))).toHaveLength(1);
    expect(ids(await trail('&entityType=milestone'))).toEqual(expected((e) => e.entityType === 'milestone'));
    expect(ids(await trail('&action=update'))).toEqual(expected((e) => e.action === 'update'));
    expect(ids(await trail(`&initiativeId=${initiative.id}&actorId=${admin.user.id}&entityType=milestone&action=update`))).toEqual([
      `milestone:update:${milestone.id}`,
    ]);
    const stamp = new Date(now).toISOString();
    expect(await trail(`&from=${encodeURIComponent(new Date(Date.parse(stamp) + 60_000).toISOString())}`)).toEqual([]);
    expect(await trail(`&to=${encodeURIComponent(new Date(Date.parse(stamp) - 3_600_000).toISOString())}`)).toEqual([]);
    const window = `&from=${encodeURIComponent(new Date(Date.parse(stamp) - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.parse(stamp) + 60_000).toISOString())}`;
    expect(ids(await trail(window))).toEqual(ids(all));
    expect(ids(await trail('&from=2026-01-01&to=2999-12-31'))).toEqual(ids(all));
  });

  it('answers 400 with a code for each malformed filter', async () => {
    const bad = await t.get('/api/audit-events?entityType=everything&action=rename&actorId=someone&initiativeId=42&from=yesterday&to=soon');
    expectInvalidFields(bad, ['entityType', 'action', 'actorId', 'initiativeId', 'from', 'to']);
    expect(fieldCodes(bad)).toEqual({
      entityType: ['isIn'],
      action: ['isIn'],
      actorId: ['isUuid'],
      initiativeId: ['isUuid'],
      from: ['isDateString'],
      to: ['isDateString'],
    });
    for (const value of ['2026-02-30', '0000-01-01', '99999-01-01', '2026-01-01T25:00:00Z', '']) {
      const response = await t.get(`/api/audit-events?from=${encodeURIComponent(value)}`);
      expectInvalidFields(response, ['from']);
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await t.get('/api/audit-events?from=2026-11-23T00:00:00Z&to=2026-11-01T00:00:00Z');
    expectInvalidFields(response, ['to']);
    expect(fieldCodes(response)).toEqual({ to: ['dateOrder'] });
    expect((await t.get('/api/audit-events?from=2026-11-23T00:00:00Z&to=2026-11-23T00:00:00Z')).status).toBe(200);
  });

  it('offers everyone who changed something and every initiative, deleted ones with their title', async () => {
    const { initiative, plan, department } = await make.world();
    const editor = await t.signedIn('admin');
    const idle = await t.signedIn('admin');
    await editor.post(`/api/initiatives/${initiative.id}/milestones`, { title: 'Samtalegrupper' });
    const doomed = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Nedlagt initiativ' });
    expect((await t.delete(`/api/initiatives/${doomed.id}`, { ifMatch: doomed.version })).status).toBe(204);

    const options = await t.get('/api/audit-events/filter-options');
    expect(options.status).toBe(200);
    const actorIds = options.body.actors.map((actor: { id: string }) => actor.id);
    expect(actorIds).toEqual(expect.arrayContaining([editor.user.id, t.admin.id]));
    expect(actorIds).not.toContain(idle.user.id);
    expect(options.body.actors.find((actor: { id: string }) => actor.id === editor.user.id)).toEqual({
      id: editor.user.id,
      name: expect.stringMatching(/^Test admin/),
      email: editor.user.email,
    });
    expect(options.body.initiatives).toEqual(
      expect.arrayContaining([
        { id: initiative.id, label: name(initiative.title), deleted: false },
        { id: doomed.id, label: name('Nedlagt initiativ'), deleted: true },
      ]),
    );
  });

  it('shows the trail and its filter options to admins only', async () => {
    const { department } = await make.world();
    for (const role of ['management', 'department_lead', 'viewer'] as const) {
      const client = await t.signedIn(role, role === 'department_lead' ? [department.id] : []);
      expectProblem(await client.get('/api/audit-events'), 403);
      expectProblem(await client.get('/api/audit-events/filter-options'), 403);
    }
    expectProblem(await t.anonymous.get('/api/audit-events'), 401);
    expectProblem(await t.anonymous.get('/api/audit-events/filter-options'), 401);
  });

  it('names the milestones and users in an initiative’s history, and answers 404 for an unknown initiative', async () => {
    const { initiative, department } = await make.world();
    const lead = await t.signedIn('department_lead', [department.id]);
    const milestone = (await lead.post(`/api/initiatives/${initiative.id}/milestones`, { title: 'Samtalegrupper', dueDate: '2026-11-01' })).body;
    await lead.patch(`/api/initiatives/${initiative.id}/milestones/${milestone.id}`, { dueDate: '2026-12-01' }, { ifMatch: milestone.version });

    const history = await lead.get(`/api/initiatives/${initiative.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      entityType: 'milestone',
      action: 'update',
      subject: { id: milestone.id, label: name('Samtalegrupper'), deleted: false },
      initiative: { id: initiative.id, label: name(initiative.title), deleted: false },
      changes: { dueDate: { before: '2026-11-01', after: '2026-12-01' } },
      actor: { id: lead.user.id },
    });
    expectProblem(await lead.get(`/api/initiatives/${UNKNOWN_ID}/history`), 404);
  });

  it('names a page of 100 events in a fixed number of queries', async () => {
    const { initiative } = await make.world();
    for (let i = 0; i < 30; i++) await make.milestone(initiative.id);
    const queries: string[] = [];
    const dataSource = t.app.get(DataSource);
    const original = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation((query: string, ...rest: unknown[]) => {
      queries.push(query);
      return original(query, ...(rest as [unknown[]]));
    });
    try {
      expect((await trail()).length).toBeGreaterThan(30);
    } finally {
      spy.mockRestore();
    }
    expect(queries.length).toBeGreaterThanOrEqual(3);
    expect(queries.length).toBeLessThanOrEqual(4);
  });
});
