import { ISO_DATE_PATTERN, type AuditEvent, type AuditLabel, type AuditRecord, type FieldChange } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/labels';

/** Fields whose values are enum values with translated names. */
const VALUE_KEYS: Readonly<Record<string, string>> = {
  status: 'enum.status',
  health: 'enum.health',
  baselineHealth: 'enum.health',
  role: 'enum.role',
  type: 'enum.partnerType',
  publicTextState: 'enum.publicTextState',
  publicReviewState: 'enum.publicTextState',
};

const MAX_VALUE_LENGTH = 160;
const ISO_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const PERIOD_PATTERN = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Texts = Pick<I18n, 't' | 'date' | 'number' | 'language'>;
type References = Readonly<Record<string, AuditLabel>>;

export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** What an event is about, in words, with where a link to it goes. */
export interface EventSubject {
  /** `Milepæl »Samtalegrupper«`, or `Milepæl (ukendt navn)` when nothing knows its name. */
  text: string;
  deleted: boolean;
  /** The initiative page, for the initiative itself while it exists. */
  link: string | null;
  /** The initiative the record belongs to, when the record is not the initiative itself. */
  initiative: { text: string; link: string | null; deleted: boolean } | null;
}

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

/** The translated name of a recorded field (camelCase); unknown ones show as they are. */
export function fieldLabel(field: string, i18n: Pick<I18n, 't'>): string {
  const key = `field.${field}`;
  const label = i18n.t(key);
  return label === key ? field : label;
}

/** A record's name in the user's language; a status update's period as dates. */
export function labelText(label: AuditLabel | null | undefined, i18n: Texts): string | null {
  if (label === null || label === undefined) return null;
  const text = i18n.language() === 'en' ? label.en : label.da;
  const period = PERIOD_PATTERN.exec(text);
  return period ? i18n.t('auditNames.period', { from: i18n.date(period[1]), to: i18n.date(period[2]) }) : text;
}

/**
 * A recorded value as a short text; null for "nothing" (before a create, after a delete). An id
 * shows as the name of its record, never as the id itself.
 */
export function formatValue(field: string, value: unknown, i18n: Texts, references: References = {}): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'password') return i18n.t(value === '[hidden]' ? 'common.passwordHidden' : 'common.passwordChanged');
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return i18n.number(value, '1.0-3');
  if (isUuid(value)) return shorten(referenceText(value, i18n, references));
  if (typeof value === 'string') {
    const valueKey = VALUE_KEYS[field];
    if (valueKey) {
      const label = i18n.t(`${valueKey}.${value}`);
      if (label !== `${valueKey}.${value}`) return label;
    }
    if (ISO_DATE_PATTERN.test(value)) return i18n.date(value);
    if (ISO_DATE_TIME_PATTERN.test(value)) return i18n.date(value, 'dateTime');
    return shorten(value === '' ? i18n.t('common.emptyParen') : value);
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return shorten(value.map((item) => (isUuid(item) ? referenceText(item, i18n, references) : item)).join(', '));
  }
  return shorten(JSON.stringify(value));
}

function referenceText(id: string, i18n: Texts, references: References): string {
  return labelText(references[id] ?? references[id.toLowerCase()], i18n) ?? i18n.t('auditNames.unknownRecord');
}

/** Fields that name the record itself or its initiative, both of which the event already says in words. */
function isContext(field: string, event: Pick<AuditEvent, 'initiative'>): boolean {
  return field === 'id' || (field === 'initiativeId' && event.initiative !== null);
}

/**
 * The changed fields of one event, in the order the server sent them, with names for ids. A
 * created record lists only the fields that got a value (an empty text is none), a deleted one
 * only those that had one.
 */
export function changeLines(event: Pick<AuditEvent, 'action' | 'changes'> & Partial<Pick<AuditEvent, 'references' | 'initiative'>>, i18n: Texts): ChangeLine[] {
  const references = event.references ?? {};
  const context = { initiative: event.initiative ?? null };
  return Object.entries(event.changes)
    .filter(
      ([field, change]) =>
        !isContext(field, context) && !(event.action === 'create' && change.after === '') && !(event.action === 'delete' && change.before === ''),
    )
    .map(([field, change]: [string, FieldChange]) => ({
      field,
      label: fieldLabel(field, i18n),
      before: formatValue(field, change.before, i18n, references),
      after: formatValue(field, change.after, i18n, references),
    }))
    .filter((line) => (event.action === 'create' ? line.after !== null : event.action === 'delete' ? line.before !== null : true));
}

/** `Milepæl »Samtalegrupper«`, with links to the initiative it belongs to. */
export function eventSubject(event: Pick<AuditEvent, 'entityType' | 'subject' | 'initiative'>, i18n: Texts): EventSubject {
  const entity = i18n.t(labelKeys.auditEntity(event.entityType));
  const initiative = event.initiative;
  const isInitiative = event.entityType === 'initiative';
  const initiativeLink = initiative && !initiative.deleted ? `/initiativer/${initiative.id}` : null;
  return {
    text: recordText(entity, event.subject, i18n),
    deleted: event.subject.deleted,
    link: isInitiative ? initiativeLink : null,
    initiative:
      initiative && !isInitiative
        ? { text: recordText(i18n.t(labelKeys.auditEntity('initiative')), initiative, i18n), link: initiativeLink, deleted: initiative.deleted }
        : null,
  };
}

function recordText(entity: string, record: AuditRecord, i18n: Texts): string {
  const label = labelText(record.label, i18n);
  return label ? i18n.t('auditNames.subject', { entity, label }) : i18n.t('auditNames.unnamed', { entity });
}

/** "Mette Holm <leder.mso@…>" as name and e-mail. */
export function splitActor(name: string): { name: string; email: string | null } {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(name);
  return match ? { name: match[1] || match[2], email: match[2] } : { name, email: null };
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
