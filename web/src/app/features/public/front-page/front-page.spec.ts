import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { publicInitiative } from '../data/public-initiative.fixtures';
import { FrontPage } from './front-page';

async function open(url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '', component: FrontPage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18nTesting(),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  TestBed.inject(HttpTestingController)
    .expectOne('/api/public/initiatives')
    .flush({
      lastUpdatedAt: '2026-11-02T10:00:00.000Z',
      items: [publicInitiative(), publicInitiative({ id: 'i2', title: 'Lektiecafé', health: 'at_risk', goal: null, partners: [] })],
    });
  await harness.fixture.whenStable();
  harness.detectChanges();
  return harness.routeNativeElement as HTMLElement;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('FrontPage', () => {
  it('shows the initiatives grouped by plan and goal, with their facts', async () => {
    const page = await open('/');
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
  });

  it('filters by the URL’s search and health', async () => {
    const page = await open('/?health=at_risk');
    expect(text(page.querySelector('[role="status"]'))).toBe('Viser 1 initiativ');
    expect(text(page)).toContain('Lektiecafé');
    expect(text(page)).not.toContain('Sprogcafé');
  });

  it('says so when nothing matches', async () => {
    const page = await open('/?q=cykel');
    expect(text(page)).toContain('Ingen initiativer matcher');
  });
});
