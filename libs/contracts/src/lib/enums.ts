export const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const PARTNER_TYPES = [
  'citizen_group',
  'volunteer_organisation',
  'company',
  'civil_society_association',
  'public_body',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTICIPANT_GROUPS = ['citizens', 'volunteers', 'companies', 'civilSociety', 'staff'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export const INITIATIVE_SORT_FIELDS = ['title', 'status', 'health', 'startDate', 'targetDate', 'updatedAt'] as const;
export type InitiativeSortField = (typeof INITIATIVE_SORT_FIELDS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
