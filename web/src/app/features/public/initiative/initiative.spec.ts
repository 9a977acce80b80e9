import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { publicInitiative } from '../data/public-initiative.fixtures';
import { PublicInitiativePage, timeline } from './initiative';

async function open(id: string, respond: (http: HttpTestingController) => void) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'initiativ/:id', component: PublicInitiativePage }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18nTesting(),
    ],
  });
  const harness = await RouterTestingHarness.create(`/initiativ/${id}`);
  respond(TestBed.inject(HttpTestingController));
  await harness.fixture.whenStable();
  harness.detectChanges();
  return harness.routeNativeElement as HTMLElement;
}

describe('PublicInitiativePage', () => {
  it('shows the initiative and its timeline of milestones and updates', async () => {
    const page = await open('i1', (http) => http.expectOne('/api/public/initiatives/i1').flush(publicInitiative()));
    expect(page.querySelector('h1')?.textContent).toBe('Sprogcafé');
    const items = [...page.querySelectorAll('.timeline__title')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['Første café', 'Status for 1. okt. 2026 – 31. okt. 2026', 'Lokaler fundet']);
    expect(page.textContent).toContain('Caféen har haft 40 gæster.');
  });

  it('gives a friendly page for an unknown or unpublished initiative', async () => {
    const page = await open('skjult', (http) =>
      http.expectOne('/api/public/initiatives/skjult').flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(page.querySelector('h1')?.textContent).toBe('Initiativet findes ikke eller er ikke offentligt');
  });

  it('orders the timeline newest first, undated milestones last', () => {
    const entries = timeline(publicInitiative({ milestones: [{ title: 'Uden dato', dueDate: null, completedDate: null }, ...publicInitiative().milestones] }));
    expect(entries.map((e) => e.date)).toEqual(['2026-12-01', '2026-10-31', '2026-02-03', null]);
  });
});
