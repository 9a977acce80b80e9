import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SnapshotsApi } from './snapshots-api';

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(SnapshotsApi), http: TestBed.inject(HttpTestingController) };
}

describe('SnapshotsApi', () => {
  it('lists the snapshots in one page of the largest size', () => {
    const { api, http } = setup();
    api.list().subscribe();
    const request = http.expectOne((r) => r.url === '/api/reporting-snapshots');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('page=1&pageSize=100');
    http.verify();
  });

  it('freezes a snapshot with its name and plan', () => {
    const { api, http } = setup();
    let created: unknown;
    api.create({ name: 'Status pr. 4. dec. 2026', actionPlanId: 'p1' }).subscribe((value) => (created = value));
    const request = http.expectOne('/api/reporting-snapshots');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Status pr. 4. dec. 2026', actionPlanId: 'p1' });
    request.flush({ id: 's1' });
    expect(created).toEqual({ id: 's1' });
    http.verify();
  });

  it('reads one snapshot, and its diff to now or to another snapshot', () => {
    const { api, http } = setup();
    api.get('a/b').subscribe();
    http.expectOne('/api/reporting-snapshots/a%2Fb');
    api.diff('s1').subscribe();
    expect(http.expectOne((r) => r.url === '/api/reporting-snapshots/s1/diff').request.params.get('to')).toBe('now');
    api.diff('s1', 's2').subscribe();
    expect(http.expectOne((r) => r.url === '/api/reporting-snapshots/s1/diff').request.params.get('to')).toBe('s2');
    http.verify();
  });
});
