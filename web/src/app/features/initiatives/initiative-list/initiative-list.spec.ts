import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ActionPlan, Department, InitiativeQuery, InitiativeSummary, Page, SessionUser } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { ActionPlansApi } from '../../../core/api/action-plans-api';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { InitiativesApi } from '../initiatives-api';
import { drillDownFilters, InitiativeList, parseSort, parseStatuses } from './initiative-list';

const page = <T>(items: T[], total = items.length): Page<T> => ({ items, total, page: 1, pageSize: 25 });

const departments: Department[] = [
  { id: 'd2', code: 'SUN', name: 'Sundhed og Omsorg', sortOrder: 2, active: true, createdAt: '', updatedAt: '' },
  { id: 'd1', code: 'BU', name: 'Børn og Unge', sortOrder: 1, active: true, createdAt: '', updatedAt: '' },
];

const PLAN = '0b6f6f1e-8d7c-4b7e-9a55-2d3f2b8c1a10';
const GOAL = '1c7a7a2f-9e8d-4c8f-8b66-3e4a3c9d2b21';
const plans = [
  {
    id: PLAN,
    title: 'Integrationsplan 2026',
    goals: [{ id: GOAL, actionPlanId: PLAN, title: 'Flere i job', description: '', sortOrder: 1 }],
  } as ActionPlan,
];

function initiative(overrides: Partial<InitiativeSummary> = {}): InitiativeSummary {
  return {
    id: 'i1',
    actionPlanId: 'p1',
    goalId: null,
    title: 'Sprogcafé for nye borgere',
    summary: '',
    leadDepartment: { id: 'd1', code: 'BU', name: 'Børn og Unge' },
    participatingDepartments: [{ id: 'd2', code: 'SUN', name: 'Sundhed og Omsorg' }],
    ownerName: 'Anna Jensen',
    status: 'in_progress',
    health: 'at_risk',
    startDate: '2026-01-01',
    targetDate: '2026-11-23',
    published: true,
    progress: 0.42,
    expectedProgress: 0.6,
    suggestedHealth: 'at_risk',
    milestoneCount: 5,
    completedMilestoneCount: 2,
    overdueMilestoneCount: 1,
    returnedPublicTexts: 0,
    nextMilestone: null,
    reporting: {
      state: 'due',
      period: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      lastReportedPeriodEnd: '2026-10-31',
      daysOverdue: 0,
    },
    createdAt: '',
    updatedAt: '',
    version: 1,
    ...overrides,
  };
}

/** Plain-object fakes of the data-access services. */
const viewer: SessionUser = {
  hasPassword: true,
  id: 'u-viewer',
  email: 'laeser@fremdrift.example',
  displayName: 'Peter Læser',
  role: 'viewer',
  departments: [],
};

function setup(list: (query: InitiativeQuery) => Observable<Page<InitiativeSummary>>, user: SessionUser = viewer) {
  const initiativesApi = { list: jest.fn(list) };
  const departmentsApi = { listAll: jest.fn(() => of(page(departments))) };
  const actionPlansApi = { list: jest.fn(() => of(page(plans))) };
  TestBed.configureTestingModule({
    imports: [InitiativeList],
    providers: [
      provideRouter([]),
      provideI18nTesting(),
      fakeAuth(user),
      { provide: InitiativesApi, useValue: initiativesApi },
      { provide: DepartmentsApi, useValue: departmentsApi },
      { provide: ActionPlansApi, useValue: actionPlansApi },
    ],
  });
  const fixture = TestBed.createComponent(InitiativeList);
  return { fixture, initiativesApi, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('InitiativeList', () => {
  it('offers “Opret initiativ” to admins, management and department leads, not to viewers', async () => {
    const createLink = async (user: SessionUser) => {
      TestBed.resetTestingModule();
      const { fixture, element } = setup(() => of(page([initiative()])), user);
      await fixture.whenStable();
      return element.querySelector('a[href="/initiativer/ny"]');
    };
    const lead: SessionUser = { ...viewer, role: 'department_lead', departments: [{ id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' }] };
    expect(text(await createLink({ ...viewer, role: 'admin' }))).toBe('Opret initiativ');
    expect(await createLink(lead)).not.toBeNull();
    expect(await createLink(viewer)).toBeNull();
    expect(await createLink({ ...viewer, role: 'management' })).not.toBeNull();
  });

  it('says which initiative was deleted when the initiative page sends the user here', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'initiativer', component: InitiativeList }]),
        provideI18nTesting(),
        fakeAuth({ ...viewer, role: 'admin' }),
        { provide: InitiativesApi, useValue: { list: () => of(page([initiative()])) } },
        { provide: DepartmentsApi, useValue: { listAll: () => of(page(departments)) } },
        { provide: ActionPlansApi, useValue: { list: () => of(page(plans)) } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await TestBed.inject(Router).navigateByUrl('/initiativer', { state: { deletedTitle: 'Sprogcafé' } });
    await harness.fixture.whenStable();
    expect(text(harness.routeNativeElement?.querySelector('[aria-live="polite"]') ?? null)).toBe('Initiativet »Sprogcafé« er slettet.');
  });

  it('shows the initiatives with Danish labels and the range shown', async () => {
    const { fixture, element, initiativesApi } = setup(() => of(page([initiative()], 16)));
    await fixture.whenStable();

    expect(initiativesApi.list).toHaveBeenCalledWith({ page: 1, pageSize: 25, sort: 'title', department: undefined, q: undefined });
    expect(text(element.querySelector('[role="status"]'))).toBe('Viser 1–1 af 16');

    const row = element.querySelector('tbody tr');
    expect(text(row?.querySelector('th[scope="row"]') ?? null)).toContain('Sprogcafé for nye borgere');
    expect(text(row)).toContain('Børn og Unge (BU)');
    expect(text(row)).toContain('Sundhed og Omsorg (SUN)');
    expect(text(row)).toContain('I gang');
    expect(text(row)).toContain('23. nov. 2026');
    expect(text(row?.querySelector('fd-health-badge') ?? null)).toBe('I risiko');
    expect(text(row?.querySelector('.text__value') ?? null)).toBe('42 %');
    expect(element.querySelectorAll('thead th[scope="col"]')).toHaveLength(8);

    // The department filter lists the departments in their own order.
    const options = Array.from(element.querySelectorAll('#filter-department option')).map((o) => text(o));
    expect(options).toEqual(['Alle afdelinger', 'Børn og Unge (BU)', 'Sundhed og Omsorg (SUN)']);
  });

  it('narrows the list to a dashboard drill-down and shows it in the filters', async () => {
    const plan = PLAN;
    const { fixture, element, initiativesApi } = setup(() => of(page([initiative()])));
    fixture.componentRef.setInput('department', 'BU');
    fixture.componentRef.setInput('departmentRole', 'lead');
    fixture.componentRef.setInput('health', 'at_risk,off_track');
    fixture.componentRef.setInput('actionPlanId', plan);
    await fixture.whenStable();

    expect(initiativesApi.list).toHaveBeenLastCalledWith(
      expect.objectContaining({ department: 'BU', departmentRole: 'lead', health: ['at_risk', 'off_track'], actionPlanId: plan }),
    );
    const selected = (id: string) => text(element.querySelector(`#${id} option:checked`));
    expect(selected('filter-role')).toBe('Kun som ansvarlig afdeling');
    expect(selected('filter-health')).toBe('Flere: I risiko, Bagud');
    expect(selected('filter-plan')).toBe('Integrationsplan 2026');
    expect(selected('filter-goal')).toBe('Alle mål i planen');
  });

  it('drops drill-down values the API would refuse instead of failing', () => {
    expect(drillDownFilters('boss', 'on_track,great', 'not-an-id', undefined)).toEqual({ health: ['on_track'] });
    expect(drillDownFilters(undefined, undefined, undefined, undefined)).toEqual({});
  });

  it('shows a helpful empty state when no initiative matches the filters', async () => {
    const { fixture, element, initiativesApi } = setup(() => of(page<InitiativeSummary>([])));
    fixture.componentRef.setInput('q', 'svømning');
    fixture.componentRef.setInput('department', 'BU');
    await fixture.whenStable();

    expect(initiativesApi.list).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'svømning', department: 'BU' }));
    expect(text(element)).toContain('Ingen initiativer matcher filtrene');
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector<HTMLInputElement>('#filter-search')?.value).toBe('svømning');

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const clear = Array.from(element.querySelectorAll('button')).filter((b) => text(b) === 'Ryd filtre');
    expect(clear.length).toBeGreaterThan(0);
    clear[clear.length - 1].click();

    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: { department: null, q: null, page: null, departmentRole: null, status: null, health: null, actionPlanId: null, goalId: null },
        queryParamsHandling: 'merge',
      }),
    );
  });

  it('shows the API problem and loads again on retry', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      code: 'databaseUnavailable',
      detail: 'The database cannot be reached.',
      requestId: 'req-42',
    };
    let calls = 0;
    const { fixture, element, initiativesApi } = setup(() =>
      ++calls === 1 ? throwError(() => new HttpErrorResponse({ status: 503, error: problem })) : of(page([initiative()])),
    );
    await fixture.whenStable();

    const alert = element.querySelector('[role="alert"]');
    expect(text(alert)).toContain('Fremdrift kan ikke nå sin database lige nu – prøv igen om lidt');
    expect(text(alert)).toContain('Fejlreference: req-42');

    alert?.querySelector('button')?.click();
    await fixture.whenStable();

    expect(initiativesApi.list).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(text(element.querySelector('[role="status"]'))).toBe('Viser 1–1 af 1');
  });

  describe('filters and sorting in the URL', () => {
    const selectValue = (element: HTMLElement, id: string, value: string) => {
      const select = element.querySelector<HTMLSelectElement>(`#${id}`);
      if (!select) throw new Error(`#${id} missing`);
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };

    it('restores every filter and the sorting from the URL and asks the API for them', async () => {
      const { fixture, element, initiativesApi } = setup(() => of(page([initiative()])));
      const inputs = { department: 'BU', departmentRole: 'participating', status: 'in_progress', health: 'off_track', actionPlanId: PLAN, goalId: GOAL };
      for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
      fixture.componentRef.setInput('sort', 'targetDate');
      fixture.componentRef.setInput('direction', 'desc');
      await fixture.whenStable();

      expect(initiativesApi.list).toHaveBeenLastCalledWith({
        page: 1,
        pageSize: 25,
        sort: 'targetDate',
        direction: 'desc',
        department: 'BU',
        q: undefined,
        departmentRole: 'participating',
        status: ['in_progress'],
        health: ['off_track'],
        actionPlanId: PLAN,
        goalId: GOAL,
      });
      const value = (id: string) => element.querySelector<HTMLSelectElement>(`#${id}`)?.value;
      expect(value('filter-department')).toBe('BU');
      expect(value('filter-role')).toBe('participating');
      expect(value('filter-status')).toBe('in_progress');
      expect(value('filter-health')).toBe('off_track');
      expect(value('filter-plan')).toBe(PLAN);
      expect(value('filter-goal')).toBe(GOAL);
      expect(value('filter-sort')).toBe('targetDate:desc');
      expect(element.querySelector('th[aria-sort]')?.getAttribute('aria-sort')).toBe('descending');
      expect(text(element.querySelector('th[aria-sort]'))).toContain('Slutdato');
      expect(text(element.querySelector('caption'))).toBe('Initiativer, sorteret efter slutdato, faldende');
    });

    it('puts each changed filter in the URL, from the first page, with the typed search', async () => {
      const { fixture, element } = setup(() => of(page([initiative()])));
      fixture.componentRef.setInput('department', 'BU');
      fixture.componentRef.setInput('actionPlanId', PLAN);
      await fixture.whenStable();
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      const lastParams = () => navigate.mock.lastCall?.[1]?.queryParams;

      selectValue(element, 'filter-health', 'on_track');
      expect(lastParams()).toEqual({ q: null, page: null, health: 'on_track' });
      selectValue(element, 'filter-status', 'completed');
      expect(lastParams()).toEqual({ q: null, page: null, status: 'completed' });
      selectValue(element, 'filter-goal', GOAL);
      expect(lastParams()).toEqual({ q: null, page: null, goalId: GOAL });
      // Another plan drops the goal; no department drops the role.
      selectValue(element, 'filter-plan', '');
      expect(lastParams()).toEqual({ q: null, page: null, actionPlanId: null, goalId: null });
      selectValue(element, 'filter-role', 'lead');
      expect(lastParams()).toEqual({ q: null, page: null, departmentRole: 'lead' });
      const search = element.querySelector<HTMLInputElement>('#filter-search');
      if (search) {
        search.value = 'sprog';
        search.dispatchEvent(new Event('input'));
      }
      selectValue(element, 'filter-department', '');
      expect(lastParams()).toEqual({ q: 'sprog', page: null, department: null, departmentRole: null });
      expect(navigate.mock.lastCall?.[1]).toEqual(expect.objectContaining({ queryParamsHandling: 'merge' }));
    });

    it('sorts by a column header, flipping the direction of the sorted column, and by the select', async () => {
      const { fixture, element } = setup(() => of(page([initiative()])));
      await fixture.whenStable();
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      const header = (name: string) => Array.from(element.querySelectorAll('thead th')).find((th) => text(th).startsWith(name));
      const lastParams = () => navigate.mock.lastCall?.[1]?.queryParams;

      // By default the list is sorted by title, ascending; the other sortable headers say nothing.
      expect(header('Initiativ')?.getAttribute('aria-sort')).toBe('ascending');
      expect(header('Vurdering')?.hasAttribute('aria-sort')).toBe(false);
      expect(header('Ansvarlig afdeling')?.querySelector('button')).toBeNull();

      header('Initiativ')?.querySelector('button')?.click();
      expect(lastParams()).toEqual({ sort: 'title', direction: 'desc', page: null });
      header('Slutdato')?.querySelector('button')?.click();
      expect(lastParams()).toEqual({ sort: 'targetDate', direction: null, page: null });

      fixture.componentRef.setInput('sort', 'targetDate');
      await fixture.whenStable();
      expect(header('Slutdato')?.getAttribute('aria-sort')).toBe('ascending');
      expect(header('Initiativ')?.hasAttribute('aria-sort')).toBe(false);
      header('Slutdato')?.querySelector('button')?.click();
      expect(lastParams()).toEqual({ sort: 'targetDate', direction: 'desc', page: null });

      selectValue(element, 'filter-sort', 'health:desc');
      expect(lastParams()).toEqual({ sort: 'health', direction: 'desc', page: null });
      // Back to the default: the URL stays clean.
      selectValue(element, 'filter-sort', 'title:asc');
      expect(lastParams()).toEqual({ sort: null, direction: null, page: null });
    });

    it('resets every filter and the sorting with “Nulstil filtre”', async () => {
      const { fixture, element } = setup(() => of(page([initiative()])));
      fixture.componentRef.setInput('status', 'idea');
      fixture.componentRef.setInput('sort', 'health');
      await fixture.whenStable();
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      Array.from(element.querySelectorAll('button'))
        .find((b) => text(b) === 'Nulstil filtre')
        ?.click();
      expect(navigate.mock.lastCall?.[1]?.queryParams).toEqual({
        department: null,
        q: null,
        page: null,
        departmentRole: null,
        status: null,
        health: null,
        actionPlanId: null,
        goalId: null,
        sort: null,
        direction: null,
      });
    });

    it('offers no reset while the list is unfiltered and sorted by title', async () => {
      const { fixture, element } = setup(() => of(page([initiative()])));
      await fixture.whenStable();
      expect(Array.from(element.querySelectorAll('button')).some((b) => text(b) === 'Nulstil filtre')).toBe(false);
    });

    it('drops statuses and sortings the API would refuse', () => {
      expect(parseStatuses('idea,done,completed')).toEqual(['idea', 'completed']);
      expect(parseStatuses(undefined)).toEqual([]);
      expect(parseSort('targetDate', 'desc')).toEqual({ sort: 'targetDate', direction: 'desc' });
      expect(parseSort('owner', 'sideways')).toEqual({ sort: 'title', direction: 'asc' });
    });
  });

  describe('export and import', () => {
    const links = (element: HTMLElement) => Array.from(element.querySelectorAll<HTMLAnchorElement>('a[download]'));

    it('exports exactly the filtered and sorted list, on all pages, as Excel and CSV in the user’s language', async () => {
      const { fixture, element } = setup(() => of(page([initiative()])));
      fixture.componentRef.setInput('department', 'BU');
      fixture.componentRef.setInput('status', 'in_progress,completed');
      fixture.componentRef.setInput('health', 'off_track');
      fixture.componentRef.setInput('q', 'sprog & café');
      fixture.componentRef.setInput('sort', 'targetDate');
      fixture.componentRef.setInput('direction', 'desc');
      fixture.componentRef.setInput('page', '3');
      await fixture.whenStable();

      const [xlsx, csv] = links(element);
      expect(text(xlsx)).toBe('Excel (XLSX)');
      expect(text(csv)).toBe('CSV');
      const url = new URL(xlsx.getAttribute('href') ?? '', 'http://localhost');
      expect(url.pathname).toBe('/api/initiatives/export');
      expect(url.searchParams.get('format')).toBe('xlsx');
      expect(url.searchParams.get('lang')).toBe('da');
      expect(url.searchParams.get('department')).toBe('BU');
      expect(url.searchParams.getAll('status')).toEqual(['in_progress', 'completed']);
      expect(url.searchParams.getAll('health')).toEqual(['off_track']);
      expect(url.searchParams.get('q')).toBe('sprog & café');
      expect(url.searchParams.get('sort')).toBe('targetDate');
      expect(url.searchParams.get('direction')).toBe('desc');
      expect(url.searchParams.has('page')).toBe(false);
      expect(url.searchParams.has('pageSize')).toBe(false);
      expect(new URL(csv.getAttribute('href') ?? '', 'http://localhost').searchParams.get('format')).toBe('csv');
      expect(element.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Eksportér de viste initiativer');
    });

    it('offers “Importér fra Excel” to management and admins only', async () => {
      const importLink = async (user: SessionUser) => {
        TestBed.resetTestingModule();
        const { fixture, element } = setup(() => of(page([initiative()])), user);
        await fixture.whenStable();
        return element.querySelector('a[href="/initiativer/import"]');
      };
      const lead: SessionUser = { ...viewer, role: 'department_lead', departments: [{ id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' }] };
      expect(text(await importLink({ ...viewer, role: 'admin' }))).toBe('Importér fra Excel');
      expect(await importLink({ ...viewer, role: 'management' })).not.toBeNull();
      expect(await importLink(lead)).toBeNull();
      expect(await importLink(viewer)).toBeNull();
    });
  });
});
