import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Principal } from '@fremdrift/access';
import type { Page, Partner, PartnerInitiative, PartnerQuery, UserRole } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { PartnersApi } from '../../../core/api/partners-api';
import { Auth } from '../../../core/auth/auth';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { mergePreview, PartnerRegister, SEARCH_DEBOUNCE_MS } from './partner-register';

const MSO = 'd-mso';
const MBU = 'd-mbu';

const anInitiative = (overrides: Partial<PartnerInitiative> = {}): PartnerInitiative => ({
  id: 'i1',
  title: 'Velkomstforløb',
  leadDepartmentId: MSO,
  role: 'Mentorer',
  publicConsent: true,
  consentGivenOn: '2026-03-12',
  consentMethod: 'workshop',
  consentWithdrawnOn: null,
  ...overrides,
});

const aPartner = (overrides: Partial<Partner> = {}): Partner => ({
  id: 'p1',
  name: 'Frivilligcenter Aarhus',
  type: 'volunteer_organisation',
  description: 'Formidler frivillige.',
  initiativeCount: 1,
  initiatives: [anInitiative()],
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  ...overrides,
});

const page = (items: Partner[], total = items.length): Page<Partner> => ({ items, total, page: 1, pageSize: 25 });

function setup(list: (query: PartnerQuery) => Observable<Page<Partner>>, role: UserRole = 'admin', departmentIds: string[] = []) {
  const principal = signal<Principal>({ role, departmentIds });
  const auth = { principal, allows: (rule: (p: Principal) => boolean) => rule(principal()) };
  const api = {
    list: jest.fn(list),
    listAll: jest.fn(() => list({})),
    create: jest.fn(),
    update: jest.fn(),
    merge: jest.fn(),
  };
  TestBed.configureTestingModule({
    imports: [PartnerRegister],
    providers: [provideRouter([]), provideI18nTesting(), { provide: PartnersApi, useValue: api }, { provide: Auth, useValue: auth }],
  });
  const fixture = TestBed.createComponent(PartnerRegister);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  return { fixture, api, navigate, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const buttonNamed = (element: HTMLElement, name: string) =>
  Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) ?? null;

describe('PartnerRegister', () => {
  afterEach(() => jest.useRealTimers());

  it('shows each partner with its type, description and initiatives, with role and consent in Danish', async () => {
    const withdrawn = anInitiative({ id: 'i2', title: 'Sprogcafé', role: '', publicConsent: false, consentWithdrawnOn: '2026-06-01' });
    const none = anInitiative({ id: 'i3', title: 'Lektiehjælp', publicConsent: false, consentGivenOn: null, consentMethod: null });
    const { fixture, element, api } = setup(() => of(page([aPartner({ initiatives: [anInitiative(), withdrawn, none], initiativeCount: 3 })])));
    await fixture.whenStable();

    expect(api.list).toHaveBeenCalledWith({ page: 1, pageSize: 25, q: undefined, type: undefined, sort: 'name' });
    const card = element.querySelector('.register__partner');
    expect(text(card?.querySelector('h3') ?? null)).toBe('Frivilligcenter Aarhus');
    expect(text(card)).toContain('Frivilligorganisation');
    expect(text(card)).toContain('Formidler frivillige.');
    const lines = Array.from(card?.querySelectorAll('.register__initiative') ?? []).map((li) => Array.from(li.children).map(text).join(' '));
    expect(lines).toEqual([
      'Velkomstforløb Rolle: Mentorer Samtykke givet 12. mar. 2026 på workshop',
      'Sprogcafé Trukket tilbage 1. jun. 2026',
      'Lektiehjælp Rolle: Mentorer Intet samtykke',
    ]);
    expect(card?.querySelector('.register__initiative a')?.getAttribute('href')).toBe('/initiativer/i1');
  });

  it('searches once typing pauses, keeping the search in the URL and starting from page 1', async () => {
    jest.useFakeTimers();
    const { fixture, element, navigate } = setup(() => of(page([aPartner()])));
    fixture.detectChanges();
    const input = element.querySelector<HTMLInputElement>('#partners-search');
    if (!input) throw new Error('no search field');
    input.value = 'frivil';
    input.dispatchEvent(new Event('input'));
    input.value = 'frivillig';
    input.dispatchEvent(new Event('input'));
    expect(navigate).not.toHaveBeenCalled();

    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { page: null, q: 'frivillig' }, queryParamsHandling: 'merge' }));
  });

  it('passes the search and type from the URL to the API, ignoring an unknown type', async () => {
    const { fixture, api } = setup(() => of(page([aPartner()])));
    fixture.componentRef.setInput('q', ' café ');
    fixture.componentRef.setInput('type', 'company');
    fixture.componentRef.setInput('page', '2');
    await fixture.whenStable();
    expect(api.list).toHaveBeenLastCalledWith({ page: 2, pageSize: 25, q: 'café', type: 'company', sort: 'name' });

    fixture.componentRef.setInput('type', 'ngo');
    await fixture.whenStable();
    expect(api.list).toHaveBeenLastCalledWith(expect.objectContaining({ type: undefined }));
  });

  it('puts a chosen type in the URL', async () => {
    const { fixture, element, navigate } = setup(() => of(page([aPartner()])));
    await fixture.whenStable();
    const select = element.querySelector<HTMLSelectElement>('#partners-type');
    if (!select) throw new Error('no type filter');
    select.value = 'company';
    select.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { page: null, type: 'company' } }));
  });

  it('helps when nothing matches, and when there are no partners yet', async () => {
    const filtered = setup(() => of(page([])));
    filtered.fixture.componentRef.setInput('q', 'findes-ikke');
    await filtered.fixture.whenStable();
    expect(text(filtered.element.querySelector('.notice--empty'))).toContain('Ingen partnere passer til søgningen');
    buttonNamed(filtered.element.querySelector('.notice--empty') as HTMLElement, 'Ryd filtre')?.click();
    expect(filtered.navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { page: null, q: null, type: null } }));
    TestBed.resetTestingModule();

    const empty = setup(() => of(page([])), 'department_lead', [MSO]);
    await empty.fixture.whenStable();
    const notice = empty.element.querySelector('.notice--empty');
    expect(text(notice)).toContain('Der er ingen partnere endnu');
    expect(buttonNamed(notice as HTMLElement, 'Opret partner')).not.toBeNull();
  });

  it('says when the partners could not be loaded and offers to try again', async () => {
    const { fixture, element, api } = setup(() => throwError(() => new HttpErrorResponse({ status: 503 })));
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Partnerne kunne ikke hentes.');
    buttonNamed(element, 'Prøv igen')?.click();
    await fixture.whenStable();
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('offers editing only where the rules allow it, and merging only to admins', async () => {
    const ours = aPartner({ id: 'p1', name: 'Vores partner' });
    const shared = aPartner({ id: 'p2', name: 'Fælles partner', initiatives: [anInitiative(), anInitiative({ id: 'i9', leadDepartmentId: MBU })] });
    const lead = setup(() => of(page([ours, shared])), 'department_lead', [MSO]);
    await lead.fixture.whenStable();
    expect(buttonNamed(lead.element, 'Redigér Vores partner')).not.toBeNull();
    expect(buttonNamed(lead.element, 'Redigér Fælles partner')).toBeNull();
    expect(buttonNamed(lead.element, 'Sammenlæg dublet ind i Vores partner')).toBeNull();
    expect(buttonNamed(lead.element, 'Opret partner')).not.toBeNull();
    TestBed.resetTestingModule();

    const viewer = setup(() => of(page([ours])), 'viewer');
    await viewer.fixture.whenStable();
    expect(viewer.element.querySelectorAll('.register__partner button')).toHaveLength(0);
    expect(buttonNamed(viewer.element, 'Opret partner')).toBeNull();
  });

  it('lets an admin choose a duplicate, shows what will move, and merges on confirmation', async () => {
    const kept = aPartner({ id: 'p1', name: 'Frivilligcenter Aarhus', description: '', initiatives: [anInitiative({ id: 'shared' })] });
    const duplicate = aPartner({
      id: 'p2',
      name: 'Frivillig Center Aarhus',
      description: 'Formidler frivillige.',
      initiatives: [
        anInitiative({ id: 'shared', title: 'Velkomstforløb' }),
        anInitiative({ id: 'own', title: 'Sprogcafé', publicConsent: false, consentGivenOn: null, consentMethod: null }),
      ],
    });
    const { fixture, element, api } = setup(() => of(page([kept, duplicate])));
    api.merge.mockReturnValue(of({ ...kept, initiatives: duplicate.initiatives }));
    await fixture.whenStable();

    buttonNamed(element, 'Sammenlæg dublet ind i Frivilligcenter Aarhus')?.click();
    await fixture.whenStable();
    const form = element.querySelector('form.confirm');
    buttonNamed(form as HTMLElement, 'Sammenlæg')?.click();
    await fixture.whenStable();
    expect(api.merge).not.toHaveBeenCalled();
    expect(text(form)).toContain('Vælg den dublet, der skal lægges ind.');

    const select = element.querySelector<HTMLSelectElement>('#partner-p1-duplicate');
    if (!select) throw new Error('no duplicate choice');
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'p2']);
    select.value = 'p2';
    select.dispatchEvent(new Event('input'));
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const preview = text(element.querySelector('.register__preview'));
    expect(preview).toContain('Velkomstforløb – Samtykke givet 12. mar. 2026 på workshop (begge er knyttet');
    expect(preview).toContain('Sprogcafé – Intet samtykke');
    expect(preview).toContain('Beskrivelsen hentes fra dubletten');
    expect(preview).toContain('Frivillig Center Aarhus slettes.');

    buttonNamed(element.querySelector('form.confirm') as HTMLElement, 'Sammenlæg')?.click();
    await fixture.whenStable();
    expect(api.merge).toHaveBeenCalledWith('p1', 'p2');
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(element.querySelector('form.confirm')).toBeNull();
  });

  it('creates a partner after checking the name and type', async () => {
    const { fixture, element, api } = setup(() => of(page([aPartner()])), 'department_lead', [MSO]);
    api.create.mockReturnValue(of(aPartner({ id: 'p9', name: 'Kystbyg A/S', type: 'company', initiatives: [] })));
    await fixture.whenStable();
    buttonNamed(element, 'Opret partner')?.click();
    await fixture.whenStable();
    const form = element.querySelector<HTMLFormElement>('form.register__editor');
    if (!form) throw new Error('no form');
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.create).not.toHaveBeenCalled();
    expect(text(form)).toContain('Skriv partnerens navn.');
    expect(text(form)).toContain('Vælg en type.');

    const name = element.querySelector<HTMLInputElement>('#partner-new-name');
    const type = element.querySelector<HTMLSelectElement>('#partner-new-type');
    if (!name || !type) throw new Error('no fields');
    name.value = '  Kystbyg A/S ';
    name.dispatchEvent(new Event('input'));
    type.value = 'company';
    type.dispatchEvent(new Event('input'));
    type.dispatchEvent(new Event('change'));
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.create).toHaveBeenCalledWith({ name: 'Kystbyg A/S', type: 'company', description: '' });
    expect(element.querySelector('form.register__editor')).toBeNull();
  });
});

describe('mergePreview', () => {
  it('marks the initiatives both partners take part in and whether the description is filled', () => {
    const kept = aPartner({ description: ' ', initiatives: [anInitiative({ id: 'a' })] });
    const duplicate = aPartner({ id: 'p2', initiatives: [anInitiative({ id: 'a' }), anInitiative({ id: 'b' })] });
    expect(mergePreview(kept, duplicate)).toEqual({
      lines: [
        { initiative: duplicate.initiatives[0], shared: true },
        { initiative: duplicate.initiatives[1], shared: false },
      ],
      fillsDescription: true,
    });
    expect(mergePreview(aPartner(), duplicate).fillsDescription).toBe(false);
  });
});
