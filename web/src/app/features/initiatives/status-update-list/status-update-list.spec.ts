import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import type { SessionUser, StatusUpdate } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aStatusUpdate, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { StatusUpdateList } from './status-update-list';

async function render(updates: StatusUpdate[], options: { user?: SessionUser; updateStatusUpdate?: jest.Mock } = {}) {
  const api = {
    statusUpdates: jest.fn(() => of({ items: updates, total: updates.length, page: 1, pageSize: 5 })),
    updateStatusUpdate: options.updateStatusUpdate ?? jest.fn(),
  };
  TestBed.configureTestingModule({
    imports: [StatusUpdateList],
    providers: [provideI18nTesting(), fakeAuth(options.user ?? leadMso), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(anInitiative());
  const fixture = TestBed.createComponent(StatusUpdateList);
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  return Object.assign(fixture.nativeElement as HTMLElement, { fixture, api });
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('StatusUpdateList', () => {
  afterEach(() => document.body.replaceChildren());

  it('says that the public still reads the approved text while a rewrite waits', async () => {
    const element = await render([
      aStatusUpdate({
        id: 's1',
        publicText: 'Alle nyankomne får tjekket helbredet.',
        publicTextState: 'pending',
        approvedPublicText: 'Nyankomne får et sundhedstjek.',
      }),
    ]);

    expect(text(element.querySelector('.tag'))).toBe('Afventer godkendelse');
    const now = element.querySelector('.update__public-now');
    expect(text(now?.querySelector('.update__public-now-label'))).toBe('Indtil den nye tekst er godkendt, ser borgerne stadig den tidligere godkendte tekst:');
    expect(text(now)).toContain('Nyankomne får et sundhedstjek.');
  });

  it('says nothing more when there is no earlier approved text, or it is the same', async () => {
    const element = await render([
      aStatusUpdate({ id: 's1', publicText: 'Første tekst.', publicTextState: 'pending', approvedPublicText: '' }),
      aStatusUpdate({ id: 's2', publicText: 'Godkendt tekst.', publicTextState: 'approved', approvedPublicText: 'Godkendt tekst.' }),
    ]);

    expect(element.querySelectorAll('.update')).toHaveLength(2);
    expect(element.querySelector('.update__public-now')).toBeNull();
  });

  describe('a public text management returned', () => {
    const returned = () =>
      aStatusUpdate({
        id: 's1',
        publicText: 'Kringlet tekst.',
        publicTextState: 'returned',
        reviewComment: 'Skriv det mere enkelt.',
        reviewerName: 'Direktør Dorte',
        version: 3,
      });
    const button = (element: HTMLElement, label: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === label);

    it('shows management’s comment and lets the lead revise and resend the text, which then waits again', async () => {
      const pending = aStatusUpdate({ id: 's1', publicText: 'Kort tekst.', publicTextState: 'pending', version: 4 });
      const updateStatusUpdate = jest.fn(() => of(pending));
      const element = await render([returned()], { updateStatusUpdate });
      expect(text(element.querySelector('.update__review'))).toContain('Skriv det mere enkelt.');
      const revise = button(element, 'Ret og send igen');
      expect(revise?.getAttribute('aria-label')).toMatch(/^Ret og send igen: tekst til borgerne for /);

      revise?.click();
      await element.fixture.whenStable();
      const area = element.querySelector<HTMLTextAreaElement>('#su-revise-s1');
      expect(document.activeElement).toBe(area);
      expect(area?.value).toBe('Kringlet tekst.');
      expect(text(element.querySelector('.update__revise'))).toContain('Når du gemmer, sendes teksten til ledelsens godkendelse igen.');
      if (area) {
        area.value = '  Kort tekst. ';
        area.dispatchEvent(new Event('input'));
      }
      element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await element.fixture.whenStable();

      expect(updateStatusUpdate).toHaveBeenCalledWith('i1', 's1', 3, { publicText: 'Kort tekst.' });
      expect(element.querySelector('form')).toBeNull();
      await new Promise((resolve) => setTimeout(resolve));
      expect(TestBed.inject(InitiativePageState).announcement()).toBe('Teksten til borgerne er rettet og sendt til ledelsens godkendelse igen.');
      await element.fixture.whenStable();
      expect(document.activeElement?.id).toBe('su-s1');
      expect(element.api.statusUpdates).toHaveBeenCalledTimes(2);
    });

    it('does not send an empty text, and can be cancelled', async () => {
      const updateStatusUpdate = jest.fn();
      const element = await render([returned()], { updateStatusUpdate });
      button(element, 'Ret og send igen')?.click();
      await element.fixture.whenStable();
      const area = element.querySelector<HTMLTextAreaElement>('#su-revise-s1');
      if (area) {
        area.value = '   ';
        area.dispatchEvent(new Event('input'));
      }
      element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await element.fixture.whenStable();
      expect(updateStatusUpdate).not.toHaveBeenCalled();
      expect(text(element.querySelector('.update__revise'))).toContain('Skriv teksten til borgerne.');

      button(element, 'Annullér')?.click();
      await element.fixture.whenStable();
      expect(element.querySelector('form')).toBeNull();
      expect(document.activeElement).toBe(button(element, 'Ret og send igen'));
    });

    it('shows the conflict when someone changed the status update meanwhile', async () => {
      const now = aStatusUpdate({ ...returned(), narrative: 'Ændret af en anden.', version: 4 });
      const updateStatusUpdate = jest.fn(() =>
        throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409, code: 'staleVersion', current: now } })),
      );
      const element = await render([returned()], { updateStatusUpdate });
      button(element, 'Ret og send igen')?.click();
      await element.fixture.whenStable();
      element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await element.fixture.whenStable();

      const prompt = TestBed.inject(ConflictPrompt);
      expect(prompt.request()?.lines.map((line) => line.label)).toEqual(['Beskrivelse af fremdriften']);
      prompt.answer('cancel');
      await element.fixture.whenStable();
      expect(element.querySelector('form')).not.toBeNull();
    });

    it('says why a resend failed', async () => {
      const updateStatusUpdate = jest.fn(() =>
        throwError(() => new HttpErrorResponse({ status: 403, error: { title: 'Forbidden', status: 403, code: 'forbidden' } })),
      );
      const element = await render([returned()], { updateStatusUpdate });
      button(element, 'Ret og send igen')?.click();
      await element.fixture.whenStable();
      element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await element.fixture.whenStable();
      expect(text(element.querySelector('[role="alert"]'))).toContain('Teksten blev ikke sendt igen.');
    });

    it('offers no revision to those who may not change the status update', async () => {
      const viewer: SessionUser = { ...leadMso, role: 'viewer', departments: [] };
      const element = await render([returned()], { user: viewer });
      expect(text(element.querySelector('.update__review'))).toContain('Skriv det mere enkelt.');
      expect(button(element, 'Ret og send igen')).toBeUndefined();
    });
  });
});
