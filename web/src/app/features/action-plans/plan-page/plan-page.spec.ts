import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ActionPlan, UserRole } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aPlan, anInitiativeSummary, authAs } from '../plan.fixtures';
import { PlansApi } from '../plans-api';
import { goalSections, PlanPage } from './plan-page';

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const initiatives = [
  anInitiativeSummary({ id: 'i1', title: 'Motionshold', goalId: 'g1', progress: 0.2 }),
  anInitiativeSummary({ id: 'i2', title: 'Svømning for kvinder', goalId: 'g1', progress: 0.6, health: 'at_risk' }),
  anInitiativeSummary({ id: 'i3', title: 'Sprogcafé', goalId: null, progress: 1 }),
];

function setup(role: UserRole = 'admin', plan: ActionPlan = aPlan()) {
  const plansApi = {
    get: jest.fn(() => of(plan)),
    initiatives: jest.fn(() => of({ items: initiatives, total: 3, page: 1, pageSize: 100 })),
    update: jest.fn((_id: string, changes: { archived?: boolean }) =>
      of({ ...plan, archived: !!changes.archived, archivedAt: changes.archived ? '2026-11-23T10:00:00Z' : null }),
    ),
  };
  TestBed.configureTestingModule({
    imports: [PlanPage],
    providers: [provideRouter([]), provideI18nTesting(), { provide: PlansApi, useValue: plansApi }, { provide: Auth, useValue: authAs(role) }],
  });
  const fixture = TestBed.createComponent(PlanPage);
  fixture.componentRef.setInput('id', 'p1');
  return { fixture, plansApi, element: fixture.nativeElement as HTMLElement };
}

describe('goalSections', () => {
  it('groups initiatives by goal in the plan’s order with their average progress, those without a goal last', () => {
    const sections = goalSections(aPlan(), initiatives, 'Uden mål');
    expect(sections.map((s) => [s.title, s.initiatives.map((i) => i.id), s.progress])).toEqual([
      ['Et sundt og aktivt liv', ['i1', 'i2'], 0.4],
      ['Uddannelse og job', [], null],
      ['Uden mål', ['i3'], 1],
    ]);
  });
});

describe('PlanPage', () => {
  it('tells the plan’s story and shows each goal’s progress and initiatives with links', async () => {
    const { fixture, element, plansApi } = setup('viewer');
    await fixture.whenStable();

    expect(plansApi.initiatives).toHaveBeenCalledWith('p1');
    expect(text(element.querySelector('h1'))).toBe('Flygtningehandleplan 2016');
    expect(text(element.querySelector('.plan-facts'))).toContain('15. mar. 2016');
    expect(text(element.querySelector('.plan-facts'))).toContain('Design Thinking');
    expect(text(element.querySelector('.plan-facts'))).toContain('Månedlig');
    expect(text(element)).toContain('120 deltagere');
    expect(text(element.querySelector('.plan-participants'))).toContain('35 Borgere og flygtninge');

    const goals = Array.from(element.querySelectorAll('.goal-section'));
    expect(goals.map((g) => text(g.querySelector('h3')))).toEqual(['Et sundt og aktivt liv', 'Uddannelse og job', 'Uden mål']);
    expect(goals[0].querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('40');
    expect(goals[0].querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Gennemsnitlig fremdrift for Et sundt og aktivt liv');
    expect(Array.from(goals[0].querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['/initiativer/i1', '/initiativer/i2']);
    expect(text(goals[1])).toContain('Ingen initiativer under dette mål endnu.');
    expect(text(goals[2])).toContain('Sprogcafé');

    expect(element.textContent).not.toContain('Redigér');
    expect(element.textContent).not.toContain('Arkivér handleplan');
  });

  it('lets management archive the plan and bring it back', async () => {
    const { fixture, element, plansApi } = setup('management');
    await fixture.whenStable();
    expect(element.querySelector('a[href="/handleplaner/p1/rediger"]')).not.toBeNull();

    const button = () => Array.from(element.querySelectorAll('button')).find((b) => /Arkivér|Tag i brug/.test(text(b)));
    expect(text(button() ?? null)).toBe('Arkivér handleplan');
    button()?.click();
    await fixture.whenStable();
    expect(plansApi.update).toHaveBeenCalledWith('p1', { archived: true });
    expect(text(element.querySelector('[role="status"]'))).toBe('Handleplanen er arkiveret.');
    expect(text(element.querySelector('.notice--info'))).toContain('Handleplanen blev arkiveret 23. nov. 2026');

    expect(text(button() ?? null)).toBe('Tag i brug igen');
    button()?.click();
    await fixture.whenStable();
    expect(plansApi.update).toHaveBeenLastCalledWith('p1', { archived: false });
    expect(element.querySelector('.notice--info')).toBeNull();
  });
});
