import type { Health, InitiativeStatus } from '@fremdrift/contracts';

export type ExportLanguage = 'da' | 'en';

/** The words every export uses for the domain's values, in Danish and English. */
export const EXPORT_LABELS: Record<ExportLanguage, { health: Record<Health, string>; status: Record<InitiativeStatus, string> }> = {
  da: {
    health: { on_track: 'På sporet', at_risk: 'I risiko', off_track: 'Bagud' },
    status: { idea: 'Idé', planned: 'Planlagt', in_progress: 'I gang', on_hold: 'Sat på pause', completed: 'Afsluttet', cancelled: 'Annulleret' },
  },
  en: {
    health: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
    status: { idea: 'Idea', planned: 'Planned', in_progress: 'In progress', on_hold: 'On hold', completed: 'Completed', cancelled: 'Cancelled' },
  },
};
