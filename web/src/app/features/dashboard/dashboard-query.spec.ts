import { drillDownParams, hasFilters, NO_FILTERS, parseFilters, periodInvalid, toQuery, toQueryParams } from './dashboard-query';

describe('dashboard filters', () => {
  it('reads the URL’s query parameters and leaves out what cannot be a filter', () => {
    expect(parseFilters({})).toEqual(NO_FILTERS);
    expect(parseFilters({ actionPlanId: ' p1 ', goalId: 'g1', department: 'MSO', departmentRole: 'lead', from: '2026-01-01', to: '2026-02-30' })).toEqual({
      actionPlanId: 'p1',
      goalId: 'g1',
      department: 'MSO',
      departmentRole: 'lead',
      from: '2026-01-01',
      to: '',
    });
    expect(parseFilters({ departmentRole: 'lead' }).departmentRole).toBe('any');
    expect(parseFilters({ department: 'MSO', departmentRole: 'boss' }).departmentRole).toBe('any');
    expect(parseFilters({ from: '1. jan 2026' }).from).toBe('');
  });

  it('asks the API only for what is set; "any" role is the default', () => {
    expect(toQuery(NO_FILTERS)).toEqual({});
    expect(toQuery({ ...NO_FILTERS, department: 'MSO', departmentRole: 'any' })).toEqual({ department: 'MSO' });
    expect(toQuery({ ...NO_FILTERS, department: 'MSO', departmentRole: 'participating', from: '2026-01-01' })).toEqual({
      department: 'MSO',
      departmentRole: 'participating',
      from: '2026-01-01',
    });
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, to: '2026-06-30' })).toBe(true);
  });

  it('writes the URL with null for what is not set, so the router removes it', () => {
    expect(toQueryParams({ ...NO_FILTERS, actionPlanId: 'p1' })).toEqual({
      actionPlanId: 'p1',
      goalId: null,
      department: null,
      departmentRole: null,
      from: null,
      to: null,
    });
  });

  it('knows an impossible period', () => {
    expect(periodInvalid({ from: '2026-02-01', to: '2026-01-31' })).toBe(true);
    expect(periodInvalid({ from: '2026-01-31', to: '2026-01-31' })).toBe(false);
    expect(periodInvalid({ from: '', to: '2026-01-31' })).toBe(false);
  });

  it('drills down to the initiative list with the view’s filters, narrowed by what was clicked', () => {
    const filters = { ...NO_FILTERS, actionPlanId: 'p1', department: 'MSB', departmentRole: 'participating' as const, from: '2026-01-01' };
    expect(drillDownParams(filters)).toEqual({ actionPlanId: 'p1', department: 'MSB', departmentRole: 'participating' });
    expect(drillDownParams(filters, { health: 'off_track' })).toEqual({
      actionPlanId: 'p1',
      department: 'MSB',
      departmentRole: 'participating',
      health: 'off_track',
    });
    expect(drillDownParams(filters, { department: 'MSO', departmentRole: 'lead' })).toEqual({ actionPlanId: 'p1', department: 'MSO', departmentRole: 'lead' });
    expect(drillDownParams(filters, { department: 'MSO' })).toEqual({ actionPlanId: 'p1', department: 'MSO' });
  });
});
