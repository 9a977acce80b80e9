import type { Health, InitiativeStatus } from '@fremdrift/contracts';

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
