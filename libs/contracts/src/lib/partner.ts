import type { IsoDateTime } from './common';

export const PARTNER_TYPES = ['citizen_group', 'volunteer_organisation', 'company', 'civil_society_association', 'public_body', 'other'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  description: string;
  initiativeCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreatePartner {
  name: string;
  type: PartnerType;
  description?: string;
}
export type UpdatePartner = Partial<CreatePartner>;

export interface InitiativePartner {
  partner: { id: string; name: string; type: PartnerType };
  role: string;
  publicConsent: boolean;
}

export interface LinkPartner {
  role?: string;
  publicConsent?: boolean;
}
