import { demoCalendar, isCalendarDay } from './demo-calendar';

describe('demoCalendar', () => {
  it('counts days from today, across months and years', () => {
    const { day } = demoCalendar('2027-01-15');
    expect(day(0)).toBe('2027-01-15');
    expect(day(-15)).toBe('2026-12-31');
    expect(day(45)).toBe('2027-03-01');
  });

  it('gives the reporting quarters around today, across a year boundary', () => {
    const { quarter } = demoCalendar('2027-01-15');
    expect(quarter(0, 0, '10:00')).toMatchObject({ periodStart: '2027-01-01', periodEnd: '2027-03-31' });
    expect(quarter(-1, 0, '10:00')).toMatchObject({ periodStart: '2026-10-01', periodEnd: '2026-12-31' });
    expect(quarter(-5, 0, '10:00')).toMatchObject({ periodStart: '2025-10-01', periodEnd: '2025-12-31' });
  });

  it('reports after the period ended, in local time, but never after today', () => {
    const { quarter } = demoCalendar('2027-01-03');
    expect(quarter(-3, 5, '09:30').reportedAt).toBe('2026-07-05T09:30:00+02:00');
    expect(quarter(-2, 5, '09:30').reportedAt).toBe('2026-10-05T09:30:00+02:00');
    expect(quarter(-1, 5, '14:00').reportedAt).toBe('2027-01-03T14:00:00+01:00');
    expect(quarter(0, 5, '14:00').reportedAt).toBe('2027-01-03T14:00:00+01:00');
  });

  it('refuses a day that is not a real calendar day', () => {
    for (const value of ['2027-02-29', '2027-13-01', '2027-1-5', '']) expect(isCalendarDay(value)).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(() => demoCalendar('2027-02-30')).toThrow(/YYYY-MM-DD/);
  });
});
