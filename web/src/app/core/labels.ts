import type { AuditAction, AuditedEntity, Health, InitiativeStatus, UserRole } from '@fremdrift/contracts';

/*
 * Every Danish word the app shows for a value of the shared enums, in one place so that a later
 * i18n step can replace this file.
 */

export const STATUS_LABELS: Readonly<Record<InitiativeStatus, string>> = {
  idea: 'Idé',
  planned: 'Planlagt',
  in_progress: 'I gang',
  on_hold: 'Sat på pause',
  completed: 'Afsluttet',
  cancelled: 'Annulleret',
};

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  on_track: 'På sporet',
  at_risk: 'I risiko',
  off_track: 'Bagud',
};

export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  admin: 'Administrator',
  management: 'Ledelse',
  department_lead: 'Afdelingsleder',
  viewer: 'Læser',
};

/** What each role may do, in a sentence, for the user form. */
export const ROLE_DESCRIPTIONS: Readonly<Record<UserRole, string>> = {
  admin: 'Kan alt: styrer brugere, afdelinger og handleplaner og kan se ændringsloggen.',
  management: 'Ser alle initiativer, godkender offentlige tekster og kan eksportere data.',
  department_lead: 'Holder initiativerne i sine egne afdelinger opdaterede.',
  viewer: 'Kan se alle initiativer, men ikke ændre noget.',
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<AuditedEntity, string>> = {
  department: 'Afdeling',
  action_plan: 'Handleplan',
  goal: 'Mål',
  initiative: 'Initiativ',
  initiative_department: 'Deltagende afdeling',
  milestone: 'Milepæl',
  status_update: 'Statusopdatering',
  partner: 'Samskabelsespartner',
  initiative_partner: 'Partner på initiativ',
  user: 'Bruger',
  user_department: 'Brugers afdeling',
  delay_cause: 'Forsinkelsesårsag',
};

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Oprettet',
  update: 'Ændret',
  delete: 'Slettet',
};
