import type { IsoDate, IsoDateTime, PageQuery, SortDirection } from './common';

export const PARTNER_TYPES = ['citizen_group', 'volunteer_organisation', 'company', 'civil_society_association', 'public_body', 'other'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** How a partner gave its consent to be named publicly. */
export const CONSENT_METHODS = ['email', 'form', 'workshop', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * A partner's consent to be named publicly on one initiative. The date and method stay after a
 * withdrawal, so that what was given, when and how remains readable beside when it was withdrawn.
 */
export interface PartnerConsent {
  /** Whether the partner may be named publicly there now. */
  publicConsent: boolean;
  consentGivenOn: IsoDate | null;
  consentMethod: ConsentMethod | null;
  consentWithdrawnOn: IsoDate | null;
}

/** One initiative a partner takes part in, as the register shows it. */
export interface PartnerInitiative extends PartnerConsent {
  id: string;
  title: string;
  /** Who may correct the partner record depends on it (`canEditPartner`). */
  leadDepartmentId: string;
  role: string;
}

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  description: string;
  initiativeCount: number;
  /** The initiatives it takes part in, by title. */
  initiatives: PartnerInitiative[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export const PARTNER_SORT_FIELDS = ['name'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];

export interface PartnerQuery extends PageQuery {
  /** Part of the name; case and accents (é, ü …) do not matter. */
  q?: string;
  type?: PartnerType;
  sort?: PartnerSortField;
  direction?: SortDirection;
}

export interface CreatePartner {
  name: string;
  type: PartnerType;
  description?: string;
}
export type UpdatePartner = Partial<CreatePartner>;

/** Merges a duplicate into the partner it duplicates. */
export interface MergePartners {
  duplicateId: string;
}

export interface InitiativePartner extends PartnerConsent {
  partner: { id: string; name: string; type: PartnerType };
  role: string;
}

/**
 * Links a partner or changes its link. `publicConsent: true` needs the date the consent was given
 * and how (kept from the stored consent when it stands and they are left out); `false` withdraws a
 * standing consent as of today.
 */
export interface LinkPartner {
  role?: string;
  publicConsent?: boolean;
  consentGivenOn?: IsoDate | null;
  consentMethod?: ConsentMethod | null;
}
