import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Department, InitiativeQuery, InitiativeSummary, Page, SessionUser } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { InitiativesApi } from '../initiatives-api';
import { drillDownFilters, InitiativeList } from './initiative-list';

const page = <T>(items: T[], total = items.length): Page<T> => ({ items, total, page: 1, pageSize: 25 });

const departments: Department[] = [
  { id: 'd2', code: 'SUN', name: 'Sundhed og Omsorg', sortOrder: 2, active: true, createdAt: '', updatedAt: '' },
  { id: 'd1', code: 'BU', name: 'Børn og Unge', sortOrder: 1, active: true, createdAt: '', updatedAt: '' },
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
const viewer: SessionUser = { id: 'u-viewer', email: 'laeser@fremdrift.example', displayName: 'Peter Læser', role: 'viewer', departments: [] };

function setup(list: (query: InitiativeQuery) => Observable<Page<InitiativeSummary>>, user: SessionUser = viewer) {
  const initiativesApi = { list: jest.fn(list) };
  const departmentsApi = { listAll: jest.fn(() => of(page(departments))) };
  TestBed.configureTestingModule({
    imports: [InitiativeList],
    providers: [
      provideRouter([]),
      provideI18nTesting(),
      fakeAuth(user),
      { provide: InitiativesApi, useValue: initiativesApi },
      { provide: DepartmentsApi, useValue: departmentsApi },
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
  it('offers “Opret initiativ” to admins and department leads, not to viewers or management', async () => {
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
    expect(await createLink({ ...viewer, role: 'management' })).toBeNull();
  });

  it('says which initiative was deleted when the initiative page sends the user here', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'initiativer', component: InitiativeList }]),
        provideI18nTesting(),
        fakeAuth({ ...viewer, role: 'admin' }),
        { provide: InitiativesApi, useValue: { list: () => of(page([initiative()])) } },
        { provide: DepartmentsApi, useValue: { listAll: () => of(page(departments)) } },
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
    expect(text(row)).toContain('Slutdato 23. nov. 2026');
    expect(text(row?.querySelector('fd-health-badge') ?? null)).toBe('I risiko');
    expect(text(row?.querySelector('.text__value') ?? null)).toBe('42 %');
    expect(element.querySelectorAll('thead th[scope="col"]')).toHaveLength(7);

    // The department filter lists the departments in their own order.
    const options = Array.from(element.querySelectorAll('#filter-department option')).map((o) => text(o));
    expect(options).toEqual(['Alle afdelinger', 'Børn og Unge (BU)', 'Sundhed og Omsorg (SUN)']);
  });

  it('narrows the list to a dashboard drill-down and says so', async () => {
    const plan = '0b6f6f1e-8d7c-4b7e-9a55-2d3f2b8c1a10';
    const { fixture, element, initiativesApi } = setup(() => of(page([initiative()])));
    fixture.componentRef.setInput('department', 'BU');
    fixture.componentRef.setInput('departmentRole', 'lead');
    fixture.componentRef.setInput('health', 'at_risk,off_track');
    fixture.componentRef.setInput('actionPlanId', plan);
    await fixture.whenStable();

    expect(initiativesApi.list).toHaveBeenLastCalledWith(
      expect.objectContaining({ department: 'BU', departmentRole: 'lead', health: ['at_risk', 'off_track'], actionPlanId: plan }),
    );
    expect(text(element.querySelector('.filters__drill-down'))).toBe('Udsnit: Kun som ansvarlig afdeling · I risiko · Bagud · Én handleplan');
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
        queryParams: { department: null, q: null, page: null, departmentRole: null, health: null, actionPlanId: null, goalId: null },
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
});
