import { cycleActionsFor, DEFAULT_CYCLE_SETTINGS, digestKey, digestWeekOf, isDigestDay, manualReminderKey, planCycleMails, type CycleCase } from './reminders';
import { computeReporting } from './reporting';

const running = { period: 'monthly' as const, status: 'in_progress' as const, startDate: '2026-01-01' };
const reportingOn = (today: string, lastReportedPeriodEnd: string | null) => computeReporting({ ...running, lastReportedPeriodEnd }, today);
const kindsOn = (today: string, lastReportedPeriodEnd: string | null, settings = DEFAULT_CYCLE_SETTINGS) =>
  cycleActionsFor(reportingOn(today, lastReportedPeriodEnd), settings, today).map((action) => action.kind);

describe('cycleActionsFor', () => {
  it('sends nothing before the reminder day', () => {
    expect(kindsOn('2026-12-25', '2026-11-30')).toEqual([]);
  });

  it('reminds from the given number of days before the period ends until the day before', () => {
    expect(cycleActionsFor(reportingOn('2026-12-26', '2026-11-30'), DEFAULT_CYCLE_SETTINGS, '2026-12-26')).toEqual([
      { kind: 'reminder', periodStart: '2026-12-01', periodEnd: '2026-12-31' },
    ]);
    expect(kindsOn('2026-12-30', '2026-11-30')).toEqual(['reminder']);
    expect(kindsOn('2026-12-23', '2026-11-30', { ...DEFAULT_CYCLE_SETTINGS, reminderDaysBefore: 8 })).toEqual(['reminder']);
  });

  it('sends the final reminder on the last day of the period', () => {
    expect(kindsOn('2026-12-31', '2026-11-30')).toEqual(['final_reminder']);
  });

  it('escalates the previous period once the grace days have passed, not before', () => {
    expect(cycleActionsFor(reportingOn('2027-01-03', '2026-11-30'), DEFAULT_CYCLE_SETTINGS, '2027-01-03')).toEqual([
      { kind: 'escalation', periodStart: '2026-12-01', periodEnd: '2026-12-31' },
    ]);
    expect(kindsOn('2027-01-02', '2026-11-30')).toEqual([]);
  });

  it('reminds an initiative that is also overdue, and escalates its latest missed period', () => {
    expect(cycleActionsFor(reportingOn('2027-01-31', '2026-10-31'), DEFAULT_CYCLE_SETTINGS, '2027-01-31')).toEqual([
      { kind: 'final_reminder', periodStart: '2027-01-01', periodEnd: '2027-01-31' },
      { kind: 'escalation', periodStart: '2026-12-01', periodEnd: '2026-12-31' },
    ]);
  });

  it('sends nothing for an initiative that reported, does not report, or whose plan has reminders off', () => {
    expect(kindsOn('2026-12-31', '2026-12-31')).toEqual([]);
    expect(
      cycleActionsFor(computeReporting({ ...running, status: 'completed', lastReportedPeriodEnd: null }, '2026-12-31'), DEFAULT_CYCLE_SETTINGS, '2026-12-31'),
    ).toEqual([]);
    expect(kindsOn('2026-12-31', '2026-11-30', { ...DEFAULT_CYCLE_SETTINGS, remindersEnabled: false })).toEqual([]);
  });

  it('follows quarters for quarterly plans', () => {
    const quarterly = (today: string) => computeReporting({ ...running, period: 'quarterly', lastReportedPeriodEnd: '2026-09-30' }, today);
    expect(cycleActionsFor(quarterly('2026-11-30'), DEFAULT_CYCLE_SETTINGS, '2026-11-30')).toEqual([]);
    expect(cycleActionsFor(quarterly('2026-12-27'), DEFAULT_CYCLE_SETTINGS, '2026-12-27')).toEqual([
      { kind: 'reminder', periodStart: '2026-10-01', periodEnd: '2026-12-31' },
    ]);
  });
});

describe('planCycleMails', () => {
  const caseOf = (
    initiativeId: string,
    leadIds: string[],
    lastReportedPeriodEnd: string | null,
    today: string,
    escalateTo: string[] = ['ledelse@kommune.dk'],
  ): CycleCase => ({
    initiativeId,
    settings: DEFAULT_CYCLE_SETTINGS,
    reporting: reportingOn(today, lastReportedPeriodEnd),
    leadIds,
    escalateTo,
  });

  it('writes one mail per lead listing all their initiatives, keyed by recipient, kind and period', () => {
    const today = '2026-12-27';
    const mails = planCycleMails(
      [caseOf('a', ['lead-1', 'lead-2'], '2026-11-30', today), caseOf('b', ['lead-1'], '2026-11-30', today), caseOf('c', ['lead-3'], '2026-12-31', today)],
      today,
    );
    expect(mails).toEqual([
      {
        kind: 'reminder',
        recipient: 'lead-1',
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        initiativeIds: ['a', 'b'],
        idempotencyKey: 'reminder:lead-1:2026-12-31',
      },
      {
        kind: 'reminder',
        recipient: 'lead-2',
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        initiativeIds: ['a'],
        idempotencyKey: 'reminder:lead-2:2026-12-31',
      },
    ]);
  });

  it('plans the same keys when run twice on a day', () => {
    const today = '2026-12-27';
    const cases = [caseOf('a', ['lead-1'], '2026-11-30', today)];
    expect(planCycleMails(cases, today)).toEqual(planCycleMails(cases, today));
  });

  it('escalates to the management contact, one mail for all of a department, and to nobody when there is no one to tell', () => {
    const today = '2027-01-05';
    const mails = planCycleMails(
      [caseOf('a', ['lead-1'], '2026-11-30', today), caseOf('b', ['lead-2'], '2026-11-30', today), caseOf('c', ['lead-3'], '2026-11-30', today, [])],
      today,
    );
    expect(mails).toEqual([
      {
        kind: 'escalation',
        recipient: 'ledelse@kommune.dk',
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        initiativeIds: ['a', 'b'],
        idempotencyKey: 'escalation:ledelse@kommune.dk:2026-12-31',
      },
    ]);
  });
});

describe('the digest and manual reminder keys', () => {
  it('goes out on Mondays only', () => {
    expect(isDigestDay('2026-12-07')).toBe(true);
    expect(isDigestDay('2026-12-06')).toBe(false);
    expect(isDigestDay('2026-12-08')).toBe(false);
  });

  it('names each week by its Monday', () => {
    expect(digestWeekOf('2026-12-07')).toBe('2026-12-07');
    expect(digestWeekOf('2026-12-13')).toBe('2026-12-07');
    expect(digestKey('user-1', '2026-12-09')).toBe('digest:user-1:2026-12-07');
  });

  it('allows one manual reminder per lead per day', () => {
    expect(manualReminderKey('user-1', '2026-12-09')).toBe('manual_reminder:user-1:2026-12-09');
    expect(manualReminderKey('user-1', '2026-12-10')).not.toBe(manualReminderKey('user-1', '2026-12-09'));
  });
});
