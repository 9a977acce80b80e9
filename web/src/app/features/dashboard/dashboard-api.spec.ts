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
});
