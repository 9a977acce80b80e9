import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PublicActionPlan } from '@fremdrift/contracts';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { publicInitiative } from '../data/public-initiative.fixtures';
import { PublicActionPlanPage } from './action-plan';

const plan: PublicActionPlan = {
  id: 'p1',
  title: 'Flygtningehandleplan',
  description: 'Planen for modtagelse af flygtninge.',
  coCreationDate: '2016-03-10',
  coCreationMethod: 'Design Thinking',
  participants: { citizens: 30, volunteers: 25, companies: 15, civilSociety: 20, staff: 30 },
  goals: [{ id: 'g1', title: 'Sprog og netværk', description: 'Flere taler dansk.' }],
  initiativeIds: ['i1'],
};

async function open(respond: (http: HttpTestingController) => void) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'handleplan/:id', component: PublicActionPlanPage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18nTesting(),
    ],
  });
  const harness = await RouterTestingHarness.create('/handleplan/p1');
  respond(TestBed.inject(HttpTestingController));
  await harness.fixture.whenStable();
  harness.detectChanges();
  return harness.routeNativeElement as HTMLElement;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('PublicActionPlanPage', () => {
  it('tells how the plan was co-created, by whom, its goals and its initiatives', async () => {
    const page = await open((http) => {
      http.expectOne('/api/public/action-plans/p1').flush(plan);
      http
        .expectOne('/api/public/initiatives?pageSize=24&plan=p1')
        .flush({ lastUpdatedAt: null, items: [publicInitiative()], total: 1, page: 1, pageSize: 24, departments: [] });
    });
    expect(text(page.querySelector('h1'))).toBe('Flygtningehandleplan');
    expect(text(page)).toContain('Planen blev skabt sammen 10. mar. 2016.');
    expect(text(page)).toContain('Design Thinking');
    expect(text(page)).toContain('I alt deltog 120 personer.');
    expect([...page.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text))).toContainEqual(['Borgere', '30']);
    expect(text(page)).toContain('Sprog og netværk');
    expect([...page.querySelectorAll('fd-public-initiative-card')].map((c) => c.querySelector('a')?.textContent?.trim())).toEqual(['Sprogcafé']);
    expect(page.querySelector('a[href="/api/public/action-plans/p1/feed.atom"]')).not.toBeNull();
  });

  it('says so when the plan does not exist', async () => {
    const page = await open((http) => {
      http.expectOne('/api/public/action-plans/p1').flush({}, { status: 404, statusText: 'Not Found' });
      http.expectOne('/api/public/initiatives?pageSize=24&plan=p1').flush({ lastUpdatedAt: null, items: [], total: 0, page: 1, pageSize: 24, departments: [] });
    });
    expect(text(page.querySelector('h1'))).toBe('Handleplanen findes ikke');
  });
});
