import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ActionPlan } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aPlan } from '../plan.fixtures';
import { PlansApi } from '../plans-api';
import { PlanEditor } from './plan-editor';

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function setup(id?: string, overrides: Partial<Record<keyof PlansApi, jest.Mock>> = {}) {
  const plansApi = {
    get: jest.fn(() => of(aPlan())),
    create: jest.fn((plan: Partial<ActionPlan>) => of(aPlan({ ...plan, id: 'p-new' } as Partial<ActionPlan>))),
    update: jest.fn(() => of(aPlan())),
    createGoal: jest.fn(() => of({ id: 'g-new', actionPlanId: 'p1', title: 'Nyt', description: '', sortOrder: 2 })),
    updateGoal: jest.fn(() => of({})),
    removeGoal: jest.fn(() => of(undefined)),
    ...overrides,
  };
  TestBed.configureTestingModule({
    imports: [PlanEditor],
    providers: [provideRouter([]), provideI18nTesting(), { provide: PlansApi, useValue: plansApi }],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(PlanEditor);
  if (id) fixture.componentRef.setInput('id', id);
  const element = fixture.nativeElement as HTMLElement;
  const control = <T extends HTMLElement>(selector: string): T => {
    const found = element.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} not found`);
    return found;
  };
  const type = async (selector: string, value: string) => {
    await fixture.whenStable();
    const input = control<HTMLInputElement | HTMLTextAreaElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const click = async (label: string | RegExp) => {
    await fixture.whenStable();
    const button = Array.from(element.querySelectorAll('button')).find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
    if (!button) throw new Error(`button ${label} not found`);
    button.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    control('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, element, plansApi, navigate, control, type, click, submit };
}

describe('PlanEditor', () => {
  it('labels every field of a new plan', async () => {
    const { fixture, element } = setup();
    await fixture.whenStable();
    const labels = Array.from(element.querySelectorAll('label[for]')).map((l) => text(l));
    expect(labels).toEqual([
      'Titel',
      'Beskrivelse',
      'Dato for samskabelsen',
      'Metode',
      'Borgere og flygtninge',
      'Frivillige',
      'Virksomheder',
      'Civilsamfund',
      'Medarbejdere og ledere',
      'Rapporteringsperiode',
      'Første påmindelse (dage før periodens slutning)',
      'Eskalér (dage efter periodens slutning)',
    ]);
    expect(element.querySelector('#plan-method')?.getAttribute('aria-describedby')).toBe('plan-method-hint');
  });

  it('checks the title before sending anything', async () => {
    const { element, plansApi, submit, type } = setup();
    await type('#plan-title', 'A');
    await submit();
    expect(plansApi.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#plan-title-errors, fd-field-errors'))).toContain('Titlen skal være 3 til 200 tegn.');
  });

  it('checks the reminder days before sending anything, and sends the cycle settings', async () => {
    const { element, plansApi, submit, type, control } = setup();
    await type('#plan-title', 'Klimahandleplan');
    await type('#plan-reminder-days', '93');
    await type('#plan-grace-days', '-1');
    await submit();
    expect(plansApi.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#plan-reminder-days-error'))).toContain('Skriv et helt tal fra 1 til 92');
    expect(text(element.querySelector('#plan-grace-days-error'))).toContain('Skriv et helt tal fra 0 til 27');

    await type('#plan-reminder-days', '7');
    await type('#plan-grace-days', '0');
    control<HTMLInputElement>('#plan-reminders').click();
    await submit();
    expect(plansApi.create).toHaveBeenCalledWith(expect.objectContaining({ remindersEnabled: false, reminderDaysBefore: 7, escalationGraceDays: 0 }));
  });

  it('creates a plan with its story and goals in the chosen order', async () => {
    const { plansApi, navigate, type, click, submit } = setup();
    await type('#plan-title', '  Klimahandleplan  ');
    await type('#plan-date', '2026-05-01');
    await type('#plan-participants-citizens', '40');
    await click('Tilføj mål');
    await type('#goal-0-title', 'Mindre CO2');
    await click('Tilføj mål');
    await type('#goal-1-title', 'Grønne byrum');
    await type('#goal-1-description', 'Parker og træer');
    await click(/^↑ Op \(Grønne byrum\)/);
    await submit();

    expect(plansApi.create).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Klimahandleplan',
        coCreationDate: '2026-05-01',
        participants: { citizens: 40, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
        reportingPeriod: 'monthly',
        leadsPublishDirectly: false,
        remindersEnabled: true,
        reminderDaysBefore: 5,
        escalationGraceDays: 3,
        goals: [
          { title: 'Grønne byrum', description: 'Parker og træer', sortOrder: 0 },
          { title: 'Mindre CO2', description: '', sortOrder: 1 },
        ],
      }),
    );
    expect(navigate).toHaveBeenCalledWith(['/handleplaner', 'p-new'], { state: { saved: 'plans.created' } });
  });

  it('saves an existing plan: its fields, then removed, reordered and new goals', async () => {
    const { plansApi, navigate, control, type, click, submit } = setup('p1');
    await type('#plan-title', 'Flygtningehandleplan 2017');
    expect(control<HTMLInputElement>('#goal-0-title').value).toBe('Et sundt og aktivt liv');
    await click(/^↓ Ned \(Et sundt/);
    await click(/^Fjern \(Et sundt/);
    await click('Tilføj mål');
    await type('#goal-1-title', 'Bolig');
    await submit();

    expect(plansApi.update).toHaveBeenCalledWith('p1', expect.objectContaining({ title: 'Flygtningehandleplan 2017' }));
    expect(plansApi.removeGoal).toHaveBeenCalledWith('p1', 'g1');
    expect(plansApi.updateGoal).toHaveBeenCalledWith('p1', 'g2', { title: 'Uddannelse og job', description: '', sortOrder: 0 });
    expect(plansApi.createGoal).toHaveBeenCalledWith('p1', { title: 'Bolig', description: '', sortOrder: 1 });
    expect(navigate).toHaveBeenCalledWith(['/handleplaner', 'p1'], { state: { saved: 'plans.saved' } });
  });

  it('shows why a goal could not be removed and stays on the form', async () => {
    const conflict = new HttpErrorResponse({
      status: 409,
      error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'referenced', detail: 'The goal has initiatives.' },
    });
    const { element, navigate, click, submit } = setup('p1', { removeGoal: jest.fn(() => throwError(() => conflict)) });
    await click(/^Fjern \(Et sundt/);
    await submit();

    expect(navigate).not.toHaveBeenCalled();
    const alert = text(element.querySelector('[role="alert"]'));
    expect(alert).toContain('Handleplanen blev ikke gemt.');
    expect(alert).toContain('Målet »Et sundt og aktivt liv« kunne ikke fjernes.');
  });

  it('puts a duplicate title from the server on the title field', async () => {
    const conflict = new HttpErrorResponse({
      status: 409,
      error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'unique', errors: { title: [{ code: 'unique', message: 'title is taken' }] } },
    });
    const { element, navigate, type, submit } = setup(undefined, { create: jest.fn(() => throwError(() => conflict)) });
    await type('#plan-title', 'Flygtningehandleplan 2016');
    await submit();
    expect(navigate).not.toHaveBeenCalled();
    expect(element.querySelector('#plan-title')?.getAttribute('aria-invalid')).toBe('true');
  });
});
