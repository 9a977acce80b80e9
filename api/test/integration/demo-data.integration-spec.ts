import { daysBetween } from '@fremdrift/progress';
import { Clock } from '../../src/core/clock/clock';
import { RemindersService } from '../../src/modules/reminders/reminders.service';
import { DEMO_LEAD_NAMES } from '../../src/database/seed/demo-accounts';
import { seedDemoData } from '../../src/database/seed/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';

const PLAN_2016 = 'Flygtningehandleplan 2016 – samskabt med nye og gamle aarhusianere';
/** Late in a quarter, and two days into one: the demo must look the same wherever today falls. */
const TODAY = '2026-11-18';
const OTHER_TODAY = '2027-04-02';
const AUDITED_DEMO_TABLES = [
  'department',
  'partner',
  'action_plan',
  'goal',
  'initiative',
  'initiative_department',
  'initiative_partner',
  'milestone',
  'status_update',
  'user_department',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API responses read generically
type Json = any;

function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run the integration tests through jest.integration.config.cjs');
  return url;
}

const countBy = (values: string[]): Record<string, number> =>
  Object.fromEntries([...new Set(values)].sort().map((value) => [value, values.filter((v) => v === value).length]));

interface DemoView {
  initiatives: Json[];
  dashboard: Json;
}

/** What a user sees of the 2016 plan on `today`, the app's clock set to the same day. */
async function viewOn(t: TestApp, today: string): Promise<DemoView> {
  jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${today}T10:00:00Z`));
  const plan = (await t.get('/api/action-plans?pageSize=100')).body.items.find((p: Json) => p.title === PLAN_2016);
  const initiatives = (await t.get(`/api/initiatives?actionPlanId=${plan.id}&pageSize=100`)).body.items;
  const dashboard = (await t.get(`/api/dashboard?actionPlanId=${plan.id}`)).body;
  return { initiatives, dashboard };
}

/** The demo's shape: what must be the same whichever day it is loaded on. */
function shapeOf(view: DemoView, today: string) {
  const { initiatives, dashboard } = view;
  const reporting = initiatives.filter((i: Json) => i.reporting.state !== 'not_required');
  return {
    status: countBy(initiatives.map((i: Json) => i.status)),
    health: countBy(initiatives.map((i: Json) => i.health)),
    reporting: countBy(reporting.map((i: Json) => i.reporting.state)),
    lateDepartments: [...new Set(reporting.filter((i: Json) => i.reporting.state === 'overdue').map((i: Json) => i.leadDepartment.code))].sort(),
    overdueMilestones: dashboard.headline.milestones.overdue,
    milestonesDueIn30Days: initiatives.filter((i: Json) => {
      const days = i.nextMilestone?.dueDate ? daysBetween(today, i.nextMilestone.dueDate) : -1;
      return days >= 0 && days <= 30;
    }).length,
    expectedProgress: Math.round(dashboard.headline.averageExpectedProgress * 100),
  };
}

describe('the demo data, anchored to the day it is loaded', () => {
  let t: TestApp;
  let view: DemoView;

  beforeAll(async () => {
    t = await startTestApp();
    await t.reset();
    await seedDemoData(databaseUrl(), { today: TODAY });
    view = await viewOn(t, TODAY);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  it('puts the 2016 plan about 60 % through its implementation', () => {
    expect(view.dashboard.headline.averageExpectedProgress).toBeGreaterThanOrEqual(0.5);
    expect(view.dashboard.headline.averageExpectedProgress).toBeLessThanOrEqual(0.7);
    expect(view.initiatives).toHaveLength(16);
  });

  it('has most initiatives on track, some behind, a few completed, one cancelled with a reason and some on hold', async () => {
    const { status, health } = shapeOf(view, TODAY);
    expect(health['on_track']).toBeGreaterThan(view.initiatives.length / 2);
    expect((health['at_risk'] ?? 0) + (health['off_track'] ?? 0)).toBeGreaterThanOrEqual(3);
    expect(health['off_track']).toBeGreaterThanOrEqual(1);
    expect(status['in_progress']).toBeGreaterThanOrEqual(6);
    expect(status['completed']).toBeGreaterThanOrEqual(2);
    expect(status['completed']).toBeLessThanOrEqual(5);
    expect(status['on_hold']).toBeGreaterThanOrEqual(1);
    expect(status['cancelled']).toBe(1);
    const cancelled = view.initiatives.find((i: Json) => i.status === 'cancelled');
    expect((await t.get(`/api/initiatives/${cancelled.id}`)).body.cancellationReason.length).toBeGreaterThan(20);
  });

  it('has no initiative years behind: none that is not completed ended more than a year ago', () => {
    const longOver = view.initiatives.filter((i: Json) => i.status !== 'completed' && daysBetween(i.targetDate, TODAY) > 365);
    expect(longOver.map((i: Json) => i.title)).toEqual([]);
    const expectedDone = view.initiatives.filter((i: Json) => i.expectedProgress === 1 && i.status !== 'completed' && i.status !== 'cancelled');
    expect(expectedDone.map((i: Json) => i.title)).toEqual([]);
  });

  it('has this quarter partly reported: some updates in, most due, one or two departments late', () => {
    const { reporting, lateDepartments } = shapeOf(view, TODAY);
    expect(reporting['done']).toBeGreaterThanOrEqual(2);
    expect(reporting['due']).toBeGreaterThan(reporting['done']);
    expect(reporting['overdue']).toBeGreaterThanOrEqual(1);
    expect(lateDepartments.length).toBeGreaterThanOrEqual(1);
    expect(lateDepartments.length).toBeLessThanOrEqual(2);
    expect(view.dashboard.compliance.length).toBe((reporting['due'] ?? 0) + (reporting['overdue'] ?? 0));
    // Late by weeks, not by years.
    for (const row of view.dashboard.compliance) expect(row.daysOverdue).toBeLessThanOrEqual(92);
  });

  it('has milestones done in the past, some overdue and some due in the next weeks, none completed in the future', async () => {
    const { milestones } = view.dashboard.headline;
    expect(milestones.completed).toBeGreaterThan(milestones.total / 3);
    expect(milestones.overdue).toBeGreaterThanOrEqual(1);
    expect(milestones.overdue).toBeLessThanOrEqual(5);
    expect(shapeOf(view, TODAY).milestonesDueIn30Days).toBeGreaterThanOrEqual(3);
    expect(view.dashboard.milestoneWeeks.length).toBeGreaterThanOrEqual(3);
    const [future] = await t.dataSource.query('SELECT count(*)::int AS count FROM milestone WHERE completed_date > $1', [TODAY]);
    expect(future.count).toBe(0);
  });

  it('has status updates over the past two years, none reported after today, with a health trend on the dashboard', async () => {
    const [span] = await t.dataSource.query(
      `SELECT min(period_start)::text AS first, max(period_end)::text AS last, max(reported_at AT TIME ZONE 'Europe/Copenhagen')::date::text AS "lastReported",
              bool_and(period_end >= period_start) AS ordered
         FROM status_update`,
    );
    expect(span.ordered).toBe(true);
    expect(daysBetween(span.first, TODAY)).toBeGreaterThan(540);
    expect(daysBetween(span.first, TODAY)).toBeLessThan(900);
    expect(span.lastReported <= TODAY).toBe(true);
    const months = view.dashboard.healthOverTime.filter((m: Json) => m.reported > 0);
    expect(months.length).toBeGreaterThanOrEqual(18);
    const shareOnTrack = (m: Json) => m.byHealth.on_track / m.reported;
    expect(shareOnTrack(months[0])).toBeGreaterThan(shareOnTrack(months[months.length - 1]));
    expect(months[months.length - 1].reported).toBeGreaterThan(months[0].reported);
  });

  it('attributes its history to the demo users who would have made it, not to "System"', async () => {
    const byActor: { actor: string; entity: string; n: number }[] = await t.dataSource.query(
      `SELECT actor_name AS actor, entity_type AS entity, count(*)::int AS n FROM audit_event WHERE entity_type = ANY($1) GROUP BY 1, 2`,
      [AUDITED_DEMO_TABLES],
    );
    expect(byActor.filter((row) => !/ <[^>]+@fremdrift\.example>$/.test(row.actor))).toEqual([]);
    const names = new Set(byActor.map((row) => row.actor.replace(/ <.*$/, '')));
    for (const name of ['Ida Administrator', 'Karen Direktør', ...Object.values(DEMO_LEAD_NAMES)]) expect(names).toContain(name);

    // Each status update and milestone by the lead of its initiative's department, who is also the update's author.
    const misattributed = await t.dataSource.query(
      `SELECT e.entity_type, e.actor_name, d.code FROM audit_event e
         JOIN initiative i ON i.id = e.initiative_id JOIN department d ON d.id = i.lead_department_id
         LEFT JOIN status_update s ON e.entity_type = 'status_update' AND s.id::text = e.entity_id
        WHERE e.entity_type IN ('status_update', 'milestone') AND e.action = 'create'
          AND (e.actor_name <> (SELECT u.display_name || ' <' || u.email || '>' FROM app_user u WHERE u.email = 'leder.' || lower(d.code) || '@fremdrift.example')
               OR (s.id IS NOT NULL AND e.actor_name NOT LIKE s.author_name || ' <%'))`,
    );
    expect(misattributed).toEqual([]);
    // Public texts went through management's approval.
    const approvals = await t.dataSource.query(
      `SELECT public_text_state AS state, reviewer_name AS reviewer, count(*)::int AS n FROM status_update WHERE public_text <> '' GROUP BY 1, 2`,
    );
    expect(approvals).toEqual([{ state: 'approved', reviewer: 'Karen Direktør', n: expect.any(Number) }]);
  });

  it('has this period’s reminders in the outbox as soon as the cycle first runs, whatever day of the period it is', async () => {
    for (const today of [TODAY, OTHER_TODAY]) {
      await t.reset();
      await seedDemoData(databaseUrl(), { today });
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${today}T10:00:00Z`));
      await t.app.get(RemindersService).runCycle();
      const reminders: { to: string; periodEnd: string }[] = await t.dataSource.query(
        `SELECT "to", split_part(idempotency_key, ':', 3) AS "periodEnd" FROM outbox_message WHERE kind = 'reminder'`,
      );
      expect(reminders.length).toBeGreaterThan(0);
      for (const reminder of reminders) expect(reminder.periodEnd >= today).toBe(true);
      jest.restoreAllMocks();
    }
  });

  it('has the same shape whichever day it is loaded on, and an invalid day is refused', async () => {
    const shape = shapeOf(view, TODAY);
    await t.reset();
    await seedDemoData(databaseUrl(), { today: OTHER_TODAY });
    const other = await viewOn(t, OTHER_TODAY);
    expect(shapeOf(other, OTHER_TODAY)).toEqual(shape);
    const [first] = other.initiatives.filter((i: Json) => i.title === 'Sprogpraktik i virksomheder');
    const [before] = view.initiatives.filter((i: Json) => i.title === 'Sprogpraktik i virksomheder');
    expect(daysBetween(TODAY, before.targetDate)).toBe(daysBetween(OTHER_TODAY, first.targetDate));

    await expect(seedDemoData(databaseUrl(), { today: '2027-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('dates nothing after the moment it is loaded: an update of today, reported later in the day in its story, is dated then', async () => {
    await t.reset();
    const now = new Date(`${TODAY}T07:30:00+01:00`);
    await seedDemoData(databaseUrl(), { today: TODAY, now });
    const [{ latest, today }] = await t.dataSource.query(
      `SELECT greatest(max(reported_at), max(reviewed_at), max(updated_at), max(created_at)) AS latest,
              count(*) FILTER (WHERE (reported_at AT TIME ZONE 'Europe/Copenhagen')::date = $1::date)::int AS today
         FROM status_update`,
      [TODAY],
    );
    expect(today).toBeGreaterThan(0);
    expect(new Date(latest).toISOString()).toBe(now.toISOString());
  });
});
