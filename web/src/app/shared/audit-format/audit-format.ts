import { ISO_DATE_PATTERN, type AuditEvent, type FieldChange } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';

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

type Texts = Pick<I18n, 't' | 'date' | 'number'>;

export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** The translated name of a recorded field (camelCase); unknown ones show as they are. */
export function fieldLabel(field: string, i18n: Pick<I18n, 't'>): string {
  const key = `field.${field}`;
  const label = i18n.t(key);
  return label === key ? field : label;
}

/** A recorded value as a short text; null for "nothing" (before a create, after a delete). */
export function formatValue(field: string, value: unknown, i18n: Texts): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'password') return i18n.t(value === '[hidden]' ? 'common.passwordHidden' : 'common.passwordChanged');
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return i18n.number(value, '1.0-3');
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
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return shorten(value.join(', '));
  return shorten(JSON.stringify(value));
}

/**
 * The changed fields of one event, in the order the server sent them. A created record lists only
 * the fields that got a value, a deleted one only those that had one.
 */
export function changeLines(event: Pick<AuditEvent, 'action' | 'changes'>, i18n: Texts): ChangeLine[] {
  return Object.entries(event.changes)
    .map(([field, change]: [string, FieldChange]) => ({
      field,
      label: fieldLabel(field, i18n),
      before: formatValue(field, change.before, i18n),
      after: formatValue(field, change.after, i18n),
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
