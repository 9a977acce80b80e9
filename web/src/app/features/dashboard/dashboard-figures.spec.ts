import { busiestWeek, departmentsBehind, fillWeeks, rankedBy, toPercentPoints, weekStart, wrapLabel } from './dashboard-figures';
import { dashboardFixture } from './dashboard.fixtures';

describe('dashboard figures', () => {
  it('finds the Monday of a week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('shows every week of the next 90 days, with zero where nothing is due', () => {
    const weeks = fillWeeks([{ weekStart: '2026-11-30', due: 2 }], '2026-11-25');
    expect(weeks[0]).toEqual({ weekStart: '2026-11-23', due: 0 });
    expect(weeks[1]).toEqual({ weekStart: '2026-11-30', due: 2 });
    // The 90th day, 22 Feb 2027, is a Monday: its week is the last, the 14th.
    expect(weeks.at(-1)?.weekStart).toBe('2027-02-22');
    expect(weeks).toHaveLength(14);
    expect(weeks.map((w) => w.weekStart)).toEqual([...weeks.map((w) => w.weekStart)].sort());
    expect(new Set(weeks.map((w) => w.weekStart)).size).toBe(weeks.length);
  });

  it('keeps a week the API knows even outside the span', () => {
    expect(fillWeeks([{ weekStart: '2030-01-07', due: 1 }], '2026-11-23').at(-1)).toEqual({ weekStart: '2030-01-07', due: 1 });
  });

  it('finds the departments behind their expected progress, largest gap first', () => {
    const behind = departmentsBehind(dashboardFixture().departments);
    expect(behind.map((d) => d.department.code)).toEqual(['MSB', 'MSO', 'BA']);
  });

  it('ranks the departments by initiatives off track, and finds the busiest week', () => {
    expect(rankedBy(dashboardFixture().departments, 'off_track').map((d) => d.department.code)).toEqual(['MSB', 'MSO']);
    expect(rankedBy(dashboardFixture().departments.slice(2, 3), 'off_track')).toEqual([]);
    expect(
      busiestWeek([
        { weekStart: 'a', due: 1 },
        { weekStart: 'b', due: 3 },
        { weekStart: 'c', due: 3 },
      ])?.weekStart,
    ).toBe('b');
    expect(busiestWeek([{ weekStart: 'a', due: 0 }])).toBeNull();
  });

  it('turns shares into percentage points and wraps long names', () => {
    expect(toPercentPoints(0.4234)).toBe(42.3);
    expect(toPercentPoints(1.2)).toBe(100);
    expect(toPercentPoints(null)).toBeNull();
    expect(wrapLabel('Sociale Forhold og Beskæftigelse')).toEqual(['Sociale Forhold og', 'Beskæftigelse']);
    expect(wrapLabel('Kort')).toEqual(['Kort']);
  });
});
