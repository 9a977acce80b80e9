import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { InitiativePartner, LinkPartner } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { PartnersApi } from '../../../core/api/partners-api';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { todayInMunicipality } from '../../../core/time/today';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { linkRequest, PartnerList } from './partner-list';

const aLink = (overrides: Partial<InitiativePartner> = {}): InitiativePartner => ({
  partner: { id: 'p1', name: 'Frivilligcenter Aarhus', type: 'volunteer_organisation' },
  role: 'Mentorer',
  publicConsent: false,
  consentGivenOn: null,
  consentMethod: null,
  consentWithdrawnOn: null,
  ...overrides,
});

const consented = aLink({ publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop' });

function setup(
  links: InitiativePartner[],
  link = (_i: string, partnerId: string, body: LinkPartner) => of({ ...aLink(), ...body, partner: { ...aLink().partner, id: partnerId } } as InitiativePartner),
) {
  const api = { partners: jest.fn(() => of(links)), linkPartner: jest.fn(link), unlinkPartner: jest.fn(), get: jest.fn(() => of(anInitiative())) };
  const partnersApi = { listAll: jest.fn(() => of({ items: [], total: 0, page: 1, pageSize: 100 })), create: jest.fn() };
  TestBed.configureTestingModule({
    imports: [PartnerList],
    providers: [
      provideI18nTesting(),
      fakeAuth(leadMso),
      InitiativePageState,
      ConflictPrompt,
      UnsavedChanges,
      { provide: InitiativesApi, useValue: api },
      { provide: PartnersApi, useValue: partnersApi },
    ],
  });
  TestBed.inject(InitiativePageState).set(anInitiative());
  const fixture = TestBed.createComponent(PartnerList);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) ?? null;
  return { fixture, element, api, button, pageState: TestBed.inject(InitiativePageState) };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function setValue(element: HTMLElement, selector: string, value: string): void {
  const control = element.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!control) throw new Error(`no ${selector}`);
  control.value = value;
  control.dispatchEvent(new Event('input'));
  control.dispatchEvent(new Event('change'));
}

describe('PartnerList', () => {
  it('says for each partner whether, when and how it consented, or when it withdrew', async () => {
    const withdrawn = aLink({
      partner: { id: 'p2', name: 'Kystbyg A/S', type: 'company' },
      consentGivenOn: '2026-03-12',
      consentMethod: 'email',
      consentWithdrawnOn: '2026-06-01',
    });
    const none = aLink({ partner: { id: 'p3', name: 'Lektiehjælperne', type: 'volunteer_organisation' } });
    const { fixture, element } = setup([consented, withdrawn, none]);
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('.partner__consent')).map(text)).toEqual([
      'Samtykke givet 12. mar. 2026 på workshop',
      'Trukket tilbage 1. jun. 2026',
      'Intet samtykke',
    ]);
  });

  it('asks for the date and method when consent is given, and sends them', async () => {
    const { fixture, element, api, button } = setup([aLink()]);
    await fixture.whenStable();
    button('Redigér Frivilligcenter Aarhus')?.click();
    await fixture.whenStable();
    expect(element.querySelector('#partner-p1-consent-date')).toBeNull();

    element.querySelector<HTMLInputElement>('#partner-p1-consent')?.click();
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('#partner-p1-consent-date')?.value).toBe(todayInMunicipality());
    const form = element.querySelector<HTMLFormElement>('form.partner__form');
    form?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.linkPartner).not.toHaveBeenCalled();
    expect(text(form)).toContain('Angiv, hvordan samtykket blev givet.');

    setValue(element, '#partner-p1-consent-date', '2999-01-01');
    setValue(element, '#partner-p1-consent-method', 'workshop');
    form?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.linkPartner).not.toHaveBeenCalled();
    expect(text(form)).toContain('Datoen må ikke ligge efter i dag.');

    setValue(element, '#partner-p1-consent-date', '2026-03-12');
    form?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(api.linkPartner).toHaveBeenCalledWith('i1', 'p1', {
      role: 'Mentorer',
      publicConsent: true,
      consentGivenOn: '2026-03-12',
      consentMethod: 'workshop',
    });
  });

  it('withdraws consent only after confirmation, and says so', async () => {
    const { fixture, element, api, button, pageState } = setup([consented], () => of({ ...consented, publicConsent: false, consentWithdrawnOn: '2026-06-01' }));
    await fixture.whenStable();

    button('Træk samtykke tilbage for Frivilligcenter Aarhus')?.click();
    await fixture.whenStable();
    expect(api.linkPartner).not.toHaveBeenCalled();
    expect(text(element.querySelector('.confirm'))).toContain('Træk samtykket tilbage for Frivilligcenter Aarhus?');
    button('Ja, træk tilbage')?.click();
    await fixture.whenStable();

    expect(api.linkPartner).toHaveBeenCalledWith('i1', 'p1', { publicConsent: false });
    expect(text(element.querySelector('.partner__consent'))).toBe('Trukket tilbage 1. jun. 2026');
    expect(pageState.announcement()).toBe('Samtykket for Frivilligcenter Aarhus er trukket tilbage.');
  });

  it('keeps the confirmation open and says what went wrong when the withdrawal fails', async () => {
    const { fixture, element, button } = setup([consented], () => throwError(() => new HttpErrorResponse({ status: 503 })));
    await fixture.whenStable();
    button('Træk samtykke tilbage for Frivilligcenter Aarhus')?.click();
    await fixture.whenStable();
    button('Ja, træk tilbage')?.click();
    await fixture.whenStable();
    expect(element.querySelector('.confirm')).not.toBeNull();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Det lykkedes ikke.');
  });
});

describe('linkRequest', () => {
  const off = { publicConsent: false, consentGivenOn: '', consentMethod: '' } as const;
  const on = { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'form' } as const;

  it('sends consent with its date and method only when it is newly given', () => {
    expect(linkRequest('Vært', on, aLink())).toEqual({ role: 'Vært', publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'form' });
    expect(linkRequest('Vært', on, null)).toEqual({ role: 'Vært', publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'form' });
    expect(linkRequest('Vært', on, consented)).toEqual({ role: 'Vært' });
  });

  it('leaves consent alone when it is not ticked, and links a new partner without it', () => {
    expect(linkRequest('Vært', off, aLink())).toEqual({ role: 'Vært' });
    expect(linkRequest('Vært', off, null)).toEqual({ role: 'Vært', publicConsent: false });
  });
});
