import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DashboardApi } from './dashboard-api';

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(DashboardApi), http: TestBed.inject(HttpTestingController) };
}

describe('DashboardApi', () => {
  it('asks for one view with only the filters that are set', () => {
    const { api, http } = setup();
    api.view({ department: 'MSO', departmentRole: 'lead', from: '2026-01-01' }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/dashboard');
    expect(request.request.params.toString()).toBe('department=MSO&departmentRole=lead&from=2026-01-01');
    http.verify();
  });

  it('asks for the action plans in one page', () => {
    const { api, http } = setup();
    api.actionPlans().subscribe();
    expect(http.expectOne((r) => r.url === '/api/action-plans').request.params.get('pageSize')).toBe('100');
  });

  it('builds the download addresses of the exports', () => {
    const { api } = setup();
    expect(api.xlsxUrl({})).toBe('/api/dashboard/export.xlsx');
    expect(api.xlsxUrl({ actionPlanId: 'p 1' })).toBe('/api/dashboard/export.xlsx?actionPlanId=p%201');
    expect(api.csvUrl('compliance', { department: 'MSO' })).toBe('/api/dashboard/export.csv?table=compliance&department=MSO');
  });

  it('gathers every initiative of a view, page by page, without the period', () => {
    const { api, http } = setup();
    let rows: unknown[] = [];
    api.initiatives({ actionPlanId: 'p1', department: 'MSO', from: '2026-01-01' }).subscribe((value) => (rows = value));
    const first = http.expectOne((r) => r.url === '/api/initiatives' && r.params.get('page') === '1');
    expect(first.request.params.toString()).toBe('actionPlanId=p1&department=MSO&sort=title&direction=asc&page=1&pageSize=100');
    first.flush({ items: [{ id: 'a' }], total: 201, page: 1, pageSize: 100 });
    http.expectOne((r) => r.params.get('page') === '2').flush({ items: [{ id: 'b' }], total: 201, page: 2, pageSize: 100 });
    http.expectOne((r) => r.params.get('page') === '3').flush({ items: [{ id: 'c' }], total: 201, page: 3, pageSize: 100 });
    expect(rows).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    http.verify();
  });
});
