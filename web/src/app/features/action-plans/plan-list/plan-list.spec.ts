import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ActionPlan, Page, UserRole } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aPlan, authAs } from '../plan.fixtures';
import { PlansApi } from '../plans-api';
import { PlanList } from './plan-list';

const page = (items: ActionPlan[]): Page<ActionPlan> => ({ items, total: items.length, page: 1, pageSize: 100 });
const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function setup(role: UserRole = 'admin') {
  const plansApi = {
    list: jest.fn((archived: boolean) =>
      of(
        archived
          ? page([aPlan({ id: 'p9', title: 'Gammel plan', archived: true, archivedAt: '2026-02-01T10:00:00Z' })])
          : page([aPlan(), aPlan({ id: 'p2', title: 'Klimaplan', coCreationDate: null, initiativeCount: 0 })]),
      ),
    ),
  };
  TestBed.configureTestingModule({
    imports: [PlanList],
    providers: [provideRouter([]), provideI18nTesting(), { provide: PlansApi, useValue: plansApi }, { provide: Auth, useValue: authAs(role) }],
  });
  const fixture = TestBed.createComponent(PlanList);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  return { fixture, plansApi, navigate, element: fixture.nativeElement as HTMLElement };
}

describe('PlanList', () => {
  it('lists the plans in use with co-creation date and number of initiatives, and hides archived ones', async () => {
    const { fixture, element, plansApi } = setup();
    await fixture.whenStable();

    expect(plansApi.list).toHaveBeenCalledTimes(1);
    expect(plansApi.list).toHaveBeenCalledWith(false);
    expect(text(element.querySelector('[role="status"]'))).toBe('2 handleplaner');
    const [first, second] = Array.from(element.querySelectorAll('tbody tr'));
    const cells = (row: Element) => Array.from(row.querySelectorAll('th, td')).map(text);
    expect(cells(first)).toEqual(['Flygtningehandleplan 2016', '15. mar. 2016', '3']);
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/handleplaner/p1');
    expect(cells(second)).toEqual(['Klimaplan', 'Ingen dato', '0']);
    expect(element.textContent).not.toContain('Gammel plan');
  });

  it('shows the archived plans too when asked, and puts the choice in the URL', async () => {
    const { fixture, element, plansApi, navigate } = setup();
    await fixture.whenStable();
    element.querySelector<HTMLInputElement>('#plans-show-archived')?.click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { arkiverede: 'vis' } }));

    fixture.componentRef.setInput('arkiverede', 'vis');
    await fixture.whenStable();
    expect(plansApi.list).toHaveBeenCalledWith(true);
    expect(text(element.querySelector('h2.plan-list__archived-heading'))).toBe('Arkiverede handleplaner');
    expect(text(element.querySelector('#plans-archived-caption'))).toBe('Arkiverede handleplaner');
    expect(element.textContent).toContain('Gammel plan');
    expect(element.textContent).toContain('Arkiveret');
    expect(text(element.querySelector('[role="status"]'))).toBe('2 i brug og 1 arkiverede');
  });

  it('offers a new plan to management and admins only', async () => {
    for (const [role, offered] of [
      ['admin', true],
      ['management', true],
      ['department_lead', false],
      ['viewer', false],
    ] as const) {
      TestBed.resetTestingModule();
      const { fixture, element } = setup(role);
      await fixture.whenStable();
      const link = Array.from(element.querySelectorAll('a')).find((a) => text(a) === 'Ny handleplan');
      expect([role, !!link]).toEqual([role, offered]);
      if (link) expect(link.getAttribute('href')).toBe('/handleplaner/ny');
    }
  });
});
