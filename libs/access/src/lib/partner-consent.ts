import type { ConsentMethod, IsoDate, PartnerConsent } from '@fremdrift/contracts';

/** No consent ever given. */
export const NO_CONSENT: PartnerConsent = { publicConsent: false, consentGivenOn: null, consentMethod: null, consentWithdrawnOn: null };

/** What a request asks of a link's consent; a field left out keeps what is stored. */
export interface ConsentChange {
  publicConsent?: boolean;
  consentGivenOn?: IsoDate | null;
  consentMethod?: ConsentMethod | null;
}

export type ConsentErrorCode = 'consentDateRequired' | 'consentMethodRequired' | 'notInFuture' | 'consentNotGiven';
export type ConsentErrors = Partial<Record<'consentGivenOn' | 'consentMethod', ConsentErrorCode>>;

export type ConsentOutcome = { consent: PartnerConsent; errors: null } | { consent: null; errors: ConsentErrors };

/**
 * Whether a partner may be named publicly on an initiative, after a change (the public page and
 * open data name it only while `publicConsent` holds):
 * - Consent needs the date it was given, not after `today` (the municipality's calendar date),
 *   and how it was given. A standing consent keeps its date and method when they are left out;
 *   consent given anew (never before, or after a withdrawal) must name them.
 * - Turning consent off withdraws it as of `today`; the date and method it was given with stay.
 * - A date or method without consent is refused rather than dropped.
 */
export function applyConsentChange(previous: PartnerConsent | null, change: ConsentChange, today: IsoDate): ConsentOutcome {
  const stored = previous ?? NO_CONSENT;
  const wanted = change.publicConsent ?? stored.publicConsent;
  if (!wanted) {
    const errors: ConsentErrors = {};
    if (change.consentGivenOn) errors.consentGivenOn = 'consentNotGiven';
    if (change.consentMethod) errors.consentMethod = 'consentNotGiven';
    if (Object.keys(errors).length > 0) return { consent: null, errors };
    return { consent: stored.publicConsent ? { ...stored, publicConsent: false, consentWithdrawnOn: today } : stored, errors: null };
  }
  const keep = stored.publicConsent;
  const givenOn = change.consentGivenOn !== undefined ? change.consentGivenOn : keep ? stored.consentGivenOn : null;
  const method = change.consentMethod !== undefined ? change.consentMethod : keep ? stored.consentMethod : null;
  const errors: ConsentErrors = {};
  if (!givenOn) errors.consentGivenOn = 'consentDateRequired';
  else if (givenOn > today) errors.consentGivenOn = 'notInFuture';
  if (!method) errors.consentMethod = 'consentMethodRequired';
  if (!givenOn || !method || Object.keys(errors).length > 0) return { consent: null, errors };
  return { consent: { publicConsent: true, consentGivenOn: givenOn, consentMethod: method, consentWithdrawnOn: null }, errors: null };
}

/**
 * The consent of one initiative link when two partner records are merged and both were linked to
 * it: consent stands if either had it, with the earlier date (and that consent's method). Without
 * consent on either side, the kept partner's history stays, or else the duplicate's.
 */
export function mergeConsent(kept: PartnerConsent, duplicate: PartnerConsent): PartnerConsent {
  if (kept.publicConsent && duplicate.publicConsent) {
    return (duplicate.consentGivenOn ?? '') < (kept.consentGivenOn ?? '') ? duplicate : kept;
  }
  if (kept.publicConsent) return kept;
  if (duplicate.publicConsent) return duplicate;
  return kept.consentGivenOn || kept.consentWithdrawnOn ? kept : duplicate;
}
