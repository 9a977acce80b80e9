import { awaitsReport, computeReporting, reportingPeriodOf } from './reporting';

const TODAY = '2026-11-23';
const running = { period: 'monthly' as const, status: 'in_progress' as const, startDate: '2026-01-01' };

describe('reportingPeriodOf', () => {
  it('finds the calendar month, leap years included', () => {
    expect(reportingPeriodOf('monthly', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(reportingPeriodOf('monthly', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('finds the calendar quarter', () => {
    expect(reportingPeriodOf('quarterly', '2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(reportingPeriodOf('quarterly', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(reportingPeriodOf('quarterly', '2026-05-15')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(reportingPeriodOf('quarterly', '2026-09-30')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('ends February on the 28th in a century year unless it divides by 400', () => {
    expect(reportingPeriodOf('monthly', '2100-02-01')).toEqual({ start: '2100-02-01', end: '2100-02-28' });
    expect(reportingPeriodOf('monthly', '2000-02-01')).toEqual({ start: '2000-02-01', end: '2000-02-29' });
  });

  it('agrees with the calendar on every day of four years', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const date = new Date(t);
      const lastOfMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
      expect(reportingPeriodOf('monthly', day)).toEqual({ start: `${day.slice(0, 7)}-01`, end: lastOfMonth });
    }
  });
});

describe('computeReporting', () => {
  it('is done when an update covers the current period', () => {
    expect(computeReporting({ ...running, lastReportedPeriodEnd: '2026-11-30' }, TODAY)).toMatchObject({
      state: 'done',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      daysOverdue: 0,
    });
  });

  it('is due when only the previous period is reported', () => {
    expect(computeReporting({ ...running, lastReportedPeriodEnd: '2026-10-31' }, TODAY)).toMatchObject({ state: 'due', daysOverdue: 0 });
  });

  it('is overdue, in days since the first missing period ended, when an earlier period is missing', () => {
    expect(computeReporting({ ...running, lastReportedPeriodEnd: '2026-09-30' }, TODAY)).toMatchObject({ state: 'overdue', daysOverdue: 23 });
    expect(computeReporting({ ...running, lastReportedPeriodEnd: '2026-07-31' }, TODAY)).toMatchObject({ state: 'overdue', daysOverdue: 84 });
  });

  it('counts from the start date when nothing has been reported', () => {
    expect(computeReporting({ ...running, lastReportedPeriodEnd: null }, TODAY)).toMatchObject({ state: 'overdue', daysOverdue: 296 });
    expect(computeReporting({ ...running, startDate: '2026-11-02', lastReportedPeriodEnd: null }, TODAY)).toMatchObject({ state: 'due' });
    expect(computeReporting({ ...running, startDate: null, lastReportedPeriodEnd: null }, TODAY)).toMatchObject({ state: 'due' });
  });

  it('reports quarterly by the quarter', () => {
    const quarterly = { ...running, period: 'quarterly' as const };
    expect(computeReporting({ ...quarterly, lastReportedPeriodEnd: '2026-09-30' }, TODAY)).toMatchObject({ state: 'due', periodStart: '2026-10-01' });
    expect(computeReporting({ ...quarterly, lastReportedPeriodEnd: '2026-06-30' }, TODAY)).toMatchObject({ state: 'overdue', daysOverdue: 54 });
  });

  it('asks nothing of ideas, finished or cancelled work, or planned work that has not started', () => {
    for (const status of ['idea', 'completed', 'cancelled'] as const) {
      expect(computeReporting({ ...running, status, lastReportedPeriodEnd: null }, TODAY).state).toBe('not_required');
    }
    expect(computeReporting({ ...running, status: 'planned', startDate: '2027-01-01', lastReportedPeriodEnd: null }, TODAY).state).toBe('not_required');
    expect(computeReporting({ ...running, status: 'planned', startDate: '2026-11-01', lastReportedPeriodEnd: null }, TODAY).state).toBe('due');
    expect(computeReporting({ ...running, status: 'on_hold', lastReportedPeriodEnd: '2026-11-15' }, TODAY).state).toBe('done');
  });
});

describe('awaitsReport', () => {
  it('is true while this period’s update is still to come, due or overdue, and false once it is in or not required', () => {
    expect(awaitsReport({ state: 'due' })).toBe(true);
    expect(awaitsReport({ state: 'overdue' })).toBe(true);
    expect(awaitsReport({ state: 'done' })).toBe(false);
    expect(awaitsReport({ state: 'not_required' })).toBe(false);
  });
});
