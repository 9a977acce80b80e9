import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { JobStatus, OutboxMessage, OutboxMessageSummary, OutboxQuery, Page } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { OutboxApi } from '../outbox-api';
import { OutboxPage } from './outbox-page';

const ID = '0b7c1e2a-1111-4222-8333-444455556666';

const summary = (overrides: Partial<OutboxMessageSummary> = {}): OutboxMessageSummary => ({
  id: ID,
  kind: 'reminder',
  to: 'leder.mso@fremdrift.example',
  recipientName: 'Lene Leder',
  subject: 'Påmindelse: rapportér for november',
  state: 'held',
  attempts: 0,
  createdAt: '2026-12-01T08:00:00Z',
  sentAt: null,
  nextAttemptAt: null,
  lastError: null,
  ...overrides,
});

const full = (overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  ...summary(),
  idempotencyKey: 'reminder:x:2026-11',
  language: 'da',
  text: 'Husk at rapportere for november.',
  html: '<!DOCTYPE html><html lang="da"><body><p>Husk at rapportere</p></body></html>',
  initiativeIds: [],
  ...overrides,
});

const JOB: JobStatus = {
  name: 'outbox.send',
  schedule: '* * * * *',
  lastRunAt: null,
  lastState: null,
  nextRunAt: null,
  failures: 0,
  lastError: null,
  enabled: true,
};

function setup(items: OutboxMessageSummary[], message: OutboxMessage = full()) {
  const api = {
    list: jest.fn((_query: OutboxQuery) => of<Page<OutboxMessageSummary>>({ items, total: items.length, page: 1, pageSize: 25 })),
    get: jest.fn(() => of(message)),
    retry: jest.fn(() => of({ ...message, state: 'pending' as const })),
    jobs: jest.fn(() => of([JOB, { ...JOB, name: 'reminders.cycle', schedule: '0 7 * * *' }, { ...JOB, name: 'reminders.digest', schedule: '30 6 * * 1' }])),
    runJob: jest.fn(() => of(undefined)),
  };
  TestBed.configureTestingModule({
    imports: [OutboxPage],
    providers: [provideRouter([]), provideI18nTesting(), { provide: OutboxApi, useValue: api }],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(OutboxPage);
  return { fixture, api, navigate, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('OutboxPage', () => {
  it('lists messages with recipient, kind and state, and the jobs above', async () => {
    const { fixture, element } = setup([summary()]);
    await fixture.whenStable();

    const cells = Array.from(element.querySelectorAll('.outbox-table tbody td')).map((td) => text(td));
    expect(cells.slice(0, 4)).toEqual(['Påmindelse: rapportér for november', 'Lene Leder leder.mso@fremdrift.example', 'Påmindelse', 'Tilbageholdt']);
    expect(text(element.querySelector('.jobs-table tbody'))).toContain('Send e-mails fra udbakken');
    const schedules = Array.from(element.querySelectorAll('.jobs-table tbody tr td:nth-of-type(1)')).map((td) => text(td));
    expect(schedules).toEqual(['Hvert minut', 'Hver dag kl. 07:00', 'Hver mandag kl. 06:30']);
  });

  it('says so when there are no messages yet', async () => {
    const { fixture, element } = setup([]);
    await fixture.whenStable();
    expect(text(element.querySelector('.notice--empty'))).toContain('Ingen beskeder endnu');
  });

  it('sends the filters from the URL and ignores values it does not know', async () => {
    const { fixture, api } = setup([]);
    fixture.componentRef.setInput('state', 'failed');
    fixture.componentRef.setInput('kind', 'letter');
    await fixture.whenStable();
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 25, state: 'failed', kind: undefined });
  });

  it('shows the open message with its text and its HTML in a sandboxed frame', async () => {
    const { fixture, element } = setup([summary()]);
    fixture.componentRef.setInput('besked', ID);
    await fixture.whenStable();

    expect(text(element.querySelector('#outbox-message-heading'))).toBe('Påmindelse: rapportér for november');
    expect(text(element.querySelector('.outbox-message__text'))).toBe('Husk at rapportere for november.');
    const frame = element.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    // The e-mail's own document, not flattened by the sanitizer: the sandbox keeps it harmless.
    expect((frame as HTMLIFrameElement).srcdoc).toBe('<!DOCTYPE html><html lang="da"><body><p>Husk at rapportere</p></body></html>');
    expect(frame?.getAttribute('title')).toContain('Påmindelse');
    expect(text(element.querySelector('.outbox-message'))).toContain('ingen SMTP-server');
    expect(element.querySelector('.outbox-message button.button:not(.button--secondary)')).toBeNull();
  });

  it('sends a failed message again', async () => {
    const { fixture, element, api } = setup([summary({ state: 'failed' })], full({ state: 'failed', attempts: 5, lastError: '451 Try again later' }));
    fixture.componentRef.setInput('besked', ID);
    await fixture.whenStable();

    expect(text(element.querySelector('.outbox-message__error'))).toBe('451 Try again later');
    const retry = Array.from(element.querySelectorAll<HTMLButtonElement>('.outbox-message button')).find((b) => text(b) === 'Send igen');
    retry?.click();
    await fixture.whenStable();
    expect(api.retry).toHaveBeenCalledWith(ID);
    expect(text(element.querySelector('.outbox-message__status'))).toBe('Beskeden er sat i kø igen.');
  });

  it('runs a job on "Kør nu" and tells the user', async () => {
    const { fixture, element, api } = setup([]);
    await fixture.whenStable();
    const run = Array.from(element.querySelectorAll<HTMLButtonElement>('.jobs-table button')).find((b) => text(b).startsWith('Kør nu'));
    run?.click();
    await fixture.whenStable();
    expect(api.runJob).toHaveBeenCalledWith('outbox.send');
    expect(text(element.querySelector('.jobs__message'))).toBe('Send e-mails fra udbakken er sat i kø.');
  });
});
