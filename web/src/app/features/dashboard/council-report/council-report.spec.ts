import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ActionPlan, DashboardQuery, Department, InitiativeSummary, Page } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import type { Language } from '../../../core/i18n/i18n';
import { todayInMunicipality } from '../../../core/time/today';
import { FakeCharts, provideFakeCharts } from '../chart/testing';
import { DashboardApi } from '../dashboard-api';
import { dashboardFixture } from '../dashboard.fixtures';
import { diffFixture, diffRef } from '../snapshots/snapshot.fixtures';
import { SnapshotsApi } from '../snapshots/snapshots-api';
import { provideDashboardTesting, textOf } from '../testing';
import { reportPeriod } from './report-period';
import { CouncilReport } from './council-report';

const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 100 });
const plans = [{ id: 'p1', title: 'Flygtningehandleplan 2016', goals: [{ id: 'g1', actionPlanId: 'p1', title: 'Sundhed' }] }] as unknown as ActionPlan[];
const departments = dashboardFixture().departments.map((d, i) => ({ ...d.department, sortOrder: i, active: true })) as unknown as Department[];

const initiative = (id: string, title: string, code: string, name: string, summary: string, extra: Partial<InitiativeSummary> = {}) =>
  ({
    id,
    title,
    summary,
    leadDepartment: { id: `id-${code}`, code, name },
    status: 'in_progress',
    health: 'on_track',
    progress: 0.4,
    expectedProgress: 0.5,
    ...extra,
  }) as InitiativeSummary;

const LONG =
  'Alle nyankomne flygtninge tilbydes et sundhedstjek inden for de første tre måneder, med tolk, opfølgning hos egen læge og henvisning til Regionalt Flygtningemedicinsk Team ved behov.';

async function setup(url: string, options: { failView?: boolean; language?: Language } = {}) {
  const charts = new FakeCharts();
  const api = {
    view: jest.fn((_query: DashboardQuery) => (options.failView ? throwError(() => new HttpErrorResponse({ status: 503 })) : of(dashboardFixture()))),
    initiatives: jest.fn(() =>
      of([
        initiative('i1', 'Sundhedstjek ved ankomst', 'MSO', 'Sundhed og Omsorg', LONG, { health: 'off_track' }),
        initiative('i2', 'Lektiecafé', 'MBU', 'Børn og Unge', 'Hjælp til lektier.'),
        initiative('i3', 'Velkomstforløb', 'BA', 'Borgmesterens Afdeling', 'Én indgang.', { expectedProgress: null }),
      ]),
    ),
    actionPlans: () => of(page(plans)),
  };
  const snapshots = {
    list: () => of(page([{ id: 's1', name: 'Status pr. 1. dec. 2026', takenAt: '2026-12-01T09:00:00.000Z' }])),
    diff: jest.fn(() =>
      of(diffFixture({ healthChanges: [{ ...diffRef('i1', 'Sundhedstjek ved ankomst'), before: 'on_track', after: 'off_track', direction: 'worse' }] })),
    ),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'dashboard/rapport', component: CouncilReport }], withComponentInputBinding()),
      provideDashboardTesting(options.language),
      provideFakeCharts(charts),
      { provide: DashboardApi, useValue: api },
      { provide: SnapshotsApi, useValue: snapshots },
      { provide: DepartmentsApi, useValue: { listAll: () => of(page(departments)) } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  harness.detectChanges();
  return { element: harness.routeNativeElement as HTMLElement, api, snapshots, charts, harness };
}

describe('CouncilReport', () => {
  it('names the filters in words, and the period it shows, in its header', async () => {
    const { element } = await setup('/dashboard/rapport?actionPlanId=p1&department=MSO&departmentRole=lead&from=2026-03-01&to=2026-06-30&since=s1');
    expect(textOf(element.querySelector('h1'))).toBe('Status til byrådet');
    const lines = Array.from(element.querySelectorAll('.report-scope li')).map(textOf);
    expect(lines.slice(0, 4)).toEqual([
      'Handleplan: Flygtningehandleplan 2016',
      'Afdeling: Sundhed og Omsorg (ansvarlig)',
      'Periode: 1. mar. 2026 – 30. jun. 2026',
      'Ændringer siden: «Status pr. 1. dec. 2026», frosset 1. dec. 2026 09:00',
    ]);
    expect(lines[4]).toMatch(/^Tal pr\.: \d+\. \w+\.? 2026 \d{2}:\d{2}$/);
  });

  it('asks for "health over time" over the last twelve months when the reader chose no period, never back to the first report', async () => {
    const { api, element } = await setup('/dashboard/rapport?actionPlanId=p1');
    const period = reportPeriod({ from: '', to: '' }, todayInMunicipality());
    expect(api.view).toHaveBeenCalledWith({ actionPlanId: 'p1', from: period.from, to: period.to });
    expect(api.initiatives).toHaveBeenCalledWith({ actionPlanId: 'p1' });
    expect(Array.from(element.querySelectorAll('.report-scope li')).map(textOf)).toContain('Afdeling: Alle');
  });

  it('shows the headline figures, the charts drawn for print, and the changes since the snapshot', async () => {
    const { element, charts, snapshots } = await setup('/dashboard/rapport?actionPlanId=p1&since=s1');
    const figures = Array.from(element.querySelectorAll('.report-figure')).map(textOf);
    expect(figures).toEqual([
      'Initiativer 16',
      'På sporet 9',
      'I risiko 4',
      'Bagud 3',
      'Milepæle nået til tiden 80 %',
      'Forsinkede milepæle 7',
      'Gennemsnitlig fremdrift 42 % (forventet 60 %)',
    ]);
    expect(snapshots.diff).toHaveBeenCalledWith('s1', 'now');
    expect(textOf(element.querySelector('#report-changes-heading'))).toBe('Ændringer siden «Status pr. 1. dec. 2026»');
    expect(textOf(element.querySelector('[data-diff="summary"]'))).toBe('1 initiativ har fået en dårligere vurdering');
    expect(charts.drawn).toHaveLength(3);
    expect(charts.drawn.every((chart) => chart.spec.print === true)).toBe(true);
    expect(element.querySelector('[data-report-ready]')?.getAttribute('data-report-ready')).toBe('true');
  });

  it('has a table per lead department in the municipality’s order, one line per initiative with a shortened text', async () => {
    const { element } = await setup('/dashboard/rapport');
    expect(Array.from(element.querySelectorAll('.report-department h3')).map(textOf)).toEqual([
      'Borgmesterens Afdeling (BA)',
      'Børn og Unge (MBU)',
      'Sundhed og Omsorg (MSO)',
    ]);
    const row = element.querySelectorAll('.report-department')[2].querySelector('tbody tr') as HTMLElement;
    const cells = Array.from(row.children).map(textOf);
    expect(cells.slice(0, 4)).toEqual(['Sundhedstjek ved ankomst', 'I gang', 'Bagud', '40 % (50 %)']);
    expect(cells[4].length).toBeLessThanOrEqual(140);
    expect(cells[4].endsWith('…')).toBe(true);
    expect(LONG.startsWith(cells[4].slice(0, -1))).toBe(true);
    expect(textOf(element.querySelector('.report-note'))).toBe('Teksterne er forkortet til 140 tegn; hele teksten står på initiativets side.');
    expect(Array.from(element.querySelectorAll('.report-department')[0].querySelectorAll('tbody td')).map(textOf)[2]).toBe('40 %');
  });

  it('without a snapshot, offers to choose one instead of the changes', async () => {
    const { element, snapshots } = await setup('/dashboard/rapport');
    expect(snapshots.diff).not.toHaveBeenCalled();
    expect(element.querySelector('[data-report="changes"]')).toBeNull();
    expect(textOf(element.querySelector('.notice--info'))).toContain('Vælg et frosset statusbillede');
    expect(element.querySelector('.notice--info')?.classList).toContain('no-print');
    expect(Array.from(element.querySelectorAll<HTMLOptionElement>('#report-since option')).map(textOf)).toEqual([
      'Ingen sammenligning',
      'Status pr. 1. dec. 2026',
    ]);
  });

  it('explains a failure instead of printing half a report', async () => {
    const { element } = await setup('/dashboard/rapport', { failView: true });
    expect(textOf(element.querySelector('[role="alert"]'))).toContain('Rapporten kunne ikke hentes');
    expect(element.querySelector('.report-department')).toBeNull();
    expect(element.querySelector('[data-report-ready]')?.getAttribute('data-report-ready')).toBe('false');
  });

  it('speaks English in English, the filters included', async () => {
    const { element } = await setup('/dashboard/rapport?actionPlanId=p1&department=MSO&since=s1', { language: 'en' });
    expect(textOf(element.querySelector('h1'))).toBe('Council report');
    const lines = Array.from(element.querySelectorAll('.report-scope li')).map(textOf);
    expect(lines.slice(0, 2)).toEqual(['Action plan: Flygtningehandleplan 2016', 'Department: Sundhed og Omsorg (lead or participating)']);
    expect(textOf(element.querySelector('#report-changes-heading'))).toBe('Changes since “Status pr. 1. dec. 2026”');
    expect(textOf(element.querySelector('button.button'))).toBe('Print / Save as PDF');
  });
});
