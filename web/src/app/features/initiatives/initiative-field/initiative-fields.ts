import { INITIATIVE_STATUSES, LIMITS, type Initiative, type UpdateInitiative } from '@fremdrift/contracts';
import type { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';

export type FieldKind = 'text' | 'textarea' | 'date' | 'select';
export type EditableInitiativeField =
  'title' | 'summary' | 'description' | 'status' | 'ownerName' | 'startDate' | 'targetDate' | 'published' | 'publicSummary' | 'internalNotes';

type Texts = Pick<I18n, 't' | 'date'>;

export interface FieldConfig {
  kind: FieldKind;
  /** Translation keys. */
  label: string;
  hint?: string;
  maxLength?: number;
  options?: (i18n: Texts) => { value: string; label: string }[];
  /** The field's value as the control holds it. */
  toDraft: (initiative: Initiative) => string;
  /** The field's value as the page shows it; '' for "not filled in". */
  display: (initiative: Initiative, i18n: Texts) => string;
  toChange: (draft: string) => UpdateInitiative;
  /**
   * For the fields of the public face (`published`, `publicSummary`): the value the initiative's
   * public proposal gives the field, as the page shows it; null when the proposal leaves it alone.
   */
  proposed?: (initiative: Initiative, i18n: Texts) => string | null;
  /** A translated message when the draft cannot be saved. */
  validate: (draft: string, initiative: Initiative, i18n: Texts) => string | null;
}

function lengthCheck(fieldKey: string, limits: { min?: number; max: number }, required = false) {
  return (draft: string, _initiative: Initiative, i18n: Texts): string | null => {
    const value = draft.trim();
    if (required && value === '') return i18n.t('validation.required', { field: i18n.t(fieldKey).toLowerCase() });
    if (limits.min !== undefined && value.length < limits.min && (required || value !== '')) {
      return i18n.t('validation.minLength', { field: i18n.t(fieldKey), min: limits.min });
    }
    if (value.length > limits.max) return i18n.t('validation.maxLength', { field: i18n.t(fieldKey), max: limits.max });
    return null;
  };
}

const text = (field: 'title' | 'summary' | 'description' | 'ownerName' | 'publicSummary' | 'internalNotes') => ({
  toDraft: (initiative: Initiative) => initiative[field],
  display: (initiative: Initiative) => initiative[field],
  toChange: (draft: string) => ({ [field]: draft.trim() }),
});

const date = (field: 'startDate' | 'targetDate') => ({
  kind: 'date' as const,
  toDraft: (initiative: Initiative) => initiative[field] ?? '',
  display: (initiative: Initiative, i18n: Texts) => i18n.date(initiative[field]),
  toChange: (draft: string) => ({ [field]: draft || null }),
});

function publishedText(published: boolean, i18n: Texts): string {
  return i18n.t(published ? 'initiative.publishedYes' : 'initiative.publishedNo');
}

/** How each of an initiative's own fields is shown, edited, checked and sent. */
export const INITIATIVE_FIELDS: Readonly<Record<EditableInitiativeField, FieldConfig>> = {
  title: { kind: 'text', label: 'field.title', maxLength: LIMITS.title.max, ...text('title'), validate: lengthCheck('field.title', LIMITS.title, true) },
  summary: {
    kind: 'textarea',
    label: 'field.summary',
    maxLength: LIMITS.summary.max,
    ...text('summary'),
    validate: lengthCheck('field.summary', LIMITS.summary),
  },
  description: {
    kind: 'textarea',
    label: 'field.description',
    maxLength: LIMITS.longText.max,
    ...text('description'),
    validate: lengthCheck('field.description', LIMITS.longText),
  },
  status: {
    kind: 'select',
    label: 'field.status',
    options: (i18n) => INITIATIVE_STATUSES.map((status) => ({ value: status, label: i18n.t(labelKeys.status(status)) })),
    toDraft: (initiative) => initiative.status,
    display: (initiative, i18n) => i18n.t(labelKeys.status(initiative.status)),
    toChange: (draft) => ({ status: draft as Initiative['status'] }),
    validate: (draft, _initiative, i18n) => ((INITIATIVE_STATUSES as readonly string[]).includes(draft) ? null : i18n.t('validation.unknownChoice')),
  },
  ownerName: {
    kind: 'text',
    label: 'field.ownerName',
    maxLength: LIMITS.ownerName.max,
    ...text('ownerName'),
    validate: lengthCheck('field.ownerName', LIMITS.ownerName),
  },
  startDate: {
    label: 'field.startDate',
    ...date('startDate'),
    validate: (draft, initiative, i18n) => (draft && initiative.targetDate && draft > initiative.targetDate ? i18n.t('validation.dateOrder') : null),
  },
  targetDate: {
    label: 'field.targetDate',
    ...date('targetDate'),
    validate: (draft, initiative, i18n) => (draft && initiative.startDate && draft < initiative.startDate ? i18n.t('validation.dateOrder') : null),
  },
  // The public face: the page shows the approved value (what the public sees); editing starts from
  // the value waiting for approval, if any.
  published: {
    kind: 'select',
    label: 'field.published',
    options: (i18n) => [
      { value: 'true', label: i18n.t('initiative.publishedYes') },
      { value: 'false', label: i18n.t('initiative.publishedNo') },
    ],
    toDraft: (initiative) => String(initiative.publicProposal?.published ?? initiative.published),
    display: (initiative, i18n) => publishedText(initiative.published, i18n),
    proposed: (initiative, i18n) => {
      const published = initiative.publicProposal?.published;
      return published === undefined || published === null ? null : publishedText(published, i18n);
    },
    toChange: (draft) => ({ published: draft === 'true' }),
    validate: () => null,
  },
  publicSummary: {
    kind: 'textarea',
    label: 'field.publicSummary',
    hint: 'initiative.publicSummaryHint',
    maxLength: LIMITS.summary.max,
    ...text('publicSummary'),
    toDraft: (initiative) => initiative.publicProposal?.publicSummary ?? initiative.publicSummary,
    proposed: (initiative) => initiative.publicProposal?.publicSummary ?? null,
    validate: lengthCheck('field.publicSummary', LIMITS.summary),
  },
  internalNotes: {
    kind: 'textarea',
    label: 'field.internalNotes',
    hint: 'initiative.internalNotesHint',
    maxLength: LIMITS.longText.max,
    ...text('internalNotes'),
    validate: lengthCheck('field.internalNotes', LIMITS.longText),
  },
};
