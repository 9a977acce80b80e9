import type { PartnerConsent } from '@fremdrift/contracts';
import { applyConsentChange, mergeConsent, NO_CONSENT } from './partner-consent';

const TODAY = '2026-06-01';
const given = (consentGivenOn: string, consentMethod: PartnerConsent['consentMethod'] = 'workshop'): PartnerConsent => ({
  publicConsent: true,
  consentGivenOn,
  consentMethod,
  consentWithdrawnOn: null,
});

describe('applyConsentChange', () => {
  it('records consent with the date it was given and how', () => {
    expect(applyConsentChange(null, { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop' }, TODAY)).toEqual({
      consent: given('2026-03-12'),
      errors: null,
    });
  });

  it('accepts consent given today and refuses a date after today', () => {
    expect(applyConsentChange(null, { publicConsent: true, consentGivenOn: TODAY, consentMethod: 'email' }, TODAY).consent).toEqual(given(TODAY, 'email'));
    expect(applyConsentChange(null, { publicConsent: true, consentGivenOn: '2026-06-02', consentMethod: 'email' }, TODAY)).toEqual({
      consent: null,
      errors: { consentGivenOn: 'notInFuture' },
    });
  });

  it('refuses consent without a date or a method, naming each missing field', () => {
    expect(applyConsentChange(null, { publicConsent: true }, TODAY).errors).toEqual({
      consentGivenOn: 'consentDateRequired',
      consentMethod: 'consentMethodRequired',
    });
    expect(applyConsentChange(null, { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: null }, TODAY).errors).toEqual({
      consentMethod: 'consentMethodRequired',
    });
    expect(applyConsentChange(given('2026-03-12'), { consentGivenOn: null }, TODAY).errors).toEqual({ consentGivenOn: 'consentDateRequired' });
  });

  it('keeps a standing consent’s date and method when a change leaves them out, and changes them when sent', () => {
    expect(applyConsentChange(given('2026-03-12'), {}, TODAY).consent).toEqual(given('2026-03-12'));
    expect(applyConsentChange(given('2026-03-12'), { publicConsent: true }, TODAY).consent).toEqual(given('2026-03-12'));
    expect(applyConsentChange(given('2026-03-12'), { consentMethod: 'form' }, TODAY).consent).toEqual(given('2026-03-12', 'form'));
  });

  it('withdraws a standing consent as of today and keeps when and how it was given', () => {
    expect(applyConsentChange(given('2026-03-12'), { publicConsent: false }, TODAY)).toEqual({
      consent: { publicConsent: false, consentGivenOn: '2026-03-12', consentMethod: 'workshop', consentWithdrawnOn: TODAY },
      errors: null,
    });
  });

  it('leaves a link without consent, or with a withdrawn one, as it was when consent stays off', () => {
    expect(applyConsentChange(null, {}, TODAY).consent).toEqual(NO_CONSENT);
    expect(applyConsentChange(null, { publicConsent: false }, TODAY).consent).toEqual(NO_CONSENT);
    const withdrawn = { ...given('2026-03-12'), publicConsent: false, consentWithdrawnOn: '2026-04-01' };
    expect(applyConsentChange(withdrawn, { publicConsent: false }, TODAY).consent).toEqual(withdrawn);
  });

  it('needs a new date and method to give consent again after a withdrawal', () => {
    const withdrawn = { ...given('2026-03-12'), publicConsent: false, consentWithdrawnOn: '2026-04-01' };
    expect(applyConsentChange(withdrawn, { publicConsent: true }, TODAY).errors).toEqual({
      consentGivenOn: 'consentDateRequired',
      consentMethod: 'consentMethodRequired',
    });
    expect(applyConsentChange(withdrawn, { publicConsent: true, consentGivenOn: '2026-05-20', consentMethod: 'form' }, TODAY).consent).toEqual(
      given('2026-05-20', 'form'),
    );
  });

  it('refuses a date or method sent without consent instead of dropping it', () => {
    expect(applyConsentChange(null, { publicConsent: false, consentGivenOn: '2026-03-12', consentMethod: 'email' }, TODAY).errors).toEqual({
      consentGivenOn: 'consentNotGiven',
      consentMethod: 'consentNotGiven',
    });
    expect(applyConsentChange(null, { publicConsent: false, consentGivenOn: null, consentMethod: null }, TODAY).consent).toEqual(NO_CONSENT);
  });
});

describe('mergeConsent', () => {
  const withdrawn: PartnerConsent = { publicConsent: false, consentGivenOn: '2026-01-05', consentMethod: 'email', consentWithdrawnOn: '2026-02-01' };

  it('keeps consent when either partner had it, with the earlier date and its method', () => {
    expect(mergeConsent(given('2026-03-12', 'workshop'), given('2026-02-01', 'form'))).toEqual(given('2026-02-01', 'form'));
    expect(mergeConsent(given('2026-02-01', 'workshop'), given('2026-03-12', 'form'))).toEqual(given('2026-02-01', 'workshop'));
    expect(mergeConsent(NO_CONSENT, given('2026-03-12'))).toEqual(given('2026-03-12'));
    expect(mergeConsent(given('2026-03-12'), withdrawn)).toEqual(given('2026-03-12'));
  });

  it('keeps the kept partner’s withdrawal history, or else the duplicate’s, when neither has consent', () => {
    expect(mergeConsent(withdrawn, NO_CONSENT)).toEqual(withdrawn);
    expect(mergeConsent(NO_CONSENT, withdrawn)).toEqual(withdrawn);
    expect(mergeConsent(NO_CONSENT, NO_CONSENT)).toEqual(NO_CONSENT);
  });
});
