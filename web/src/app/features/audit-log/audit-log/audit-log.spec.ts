import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { AuditEvent, AuditFilterOptions, AuditQuery, Page } from '@fremdrift/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { AuditLogApi } from '../audit-log-api';
import { AuditLog, startOfLocalDay } from './audit-log';

/** A name that is the same in both languages. */
const name = (text: string) => ({ da: text, en: text });

const INITIATIVE = '0b7c1e2a-1111-2222-3333-444455556666';
const MILESTONE = '7d3e5f10-aaaa-4bbb-8ccc-ddddeeeeffff';
const BOERN = '11111111-2222-4333-8444-555566667777';
const SUNDHED = '99999999-8888-4777-8666-555544443333';
const ACTOR = '5a5a5a5a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '42',
  occurredAt: '2026-11-23T13:05:00Z',
  actor: { id: ACTOR, name: 'Lene Leder <leder.mso@fremdrift.example>' },
  entityType: 'initiative',
  entityId: INITIATIVE,
  initiativeId: INITIATIVE,
  action: 'update',
  changes: { health: { before: 'on_track', after: 'at_risk' }, title: { before: 'Sprogcafé', after: 'Sprogcafé for nye borgere' } },
  subject: { id: INITIATIVE, label: name('Sprogcafé for nye borgere'), deleted: false },
  initiative: { id: INITIATIVE, label: name('Sprogcafé for nye borgere'), deleted: false },
  references: {},
  ...overrides,
});

const OPTIONS: AuditFilterOptions = {
  actors: [
    { id: ACTOR, name: 'Lene Leder', email: 'leder.mso@fremdrift.example' },
    { id: '6b6b6b6b-1b1b-4c2c-8d3d-4e4e4e4e4e4e', name: 'Anders Admin', email: 'admin@fremdrift.example' },
  ],
  initiatives: [
    { id: INITIATIVE, label: name('Sprogcafé for nye borgere'), deleted: false },
    { id: '22222222-3333-4444-8555-666677778888', label: name('Mentorordning'), deleted: false },
    { id: '33333333-3333-4444-8555-666677778888', label: name('Lektiecafé'), deleted: true },
  ],
};

function setup(items: AuditEvent[], total = items.length) {
  const api = {
    list: jest.fn((_query: AuditQuery) => of<Page<AuditEvent>>({ items, total, page: 1, pageSize: 25 })),
    filterOptions: jest.fn(() => of(OPTIONS)),
  };
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
    expect(cells[2]).toBe('Initiativ »Sprogcafé for nye borgere«');
    expect(element.querySelector('tbody td:nth-child(3) a')?.getAttribute('href')).toBe(`/initiativer/${INITIATIVE}`);
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
      actorId: undefined,
      initiativeId: undefined,
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
    fixture.componentRef.setInput('actorId', 'lene');
    fixture.componentRef.setInput('initiativeId', '42');
    await fixture.whenStable();

    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ entityType: undefined, from: undefined, actorId: undefined, initiativeId: undefined }));
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
        queryParams: { actorId: null, initiativeId: null, entityType: 'milestone', action: null, from: '2026-11-23', to: '2026-11-30', page: null },
        queryParamsHandling: 'merge',
      }),
    );
  });

  it('names the record, its initiative and every referenced record, never showing an id', async () => {
    const milestoneEvent = event({
      entityType: 'milestone',
      entityId: MILESTONE,
      action: 'update',
      changes: { dueDate: { before: '2026-11-01', after: '2026-12-01' } },
      subject: { id: MILESTONE, label: name('Samtalegrupper'), deleted: false },
    });
    const moved = event({
      id: '43',
      changes: { leadDepartmentId: { before: BOERN, after: SUNDHED } },
      references: { [BOERN]: name('Børn og Unge'), [SUNDHED]: name('Sundhed og Omsorg') },
    });
    const { fixture, element } = setup([milestoneEvent, moved]);
    await fixture.whenStable();

    const rows = Array.from(element.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => text(td)));
    const what = element.querySelector('tbody tr td:nth-child(3)');
    expect(text(what?.firstElementChild ?? null)).toBe('Milepæl »Samtalegrupper«');
    expect(text(what?.querySelector('.audit-context') ?? null)).toBe('Initiativ »Sprogcafé for nye borgere«');
    expect(element.querySelector('tbody tr td:nth-child(3) a')?.getAttribute('href')).toBe(`/initiativer/${INITIATIVE}`);
    expect(rows[0][4]).toBe('Frist: 1. nov. 2026 → ændret til 1. dec. 2026');
    expect(rows[1][4]).toBe('Ansvarlig afdeling: Børn og Unge → ændret til Sundhed og Omsorg');
    expect(element.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('links nothing that no longer exists, and says that it was deleted', async () => {
    const { fixture, element } = setup([
      event({
        entityType: 'milestone',
        entityId: MILESTONE,
        action: 'delete',
        changes: { title: { before: 'Samtalegrupper', after: null } },
        subject: { id: MILESTONE, label: name('Samtalegrupper'), deleted: true },
        initiative: { id: INITIATIVE, label: name('Sprogcafé'), deleted: true },
      }),
    ]);
    await fixture.whenStable();

    const what = element.querySelectorAll('tbody td')[2];
    expect(text(what).replace(text(what.querySelector('.audit-context')), '')).toBe('Milepæl »Samtalegrupper« (slettet)');
    expect(text(what.querySelector('.audit-context'))).toBe('Initiativ »Sprogcafé« (slettet)');
    expect(element.querySelector('tbody a')).toBeNull();
  });

  it('offers the users and initiatives to filter by, narrows the initiatives by a search, and puts the choice in the URL', async () => {
    const { fixture, element, navigate } = setup([event()]);
    await fixture.whenStable();
    const options = (id: string) => Array.from(element.querySelectorAll(`#${id} option`)).map((option) => text(option));

    expect(options('audit-actor')).toEqual(['Alle brugere', 'Anders Admin (admin@fremdrift.example)', 'Lene Leder (leder.mso@fremdrift.example)']);
    expect(options('audit-initiative')).toEqual(['Alle initiativer', 'Lektiecafé (slettet)', 'Mentorordning', 'Sprogcafé for nye borgere']);

    const search = element.querySelector<HTMLInputElement>('#audit-initiative-search');
    if (!search) throw new Error('no search field');
    search.value = 'cafe';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(options('audit-initiative')).toEqual(['Alle initiativer', 'Lektiecafé (slettet)', 'Sprogcafé for nye borgere']);
    expect(text(element.querySelector('#audit-initiative-matches'))).toBe('2 initiativer passer');

    for (const [id, value] of [
      ['audit-actor', ACTOR],
      ['audit-initiative', INITIATIVE],
    ]) {
      const select = element.querySelector<HTMLSelectElement>(`#${id}`);
      if (!select) throw new Error(`#${id} not found`);
      select.value = value;
      select.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: expect.objectContaining({ actorId: ACTOR, initiativeId: INITIATIVE, entityType: null }) }),
    );
  });

  it('sends the user and initiative from the URL and shows them as chosen', async () => {
    const { fixture, api, element } = setup([]);
    fixture.componentRef.setInput('actorId', ACTOR.toUpperCase());
    fixture.componentRef.setInput('initiativeId', INITIATIVE);
    await fixture.whenStable();

    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ actorId: ACTOR, initiativeId: INITIATIVE }));
    expect(element.querySelector<HTMLSelectElement>('#audit-actor')?.value).toBe(ACTOR);
    expect(element.querySelector<HTMLSelectElement>('#audit-initiative')?.value).toBe(INITIATIVE);
    expect(text(element)).toContain('Ingen ændringer matcher filtrene');
  });

  it('still filters by the rest when the lists of users and initiatives cannot be loaded, and says so', async () => {
    const { fixture, api, element } = setup([event()]);
    api.filterOptions.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 503 })));
    await fixture.whenStable();

    expect(text(element.querySelector('form [role="alert"]'))).toBe(
      'Listerne over brugere og initiativer kunne ikke hentes. Du kan stadig filtrere på det øvrige.',
    );
    expect(element.querySelectorAll('#audit-actor option')).toHaveLength(1);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(1);
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
