import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { publicInitiative } from '../data/public-initiative.fixtures';
import { FrontPage } from './front-page';

const page = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 24,
  lastUpdatedAt: '2026-11-02T10:00:00.000Z',
  departments: [{ id: 'd1', code: 'KB', name: 'Kultur og Borgerservice' }],
  ...extra,
});

/** Opens `url` and answers the list request it makes (checked to carry `params`) with `body`. */
async function open(url: string, params: Record<string, string>, body: object) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '', component: FrontPage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18nTesting(),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  const request = http.expectOne((r) => r.url === '/api/public/initiatives');
  expect(Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]))).toEqual(params);
  request.flush(body);
  http.expectOne('/api/public/action-plans').flush([]);
  await harness.fixture.whenStable();
  harness.detectChanges();
  return harness.routeNativeElement as HTMLElement;
}

const twoInitiatives = page([publicInitiative(), publicInitiative({ id: 'i2', title: 'Lektiecafé', health: 'at_risk', goal: null, partners: [] })]);

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('FrontPage', () => {
  it('shows the initiatives grouped by plan and goal, with their facts', async () => {
    const page = await open('/', { pageSize: '24' }, twoInitiatives);
    expect(text(page.querySelector('[role="status"]'))).toBe('Viser 2 initiativer');
    expect([...page.querySelectorAll('h2:not(.visually-hidden)')].map(text)).toContain('Flygtningehandleplan');
    expect([...page.querySelectorAll('h3')].map(text)).toEqual(['Sprog og netværk', 'Øvrige initiativer']);
    const card = page.querySelector('fd-public-initiative-card');
    expect(text(card)).toContain('Kultur og Borgerservice');
    expect(text(card)).toContain('Lokaler fundet');
    expect(text(card)).toContain('Første café');
    expect(text(card)).toContain('Caféen har haft 40 gæster.');
    expect(text(card)).toContain('Dansk Flygtningehjælp');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe('/initiativ/i1');
    expect(page.querySelector('a[href="/api/public/initiatives.csv"]')).not.toBeNull();
    expect(page.querySelector('a[href="/api/public/initiatives.json"]')).not.toBeNull();
    expect([...page.querySelectorAll('#public-department option')].map(text)).toEqual(['Alle', 'Kultur og Borgerservice']);
  });

  it('asks the server for the URL’s filters and page, and offers the next page', async () => {
    const page = await open(
      '/?health=at_risk&q=caf%C3%A9&page=2',
      { pageSize: '24', q: 'café', health: 'at_risk', page: '2' },
      {
        ...twoInitiatives,
        total: 50,
        page: 2,
      },
    );
    expect(text(page.querySelector('[role="status"]'))).toBe('Viser 50 initiativer');
    expect(text(page.querySelector('.pagination__position'))).toBe('Side 2 af 3');
    expect(page.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/?health=at_risk&q=caf%C3%A9&page=3');
  });

  it('says so when nothing matches', async () => {
    const page = await open('/?q=cykel', { pageSize: '24', q: 'cykel' }, { ...twoInitiatives, items: [], total: 0 });
    expect(text(page)).toContain('Ingen initiativer matcher');
  });
});
