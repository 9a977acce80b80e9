import { TestBed } from '@angular/core/testing';
import type { ActionPlan, Department } from '@fremdrift/contracts';
import { NO_FILTERS, type DashboardFilters } from '../dashboard-query';
import { provideDashboardTesting, textOf } from '../testing';
import { DashboardFiltersForm } from './dashboard-filters';

const plan = (id: string, title: string, goals: string[]): ActionPlan => ({
  id,
  title,
  description: '',
  coCreationDate: null,
  coCreationMethod: '',
  participants: { citizens: 0, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
  goals: goals.map((goal, i) => ({ id: `${id}-g${i}`, actionPlanId: id, title: goal, description: '', sortOrder: i })),
  initiativeCount: 0,
  reportingPeriod: 'monthly',
  leadsPublishDirectly: false,
  archived: false,
  archivedAt: null,
  createdAt: '',
  updatedAt: '',
});
const department = (code: string, name: string, sortOrder: number): Department => ({
  id: `id-${code}`,
  code,
  name,
  sortOrder,
  active: true,
  createdAt: '',
  updatedAt: '',
});

async function setup(filters: DashboardFilters = NO_FILTERS) {
  TestBed.configureTestingModule({ imports: [DashboardFiltersForm], providers: [provideDashboardTesting()] });
  const fixture = TestBed.createComponent(DashboardFiltersForm);
  fixture.componentRef.setInput('filters', filters);
  fixture.componentRef.setInput('actionPlans', [
    plan('p2', 'Frivilligplan 2018', ['Flere frivillige']),
    plan('p1', 'Flygtningehandleplan 2016', ['Sundhed', 'Børn']),
  ]);
  fixture.componentRef.setInput('departments', [department('MSO', 'Sundhed og Omsorg', 5), department('BA', 'Borgmesterens Afdeling', 1)]);
  const emitted: DashboardFilters[] = [];
  fixture.componentInstance.changed.subscribe((value) => emitted.push(value));
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const choose = async (id: string, value: string) => {
    const control = element.querySelector<HTMLSelectElement | HTMLInputElement>(`#${id}`);
    if (!control) throw new Error(`no #${id}`);
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };
  return { fixture, element, emitted, choose };
}

describe('DashboardFiltersForm', () => {
  it('offers the action plans, their goals and the departments, each with a label', async () => {
    const { element } = await setup();
    for (const id of ['dash-action-plan', 'dash-goal', 'dash-department', 'dash-department-role', 'dash-from', 'dash-to']) {
      expect(element.querySelector(`label[for="${id}"]`)).not.toBeNull();
    }
    expect(Array.from(element.querySelectorAll('#dash-action-plan option')).map(textOf)).toEqual([
      'Alle handleplaner',
      'Flygtningehandleplan 2016',
      'Frivilligplan 2018',
    ]);
    expect(Array.from(element.querySelectorAll('#dash-goal optgroup')).map((g) => g.getAttribute('label'))).toEqual([
      'Flygtningehandleplan 2016',
      'Frivilligplan 2018',
    ]);
    expect(Array.from(element.querySelectorAll('#dash-department option')).map(textOf)).toEqual([
      'Alle afdelinger',
      'Borgmesterens Afdeling (BA)',
      'Sundhed og Omsorg (MSO)',
    ]);
    expect(element.querySelector<HTMLSelectElement>('#dash-department-role')?.disabled).toBe(true);
    expect(element.querySelector('button')).toBeNull();
  });

  it('applies each choice at once; a goal brings its plan, a new plan clears the goal', async () => {
    const { emitted, choose } = await setup();
    await choose('dash-goal', 'p1-g1');
    expect(emitted.at(-1)).toEqual({ ...NO_FILTERS, actionPlanId: 'p1', goalId: 'p1-g1' });
    await choose('dash-department', 'MSO');
    expect(emitted.at(-1)).toEqual({ ...NO_FILTERS, department: 'MSO' });
  });

  it('shows the chosen filters and a way to clear them', async () => {
    const { element, emitted, fixture } = await setup({ ...NO_FILTERS, actionPlanId: 'p1', goalId: 'p1-g0', department: 'id-MSO', departmentRole: 'lead' });
    expect(element.querySelector<HTMLSelectElement>('#dash-action-plan')?.value).toBe('p1');
    expect(Array.from(element.querySelectorAll('#dash-goal option')).map(textOf)).toEqual(['Alle mål', 'Sundhed', 'Børn']);
    expect(element.querySelector<HTMLSelectElement>('#dash-department')?.value).toBe('MSO');
    expect(element.querySelector<HTMLSelectElement>('#dash-department-role')?.value).toBe('lead');
    element.querySelector<HTMLButtonElement>('button')?.click();
    await fixture.whenStable();
    expect(emitted.at(-1)).toEqual(NO_FILTERS);
  });

  it('explains an impossible period instead of applying it', async () => {
    const { element, emitted, choose } = await setup();
    await choose('dash-to', '2026-01-31');
    expect(emitted.at(-1)).toEqual({ ...NO_FILTERS, to: '2026-01-31' });
    const count = emitted.length;
    await choose('dash-from', '2026-03-01');
    expect(emitted).toHaveLength(count);
    expect(textOf(element.querySelector('[role="alert"]'))).toBe('Fra-datoen skal ligge før til-datoen.');
    expect(element.querySelector('#dash-from')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#dash-from')?.getAttribute('aria-describedby')).toBe('dash-period-error');
  });
});
