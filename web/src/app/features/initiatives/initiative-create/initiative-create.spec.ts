import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ActionPlan, CreateInitiative, Department, Initiative, SessionUser } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { ActionPlansApi } from '../../../core/api/action-plans-api';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeCreate } from './initiative-create';

const admin: SessionUser = {
  hasPassword: true,
  id: 'u-admin',
  email: 'admin@fremdrift.example',
  displayName: 'Ida Administrator',
  role: 'admin',
  departments: [],
};

const department = (id: string, code: string, name: string, sortOrder: number, active = true): Department => ({
  id,
  code,
  name,
  sortOrder,
  active,
  createdAt: '',
  updatedAt: '',
});
const departments: Department[] = [
  department('d-mso', 'MSO', 'Sundhed og Omsorg', 5),
  department('d-mbu', 'MBU', 'Børn og Unge', 3),
  department('d-msb', 'MSB', 'Sociale Forhold og Beskæftigelse', 2),
  department('d-old', 'OLD', 'Nedlagt afdeling', 9, false),
];

function aPlan(overrides: Partial<ActionPlan> = {}): ActionPlan {
  return {
    id: 'p1',
    title: 'Flygtningehandleplan 2016',
    description: '',
    coCreationDate: '2016-04-12',
    coCreationMethod: 'Design Thinking',
    participants: { citizens: 0, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
    goals: [
      { id: 'g1', actionPlanId: 'p1', title: 'Sundhed og trivsel', description: '', sortOrder: 1 },
      { id: 'g2', actionPlanId: 'p1', title: 'Job og uddannelse', description: '', sortOrder: 2 },
    ],
    initiativeCount: 16,
    reportingPeriod: 'monthly',
    leadsPublishDirectly: false,
    archived: false,
    archivedAt: null,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}
const plans = [
  aPlan(),
  aPlan({
    id: 'p2',
    title: 'Handleplan for frivillighed 2018',
    goals: [{ id: 'g3', actionPlanId: 'p2', title: 'Flere frivillige', description: '', sortOrder: 1 }],
    leadsPublishDirectly: true,
  }),
];

function setup(create: (initiative: CreateInitiative) => Observable<Initiative>, user: SessionUser = leadMso) {
  const initiativesApi = { create: jest.fn(create) };
  const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });
  TestBed.configureTestingModule({
    imports: [InitiativeCreate],
    providers: [
      provideRouter([]),
      provideI18nTesting(),
      fakeAuth(user),
      { provide: InitiativesApi, useValue: initiativesApi },
      { provide: ActionPlansApi, useValue: { list: () => of(page(plans)) } },
      { provide: DepartmentsApi, useValue: { listAll: () => of(page(departments)) } },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(InitiativeCreate);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;

  const control = <T extends HTMLElement>(selector: string): T => {
    const found = element.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} not found`);
    return found;
  };
  const type = async (id: string, value: string) => {
    const input = control<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    control('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  const options = (id: string) => Array.from(control<HTMLSelectElement>(`#${id}`).options).map((o) => text(o));
  const checkboxes = () => Array.from(element.querySelectorAll('fd-department-picker label.checkbox')).map((l) => text(l));
  return { fixture, element, initiativesApi, navigate, control, type, submit, options, checkboxes };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('InitiativeCreate', () => {
  it('labels every field and says what it is for', async () => {
    const { fixture, element } = setup(() => of(anInitiative()));
    await fixture.whenStable();

    const labels = Array.from(element.querySelectorAll('label[for]')).map((l) => [l.getAttribute('for'), text(l)]);
    expect(labels).toEqual([
      ['ni-title', 'Titel'],
      ['ni-plan', 'Handleplan'],
      ['ni-goal', 'Mål'],
      ['ni-lead', 'Ansvarlig afdeling'],
      ['ni-owner', 'Ansvarlig'],
      ['ni-status', 'Status'],
      ['ni-start', 'Startdato'],
      ['ni-target', 'Slutdato'],
      ['ni-summary', 'Resumé'],
      ['ni-description', 'Beskrivelse'],
      ['ni-public-summary', 'Offentligt resumé'],
      ['ni-internal', 'Interne noter'],
    ]);
    expect(text(element.querySelector('label:has(#ni-published)'))).toBe('Offentliggør initiativet på den offentlige side');
    expect(Array.from(element.querySelectorAll('legend')).map((l) => text(l))).toEqual(['Deltagende afdelinger', 'Tidsplan', 'Til borgerne']);
    expect(element.querySelector('#ni-target')?.getAttribute('aria-describedby')).toBe('ni-dates-hint');
  });

  it('checks the fields in Danish before sending anything, and focuses the first one in error', async () => {
    const { element, initiativesApi, type, submit } = setup(() => of(anInitiative()), admin);
    await type('ni-title', 'Ny');
    await type('ni-start', '2026-06-01');
    await type('ni-target', '2026-05-31');
    await submit();

    expect(initiativesApi.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#ni-title-error'))).toBe('Fejl: Titel skal være på mindst 3 tegn.');
    expect(text(element.querySelector('#ni-plan-error'))).toBe('Fejl: Vælg en handleplan.');
    expect(text(element.querySelector('#ni-lead-error'))).toBe('Fejl: Vælg den ansvarlige afdeling.');
    expect(text(element.querySelector('#ni-target-error'))).toBe('Fejl: Slutdatoen skal være samme dag som startdatoen eller senere.');
    expect(element.querySelector('#ni-title')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#ni-title')?.getAttribute('aria-describedby')).toBe('ni-title-hint ni-title-error');
    expect(document.activeElement?.id).toBe('ni-title');
  });

  it('lets a department lead choose only their own department to lead, and not as a participant', async () => {
    const { fixture, element, options, checkboxes } = setup(() => of(anInitiative()), leadMso);
    await fixture.whenStable();

    expect(options('ni-lead')).toEqual(['Vælg afdeling', 'Sundhed og Omsorg (MSO)']);
    expect((element.querySelector('#ni-lead') as HTMLSelectElement).value).toBe('d-mso');
    expect(text(element.querySelector('#ni-lead-hint'))).toBe('Du kan kun oprette initiativer, som din egen afdeling har ansvaret for.');
    expect(checkboxes()).toEqual(['Sociale Forhold og Beskæftigelse (MSB)', 'Børn og Unge (MBU)']);
  });

  it('lets an admin choose any active department', async () => {
    const { fixture, options } = setup(() => of(anInitiative()), admin);
    await fixture.whenStable();

    expect(options('ni-lead')).toEqual(['Vælg afdeling', 'Sociale Forhold og Beskæftigelse (MSB)', 'Børn og Unge (MBU)', 'Sundhed og Omsorg (MSO)']);
  });

  it('offers the goals of the chosen plan, and drops a goal of another plan', async () => {
    const { element, options, type } = setup(() => of(anInitiative()));
    expect((element.querySelector('#ni-goal') as HTMLSelectElement).disabled).toBe(true);
    expect(text(element.querySelector('#ni-goal-hint'))).toContain('Vælg først en handleplan');

    await type('ni-plan', 'p1');
    expect(options('ni-goal')).toEqual(['Intet mål', 'Sundhed og trivsel', 'Job og uddannelse']);
    await type('ni-goal', 'g2');

    await type('ni-plan', 'p2');
    expect(options('ni-goal')).toEqual(['Intet mål', 'Flere frivillige']);
    expect((element.querySelector('#ni-goal') as HTMLSelectElement).value).toBe('');
  });

  it('offers only the statuses a new initiative can start in; completing and cancelling happen on its page', async () => {
    const { fixture, options } = setup(() => of(anInitiative()));
    await fixture.whenStable();
    expect(options('ni-status')).toEqual(['Idé', 'Planlagt', 'I gang', 'Sat på pause']);
  });

  it('tells a lead when the public face becomes a proposal for management', async () => {
    const { element, type } = setup(() => of(anInitiative()));
    const hint = () => text(element.querySelector('#ni-public-hint'));
    expect(hint()).toContain('bliver offentliggørelse og offentligt resumé et forslag, som ledelsen skal godkende');

    await type('ni-plan', 'p1');
    expect(hint()).toBe(
      'I denne handleplan bliver offentliggørelse og offentligt resumé et forslag, som afventer ledelsens godkendelse. Indtil da vises initiativet ikke for borgerne.',
    );
    expect(element.querySelector('#ni-published')?.getAttribute('aria-describedby')).toBeNull();
    expect(element.querySelector('fieldset.public')?.getAttribute('aria-describedby')).toBe('ni-public-hint');

    await type('ni-plan', 'p2');
    expect(hint()).toContain('Når initiativet er offentliggjort, kan alle se det');
  });

  it('creates the initiative and opens it', async () => {
    const { element, initiativesApi, navigate, type, submit } = setup(() => of(anInitiative({ id: 'new-id' })));
    await type('ni-title', '  Sundhedsguider  ');
    await type('ni-plan', 'p1');
    await type('ni-goal', 'g1');
    element.querySelector<HTMLInputElement>('fd-department-picker input')?.click();
    await type('ni-owner', 'Jette Hvid');
    await type('ni-status', 'in_progress');
    await type('ni-start', '2026-06-01');
    await type('ni-target', '2026-06-01');
    await type('ni-summary', 'Guider på flere sprog.');
    element.querySelector<HTMLInputElement>('#ni-published')?.click();
    await type('ni-public-summary', 'Guider hjælper nye borgere.');
    await submit();

    expect(initiativesApi.create).toHaveBeenCalledWith({
      title: 'Sundhedsguider',
      actionPlanId: 'p1',
      goalId: 'g1',
      leadDepartmentId: 'd-mso',
      participatingDepartmentIds: ['d-msb'],
      ownerName: 'Jette Hvid',
      status: 'in_progress',
      startDate: '2026-06-01',
      targetDate: '2026-06-01',
      summary: 'Guider på flere sprog.',
      description: '',
      published: true,
      publicSummary: 'Guider hjælper nye borgere.',
      internalNotes: '',
    });
    expect(navigate).toHaveBeenCalledWith(['/initiativer', 'new-id'], { state: { created: true } });
  });

  it('counts typed text as unsaved until the initiative is created', async () => {
    const { fixture, control, type, submit } = setup(() => of(anInitiative({ id: 'new-id' })));
    const component = fixture.componentInstance;
    expect(component.hasUnsavedChanges()).toBe(false);

    await type('ni-title', 'Sundhedsguider');
    control('#ni-title').dispatchEvent(new Event('blur'));
    expect(component.hasUnsavedChanges()).toBe(true);

    await type('ni-plan', 'p1');
    await submit();
    expect(component.hasUnsavedChanges()).toBe(false);
  });

  it('shows the API’s field errors next to their fields, in the user’s words by their codes', async () => {
    const problem = {
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      errors: {
        actionPlanId: [{ code: 'archivedPlan', message: 'actionPlanId refers to an archived action plan' }],
        participatingDepartmentIds: [{ code: 'inactiveDepartment', message: 'no longer active' }],
      },
    };
    const { fixture, element, navigate, type, submit } = setup(() => throwError(() => new HttpErrorResponse({ status: 400, error: problem })));
    await type('ni-title', 'Sundhedsguider');
    await type('ni-plan', 'p1');
    element.querySelector<HTMLInputElement>('fd-department-picker input')?.click();
    await submit();
    await fixture.whenStable();

    expect(text(element.querySelector('#ni-plan-error'))).toBe('Fejl: Handleplanen er arkiveret og kan ikke få nye initiativer.');
    expect(text(element.querySelector('#ni-participating-error'))).toContain('Fejl:');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement?.id).toBe('ni-plan');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says what went wrong above the form when no field is to blame', async () => {
    const problem = { title: 'Forbidden', status: 403, code: 'forbidden' };
    const { element, type, submit } = setup(() => throwError(() => new HttpErrorResponse({ status: 403, error: problem })), admin);
    await type('ni-title', 'Sundhedsguider');
    await type('ni-plan', 'p1');
    await type('ni-lead', 'd-mbu');
    await submit();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Initiativet blev ikke oprettet. Du har ikke adgang til at gøre dette');
  });
});
