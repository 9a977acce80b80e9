import { TestBed } from '@angular/core/testing';
import type { StatusUpdate } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aStatusUpdate, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { StatusUpdateList } from './status-update-list';

async function render(updates: StatusUpdate[]) {
  const api = { statusUpdates: jest.fn(() => of({ items: updates, total: updates.length, page: 1, pageSize: 5 })) };
  TestBed.configureTestingModule({
    imports: [StatusUpdateList],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(anInitiative());
  const fixture = TestBed.createComponent(StatusUpdateList);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('StatusUpdateList', () => {
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
});
