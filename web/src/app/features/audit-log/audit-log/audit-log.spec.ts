import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AuditEvent, AuditQuery, Page } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { AuditLogApi } from '../audit-log-api';
import { AuditLog, startOfLocalDay } from './audit-log';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '42',
  occurredAt: '2026-11-23T13:05:00Z',
  actor: { id: 'u2', name: 'Lene Leder <leder.mso@fremdrift.example>' },
  entityType: 'initiative',
  entityId: '0b7c1e2a-1111-2222-3333-444455556666',
  initiativeId: '0b7c1e2a-1111-2222-3333-444455556666',
  action: 'update',
  changes: { health: { before: 'on_track', after: 'at_risk' }, title: { before: 'Sprogcafé', after: 'Sprogcafé for nye borgere' } },
  ...overrides,
});

function setup(items: AuditEvent[], total = items.length) {
  const api = { list: jest.fn((_query: AuditQuery) => of<Page<AuditEvent>>({ items, total, page: 1, pageSize: 25 })) };
  TestBed.configureTestingModule({
    imports: [AuditLog],
    providers: [provideRouter([]), provideI18nTesting(), { provide: AuditLogApi, useValue: api }],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(AuditLog);
  return { fixture, api, navigate, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('AuditLog', () => {
  it('shows who changed what and when, with the values before and after', async () => {
    const { fixture, element } = setup([event()], 1);
    await fixture.whenStable();

    expect(text(element.querySelector('[role="status"]'))).toBe('Viser 1–1 af 1');
    const cells = Array.from(element.querySelectorAll('tbody td')).map((td) => text(td));
    expect(cells[0]).toMatch(/^23\. nov\. 2026 \d\d:05$/);
    expect(cells[1]).toBe('Lene Leder leder.mso@fremdrift.example');
    expect(cells[2]).toBe('Initiativ Id 0b7c1e2a');
    expect(cells[3]).toBe('Ændret');
    expect(cells[4]).toContain('Vurdering: På sporet → ændret til I risiko');
    expect(cells[4]).toContain('Titel: Sprogcafé → ændret til Sprogcafé for nye borgere');
  });

  it('shows only the new values of a created record', async () => {
    const { fixture, element } = setup([event({ action: 'create', changes: { title: { before: null, after: 'Ny' } } })]);
    await fixture.whenStable();

    expect(text(element.querySelectorAll('tbody td')[4])).toBe('Titel: Ny');
    expect(text(element.querySelectorAll('tbody td')[3])).toBe('Oprettet');
  });

  it('sends the filters from the URL, with whole days in local time', async () => {
    const { fixture, api, element } = setup([]);
    fixture.componentRef.setInput('entityType', 'user');
    fixture.componentRef.setInput('action', 'delete');
    fixture.componentRef.setInput('from', '2026-11-01');
    fixture.componentRef.setInput('to', '2026-11-23');
    await fixture.whenStable();

    expect(api.list).toHaveBeenLastCalledWith({
      page: 1,
      pageSize: 25,
      entityType: 'user',
      action: 'delete',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 24).toISOString(),
    });
    expect(element.querySelector<HTMLSelectElement>('#audit-entity')?.value).toBe('user');
    expect(element.querySelector<HTMLInputElement>('#audit-from')?.value).toBe('2026-11-01');
    expect(text(element)).toContain('Ingen ændringer matcher filtrene');
  });

  it('ignores malformed filters in the URL', async () => {
    const { fixture, api } = setup([]);
    fixture.componentRef.setInput('entityType', 'kage');
    fixture.componentRef.setInput('from', '23-11-2026');
    await fixture.whenStable();

    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ entityType: undefined, from: undefined }));
  });

  it('puts the chosen filters in the URL, and refuses a period that ends before it starts', async () => {
    const { fixture, element, navigate } = setup([event()]);
    await fixture.whenStable();
    const set = (id: string, value: string) => {
      const control = element.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
      if (!control) throw new Error(`#${id} not found`);
      control.value = value;
      control.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };

    set('audit-from', '2026-11-23');
    set('audit-to', '2026-11-01');
    await submit();
    expect(navigate).not.toHaveBeenCalled();
    expect(text(element.querySelector('#audit-to-error'))).toContain('Til-datoen skal være samme dag som fra-datoen eller senere.');
    expect(element.querySelector('#audit-to')?.getAttribute('aria-invalid')).toBe('true');

    set('audit-to', '2026-11-30');
    set('audit-entity', 'milestone');
    await submit();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: { entityType: 'milestone', action: null, from: '2026-11-23', to: '2026-11-30', page: null },
        queryParamsHandling: 'merge',
      }),
    );
  });

  it('says when nothing has been recorded yet', async () => {
    const { fixture, element } = setup([]);
    await fixture.whenStable();

    expect(text(element)).toContain('Der er endnu ingen ændringer');
  });
});

describe('startOfLocalDay', () => {
  it('gives local midnight, optionally days later', () => {
    expect(startOfLocalDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });
});
