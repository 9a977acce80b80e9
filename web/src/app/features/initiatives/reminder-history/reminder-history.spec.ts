import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { SentMailRecord } from '@fremdrift/contracts';
import { NEVER, of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { ReminderHistory } from './reminder-history';

async function render(sentReminders: jest.Mock, { settle = true } = {}) {
  const initiative = anInitiative();
  TestBed.configureTestingModule({
    imports: [ReminderHistory],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: { sentReminders } }],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(ReminderHistory);
  if (settle) await fixture.whenStable();
  else fixture.detectChanges();
  return { element: fixture.nativeElement as HTMLElement, fixture, initiative };
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const mail = (overrides: Partial<SentMailRecord>): SentMailRecord => ({
  messageId: 'm1',
  initiativeId: 'i1',
  kind: 'reminder',
  recipientUserId: 'u1',
  recipientName: 'Mette Holm',
  to: 'mette.holm@fremdrift.example',
  state: 'sent',
  createdAt: '2026-12-03T07:00:00Z',
  sentAt: '2026-12-03T07:01:00Z',
  ...overrides,
});

describe('ReminderHistory', () => {
  it('asks for the reminders of the page’s initiative and names each with kind, date and recipient, newest first', async () => {
    const api = jest.fn(() =>
      of([
        mail({ messageId: 'a', kind: 'final_reminder', createdAt: '2026-11-20T07:00:00Z', sentAt: '2026-11-20T07:01:00Z' }),
        mail({ messageId: 'b', kind: 'escalation', recipientName: null, to: 'direktion@fremdrift.example' }),
      ]),
    );
    const { element, initiative } = await render(api);

    expect(api).toHaveBeenCalledWith(initiative.id);
    expect([...element.querySelectorAll('.reminders__item')].map(text)).toEqual([
      'Rykker til ledelsen sendt 3. dec. 2026 til direktion@fremdrift.example',
      'Sidste påmindelse sendt 20. nov. 2026 til Mette Holm',
    ]);
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-03T07:01:00Z');
  });

  it('says that a held or pending message waits in the outbox, and that a failed one was not sent', async () => {
    const { element } = await render(
      jest.fn(() =>
        of([
          mail({ messageId: 'a', kind: 'manual_reminder', state: 'held', sentAt: null, createdAt: '2026-12-04T10:00:00Z' }),
          mail({ messageId: 'b', state: 'pending', sentAt: null, createdAt: '2026-12-03T10:00:00Z' }),
          mail({ messageId: 'c', state: 'failed', sentAt: null, createdAt: '2026-12-02T10:00:00Z' }),
        ]),
      ),
    );

    expect([...element.querySelectorAll('.reminders__item')].map(text)).toEqual([
      'Manuel påmindelse oprettet 4. dec. 2026 til Mette Holm, venter i udbakken',
      'Påmindelse oprettet 3. dec. 2026 til Mette Holm, venter i udbakken',
      'Påmindelse oprettet 2. dec. 2026 til Mette Holm, kunne ikke sendes',
    ]);
    expect(element.querySelectorAll('.reminders__state--failed')).toHaveLength(1);
  });

  it('says so when no reminders have been sent', async () => {
    const { element } = await render(jest.fn(() => of([])));

    expect(element.querySelector('.reminders')).toBeNull();
    expect(text(element.querySelector('p.meta'))).toBe('Der er ikke sendt påmindelser om dette initiativ.');
  });

  it('shows that it is loading while the reminders are on their way', async () => {
    const { element } = await render(
      jest.fn(() => NEVER),
      { settle: false },
    );

    expect(text(element.querySelector('p.meta'))).toBe('Henter …');
  });

  it('says what failed and loads again on retry', async () => {
    const api = jest
      .fn()
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 500, statusText: 'Server Error' })))
      .mockReturnValue(of([mail({})]));
    const { element, fixture } = await render(api);

    const alert = element.querySelector('[role="alert"]');
    expect(text(alert?.querySelector('h3'))).toBe('Påmindelserne kunne ikke hentes.');
    (alert?.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(api).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(text(element.querySelector('.reminders__item'))).toBe('Påmindelse sendt 3. dec. 2026 til Mette Holm');
  });
});
