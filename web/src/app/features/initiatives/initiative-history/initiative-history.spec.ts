import { TestBed } from '@angular/core/testing';
import type { AuditEvent } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeHistory } from './initiative-history';

/** A name that is the same in both languages. */
const name = (text: string) => ({ da: text, en: text });

const MILESTONE = '7d3e5f10-aaaa-4bbb-8ccc-ddddeeeeffff';
const BOERN = '11111111-2222-4333-8444-555566667777';
const SUNDHED = '99999999-8888-4777-8666-555544443333';
const GONE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

async function render(events: (initiativeId: string) => AuditEvent[]) {
  const initiative = anInitiative();
  const items = events(initiative.id);
  const api = { history: jest.fn(() => of({ items, total: items.length, page: 1, pageSize: 20 })) };
  TestBed.configureTestingModule({
    imports: [InitiativeHistory],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(InitiativeHistory);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const event = (initiativeId: string, overrides: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  occurredAt: '2026-11-23T13:05:00Z',
  actor: { id: 'u1', name: 'Lene Leder <leder.mso@fremdrift.example>' },
  entityType: 'initiative',
  entityId: initiativeId,
  initiativeId,
  action: 'update',
  changes: {},
  subject: { id: initiativeId, label: name('Sprogcafé'), deleted: false },
  initiative: { id: initiativeId, label: name('Sprogcafé'), deleted: false },
  references: {},
  ...overrides,
});

describe('InitiativeHistory', () => {
  it('names the milestone that changed and says what changed from and to', async () => {
    const element = await render((id) => [
      event(id, {
        entityType: 'milestone',
        entityId: MILESTONE,
        changes: { dueDate: { before: '2026-11-01', after: '2026-12-01' } },
        subject: { id: MILESTONE, label: name('Samtalegrupper'), deleted: false },
      }),
    ]);

    expect(text(element.querySelector('.history__head strong'))).toBe('Milepæl »Samtalegrupper«: Ændret');
    expect(text(element.querySelector('.history__head .meta'))).toMatch(/^Lene Leder · 23\. nov\. 2026 \d\d:05$/);
    expect(text(element.querySelector('.history__changes li'))).toBe('Frist ændret fra 1. nov. 2026 til 1. dec. 2026');
  });

  it('shows departments, goals and users by name, and an unknown record as such, never as an id', async () => {
    const element = await render((id) => [
      event(id, {
        id: '2',
        changes: { leadDepartmentId: { before: BOERN, after: SUNDHED }, goalId: { before: GONE, after: null } },
        references: { [BOERN]: name('Børn og Unge'), [SUNDHED]: name('Sundhed og Omsorg') },
      }),
      event(id, {
        id: '3',
        entityType: 'status_update',
        entityId: GONE,
        action: 'create',
        changes: { id: { before: null, after: GONE }, initiativeId: { before: null, after: id }, authorId: { before: null, after: BOERN } },
        subject: { id: GONE, label: name('2026-10-01/2026-10-31'), deleted: true },
        references: { [BOERN]: name('Mette Holm') },
      }),
    ]);

    const changes = Array.from(element.querySelectorAll('.history__changes li')).map((li) => text(li));
    expect(changes).toEqual([
      'Ansvarlig afdeling ændret fra Børn og Unge til Sundhed og Omsorg',
      'Mål ændret fra (ukendt post) til tom',
      'Skrevet af (bruger): Mette Holm',
    ]);
    expect(text(element.querySelectorAll('.history__head')[1])).toContain('Statusopdatering »1. okt. 2026 – 31. okt. 2026«: Oprettet (slettet)');
    expect(element.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
