import { formatDate } from '@angular/common';
import { ISO_DATE_PATTERN, type AuditEvent, type FieldChange } from '@fremdrift/contracts';
import { HEALTH_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../core/labels';

/** Danish names of the recorded fields (camelCase column names); unknown ones show as they are. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  actionPlanId: 'Handleplan',
  active: 'Aktiv',
  authorId: 'Skrevet af (bruger)',
  authorName: 'Skrevet af',
  blockers: 'Forhindringer',
  coCreationDate: 'Samskabelsesdato',
  coCreationMethod: 'Samskabelsesmetode',
  code: 'Kode',
  completedDate: 'Nået den',
  departmentId: 'Afdeling',
  description: 'Beskrivelse',
  displayName: 'Navn',
  dueDate: 'Frist',
  email: 'E-mail',
  goalId: 'Mål',
  health: 'Vurdering',
  id: 'Id',
  initiativeId: 'Initiativ',
  internalNotes: 'Interne noter',
  internalText: 'Intern tekst',
  leadDepartmentId: 'Ansvarlig afdeling',
  name: 'Navn',
  narrative: 'Beskrivelse af fremdriften',
  nextSteps: 'Næste skridt',
  ownerName: 'Ansvarlig',
  participantsCitizens: 'Deltagere: borgere',
  participantsCivilSociety: 'Deltagere: civilsamfund',
  participantsCompanies: 'Deltagere: virksomheder',
  participantsStaff: 'Deltagere: medarbejdere',
  participantsVolunteers: 'Deltagere: frivillige',
  partnerId: 'Partner',
  password: 'Adgangskode',
  periodEnd: 'Periode til',
  periodStart: 'Periode fra',
  position: 'Placering',
  publicConsent: 'Samtykke til offentliggørelse',
  publicSummary: 'Offentligt resumé',
  publicText: 'Offentlig tekst',
  published: 'Offentliggjort',
  reportedAt: 'Rapporteret',
  role: 'Rolle',
  sortOrder: 'Rækkefølge',
  startDate: 'Startdato',
  status: 'Status',
  summary: 'Resumé',
  targetDate: 'Slutdato',
  title: 'Titel',
  type: 'Type',
  userId: 'Bruger',
  weight: 'Vægt',
};

const PARTNER_TYPE_LABELS: Readonly<Record<string, string>> = {
  citizen_group: 'Borgergruppe',
  volunteer_organisation: 'Frivilligorganisation',
  company: 'Virksomhed',
  civil_society_association: 'Forening',
  public_body: 'Offentlig myndighed',
  other: 'Andet',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  health: HEALTH_LABELS,
  role: ROLE_LABELS,
  type: PARTNER_TYPE_LABELS,
};

const MAX_VALUE_LENGTH = 160;
const ISO_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A recorded value as a short Danish text; null for "nothing" (before a create, after a delete). */
export function formatValue(field: string, value: unknown, locale: string): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'password') return value === '[hidden]' ? 'skjult' : 'skiftet';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'string') {
    const label = VALUE_LABELS[field]?.[value];
    if (label) return label;
    if (ISO_DATE_PATTERN.test(value)) return formatDate(value, 'd. MMM y', locale);
    if (ISO_DATE_TIME_PATTERN.test(value)) return formatDate(value, 'd. MMM y HH:mm', locale);
    return shorten(value === '' ? '(tom)' : value);
  }
  return shorten(JSON.stringify(value));
}

/**
 * The changed fields of one event, in the order the server sent them. A created record lists only
 * the fields that got a value, a deleted one only those that had one.
 */
export function changeLines(event: Pick<AuditEvent, 'action' | 'changes'>, locale: string): ChangeLine[] {
  return Object.entries(event.changes)
    .map(([field, change]: [string, FieldChange]) => ({
      field,
      label: fieldLabel(field),
      before: formatValue(field, change.before, locale),
      after: formatValue(field, change.after, locale),
    }))
    .filter((line) => (event.action === 'create' ? line.after !== null : event.action === 'delete' ? line.before !== null : true));
}

/** "Mette Holm <leder.mso@…>" as name and e-mail. */
export function splitActor(name: string): { name: string; email: string | null } {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(name);
  return match ? { name: match[1] || match[2], email: match[2] } : { name, email: null };
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
