import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Principal } from '@fremdrift/access';
import type { ActionPlan, Dashboard, DashboardQuery, Department, Page, UserRole } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import type { Language } from '../../../core/i18n/i18n';
import { FakeCharts, provideFakeCharts } from '../chart/testing';
import { DashboardApi } from '../dashboard-api';
import { DashboardEvents } from '../dashboard-events';
import { SnapshotsApi } from '../snapshots/snapshots-api';
import { dashboardFixture } from '../dashboard.fixtures';
import { provideDashboardTesting, textOf } from '../testing';
import { DashboardPage, LIVE_DEBOUNCE_MS } from './dashboard-page';

@Component({ template: '<p>Initiativlisten</p>' })
class InitiativeListStub {}

const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 100 });
const plans: ActionPlan[] = [
  {
    id: 'p1',
    title: 'Flygtningehandleplan 2016',
    description: '',
    coCreationDate: null,
    coCreationMethod: '',
    participants: { citizens: 0, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
    goals: [{ id: 'g1', actionPlanId: 'p1', title: 'Sundhed', description: '', sortOrder: 1 }],
    initiativeCount: 16,
    reportingPeriod: 'monthly',
    leadsPublishDirectly: false,
    archived: false,
    archivedAt: null,
    createdAt: '',
    updatedAt: '',
  },
];
const departments: Department[] = dashboardFixture().departments.map((d, i) => ({ ...d.department, sortOrder: i, active: true, createdAt: '', updatedAt: '' }));

interface Options {
  role?: UserRole;
  language?: Language;
  view?: (query: DashboardQuery) => Observable<Dashboard>;
}

async function setup(url = '/dashboard', options: Options = {}) {
  const charts = new FakeCharts();
  const live = { subscribers: 0, closed: 0, emit: () => undefined as void };
  const events = {
    changes: () =>
      new Observable<void>((subscriber) => {
        live.subscribers++;
        live.emit = () => subscriber.next();
        return () => live.closed++;
      }),
  };
  const api = {
    view: jest.fn(options.view ?? (() => of(dashboardFixture()))),
    actionPlans: jest.fn(() => of(page(plans))),
    xlsxUrl: (query: DashboardQuery) => `/x.xlsx?${new URLSearchParams({ ...query })}`,
    csvUrl: (table: string, query: DashboardQuery) => `/x.csv?${new URLSearchParams({ table, ...query })}`,
  };
  const role = signal<UserRole>(options.role ?? 'management');
  const auth = { allows: (rule: (p: Principal) => boolean) => rule({ role: role(), departmentIds: [] }) };
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [
          { path: 'dashboard', component: DashboardPage },
          { path: 'initiativer', component: InitiativeListStub },
        ],
        withComponentInputBinding(),
      ),
      provideDashboardTesting(options.language),
      provideFakeCharts(charts),
      { provide: DashboardApi, useValue: api },
      { provide: DashboardEvents, useValue: events },
      { provide: SnapshotsApi, useValue: { list: () => of({ items: [], total: 0, page: 1, pageSize: 100 }) } },
      { provide: DepartmentsApi, useValue: { listAll: () => of(page(departments)) } },
      { provide: Auth, useValue: auth },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await harness.fixture.whenStable();
  const element = harness.routeNativeElement as HTMLElement;
  const router = TestBed.inject(Router);
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  return { harness, element, api, charts, live, router, settle };
}

const byText = (element: HTMLElement, selector: string, text: string | RegExp) =>
  Array.from(element.querySelectorAll<HTMLElement>(selector)).find((el) => (typeof text === 'string' ? textOf(el) === text : text.test(textOf(el))));

describe('DashboardPage', () => {
  it('shows the headline figures, a summary in words beside each chart, and the charts', async () => {
    const { element, api, charts } = await setup();

    expect(api.view).toHaveBeenCalledTimes(1);
    expect(api.view).toHaveBeenCalledWith({});
    expect(textOf(element.querySelector('h1'))).toBe('Overblik');
    expect(textOf(element.querySelector('[data-figure="initiatives"]'))).toBe('16');
    expect(textOf(element.querySelector('[data-health="off_track"]'))).toBe('3');
    expect(textOf(element)).toContain('80 %');
    expect(textOf(element)).toContain('20 af 25 nåede milepæle');
    expect(
      element
        .querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuetext')
        ?.replace(/\u00a0/g, ' '),
    ).toBe('42 %, forventet 60 %');

    const summaries = Array.from(element.querySelectorAll('.panel__summary')).map(textOf);
    expect(summaries).toContain('3 af 16 initiativer er bagud, 4 er i risiko, og 9 er på sporet.');
    expect(summaries).toContain(
      '3 af 4 afdelinger ligger under den forventede fremdrift på de initiativer, de er ansvarlige for. Størst efterslæb: Sociale Forhold og Beskæftigelse med 30 % mod forventet 70 %.',
    );
    expect(summaries).toContain('5 milepæle forfalder de næste 90 dage. Flest i ugen fra 11. jan. (3). 7 milepæle er forsinkede.');
    expect(summaries).toContain('I november 2026 var 9 af 16 rapporterede initiativer på sporet, 4 i risiko og 3 bagud.');
    expect(summaries).toContain('Initiativer bagud: Sociale Forhold og Beskæftigelse (2); Sundhed og Omsorg (1).');
    expect(summaries).toContain('3 initiativer mangler en statusopdatering for den aktuelle periode. 2 af dem er forsinkede.');

    expect(charts.drawn).toHaveLength(4);
    for (const chart of charts.drawn) expect(chart.canvas.getAttribute('role')).toBe('img');
    expect(
      charts
        .byLabel('Cirkeldiagram')
        ?.canvas.getAttribute('aria-label')
        ?.replace(/\u00a0/g, ' '),
    ).toContain('3 af 16 initiativer er bagud');
    // Departments without initiatives in the view are left out of the chart.
    expect(charts.byLabel('Søjlediagram: gennemsnitlig fremdrift')?.spec.categories).toHaveLength(4);
  });

  it('reads the filters from the URL and puts new ones there', async () => {
    const { element, api, router, settle } = await setup('/dashboard?department=MSO&departmentRole=lead');
    expect(api.view).toHaveBeenCalledWith({ department: 'MSO', departmentRole: 'lead' });
    expect(textOf(element.querySelector('.dashboard-meta__scope'))).toBe('Viser: alle handleplaner · Sundhed og Omsorg (ansvarlig)');

    const select = element.querySelector<HTMLSelectElement>('#dash-action-plan');
    if (!select) throw new Error('no action plan filter');
    select.value = 'p1';
    select.dispatchEvent(new Event('change'));
    await settle();

    expect(router.url).toBe('/dashboard?department=MSO&departmentRole=lead&actionPlanId=p1');
    expect(api.view).toHaveBeenLastCalledWith({ actionPlanId: 'p1', department: 'MSO', departmentRole: 'lead' });
    expect(api.view).toHaveBeenCalledTimes(2);
  });

  it('opens the filtered initiative list from a bar, a slice and a matrix cell', async () => {
    const { element, charts, router, settle } = await setup('/dashboard?actionPlanId=p1');

    charts.byLabel('Søjlediagram: gennemsnitlig fremdrift')?.pick({ series: 0, index: 1 });
    await settle();
    expect(router.url).toBe('/initiativer?actionPlanId=p1&department=MSB&departmentRole=lead');

    await router.navigateByUrl('/dashboard?actionPlanId=p1');
    await settle();
    charts.byLabel('Søjlediagram: gennemsnitlig fremdrift')?.pick({ series: 2, index: 3 });
    await settle();
    expect(router.url).toBe('/initiativer?actionPlanId=p1&department=MSO&departmentRole=participating');

    await router.navigateByUrl('/dashboard');
    await settle();
    charts.byLabel('Cirkeldiagram')?.pick({ series: 0, index: 2 });
    await settle();
    expect(router.url).toBe('/initiativer?health=off_track');

    await router.navigateByUrl('/dashboard');
    await settle();
    const cell = element.ownerDocument.querySelector<HTMLAnchorElement>('.matrix a[aria-label^="2 initiativer hos Sociale Forhold og Beskæftigelse: Bagud"]');
    expect(cell?.getAttribute('href')).toBe('/initiativer?department=MSB&departmentRole=lead&health=off_track');
  });

  it('reloads on a change from the live feed, once for several, and says so politely', async () => {
    const next = dashboardFixture({
      generatedAt: '2026-11-23T20:48:00.000Z',
      headline: { ...dashboardFixture().headline, byHealth: { on_track: 8, at_risk: 4, off_track: 4 } },
    });
    let calls = 0;
    const { element, api, live, settle } = await setup('/dashboard', { view: () => of(calls++ === 0 ? dashboardFixture() : next) });
    const status = element.querySelector('[role="status"]');
    expect(live.subscribers).toBe(1);
    expect(textOf(status)).toBe('');

    live.emit();
    live.emit();
    live.emit();
    await new Promise((resolve) => setTimeout(resolve, LIVE_DEBOUNCE_MS + 100));
    await settle();

    expect(api.view).toHaveBeenCalledTimes(2);
    expect(textOf(status)).toMatch(/^Opdateret kl\. \d{2}:\d{2}$/);
    expect(textOf(element.querySelector('[data-health="off_track"]'))).toBe('4');
  });

  it('offers the exports to management, not to viewers', async () => {
    const management = await setup();
    const excel = byText(management.element, 'a', 'Hent som Excel');
    expect(excel?.getAttribute('href')).toBe('/x.xlsx?');
    expect(excel?.hasAttribute('download')).toBe(true);
    const csv = management.element.querySelectorAll('a.panel__csv');
    expect(Array.from(csv).map((a) => a.getAttribute('href'))).toEqual([
      '/x.csv?table=headline',
      '/x.csv?table=departments',
      '/x.csv?table=milestones',
      '/x.csv?table=healthOverTime',
      '/x.csv?table=compliance',
    ]);
    expect(byText(management.element, 'button', 'Udskriv')).toBeDefined();

    TestBed.resetTestingModule();
    const viewer = await setup('/dashboard', { role: 'viewer' });
    expect(byText(viewer.element, 'a', 'Hent som Excel')).toBeUndefined();
    expect(viewer.element.querySelectorAll('a.panel__csv')).toHaveLength(0);
    expect(byText(viewer.element, 'button', 'Udskriv')).toBeDefined();
  });

  it('helps when no initiatives match the filters', async () => {
    const empty = dashboardFixture({
      headline: { ...dashboardFixture().headline, initiatives: 0 },
      departments: [],
      compliance: [],
    });
    const { element, router, settle, charts } = await setup('/dashboard?department=MTM', { view: () => of(empty) });
    expect(textOf(element.querySelector('.notice h2'))).toBe('Ingen initiativer passer til filtrene');
    expect(charts.drawn).toHaveLength(0);

    byText(element, '.notice button', 'Ryd filtre')?.click();
    await settle();
    expect(router.url).toBe('/dashboard');
  });

  it('explains a failure and tries again', async () => {
    let fail = true;
    const { element, api, settle } = await setup('/dashboard', {
      view: () => (fail ? throwError(() => new HttpErrorResponse({ status: 503, statusText: 'Service Unavailable' })) : of(dashboardFixture())),
    });
    const alert = element.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('Overblikket kunne ikke hentes');
    expect(textOf(alert)).toContain('Serveren svarede med en fejl');

    fail = false;
    byText(element, '[role="alert"] button', 'Prøv igen')?.click();
    await settle();
    expect(api.view).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(textOf(element.querySelector('[data-figure="initiatives"]'))).toBe('16');
  });

  it('unfolds the tables for print and folds them again afterwards', async () => {
    const { element } = await setup();
    const details = Array.from(element.querySelectorAll('details'));
    expect(details.length).toBeGreaterThan(3);
    expect(details.every((d) => !d.open)).toBe(true);
    window.dispatchEvent(new Event('beforeprint'));
    expect(details.every((d) => d.open)).toBe(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(details.every((d) => !d.open)).toBe(true);
  });

  it('closes the live feed when the page is left', async () => {
    const { router, live, settle } = await setup();
    await router.navigateByUrl('/initiativer');
    await settle();
    expect(live.closed).toBe(1);
  });

  it('speaks English after the language switch', async () => {
    const { element } = await setup('/dashboard', { language: 'en' });
    expect(textOf(element.querySelector('h1'))).toBe('Dashboard');
    expect(Array.from(element.querySelectorAll('.panel__summary')).map(textOf)).toContain(
      '3 of 16 initiatives are off track, 4 are at risk, and 9 are on track.',
    );
  });

  it('offers the council report of the same view, and the snapshots under the figures', async () => {
    const { element } = await setup('/dashboard?department=MSO&from=2026-01-01');
    const report = byText(element, 'a', 'Rapport til byrådet');
    expect(report?.getAttribute('href')).toBe('/dashboard/rapport?department=MSO&from=2026-01-01');
    expect(textOf(element.querySelector('#snapshots-heading'))).toBe('Status til byrådet');
    expect(element.querySelector('fd-snapshot-panel')?.classList).toContain('no-print');
  });
});
