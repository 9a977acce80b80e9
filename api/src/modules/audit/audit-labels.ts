import type { AuditedEntity, AuditLabel, FieldChange } from '@fremdrift/contracts';

/** The kinds of record that have a name; link rows (initiative_department …) are named by the record they link. */
export const LABELLED_KINDS = [
  'initiative',
  'milestone',
  'status_update',
  'goal',
  'action_plan',
  'department',
  'partner',
  'user',
  'delay_cause',
  'identity_role_mapping',
  'reporting_snapshot',
] as const;
export type LabelledKind = (typeof LABELLED_KINDS)[number];

/** The fields (snake_case, as the trail records them) that hold a record's name, per kind. */
export const LABEL_FIELDS: Record<LabelledKind, readonly string[]> = {
  initiative: ['title'],
  milestone: ['title'],
  goal: ['title'],
  action_plan: ['title'],
  department: ['name'],
  partner: ['name'],
  user: ['display_name'],
  status_update: ['period_start', 'period_end'],
  delay_cause: ['label_da', 'label_en'],
  identity_role_mapping: ['claim_value'],
  reporting_snapshot: ['name'],
};

const SUBJECT_KIND: Record<AuditedEntity, LabelledKind> = {
  initiative: 'initiative',
  milestone: 'milestone',
  status_update: 'status_update',
  goal: 'goal',
  action_plan: 'action_plan',
  department: 'department',
  partner: 'partner',
  user: 'user',
  delay_cause: 'delay_cause',
  identity_role_mapping: 'identity_role_mapping',
  reporting_snapshot: 'reporting_snapshot',
  initiative_department: 'department',
  initiative_partner: 'partner',
  user_department: 'user',
};

/** The kind of record the row of an event names (for a link row, the linked record). */
export const subjectKind = (entityType: AuditedEntity): LabelledKind => SUBJECT_KIND[entityType];

const REFERENCE_SUFFIXES: readonly [RegExp, LabelledKind][] = [
  [/(^|_)initiative_ids?$/, 'initiative'],
  [/(^|_)milestone_ids?$/, 'milestone'],
  [/(^|_)status_update_ids?$/, 'status_update'],
  [/(^|_)goal_ids?$/, 'goal'],
  [/(^|_)action_plan_ids?$/, 'action_plan'],
  [/(^|_)department_ids?$/, 'department'],
  [/(^|_)partner_ids?$/, 'partner'],
  [/(^|_)(user|author|reviewer|owner|proposer)_ids?$/, 'user'],
  [/(^|_)delay_cause_ids?$/, 'delay_cause'],
];

/** The kind of record a recorded field (snake_case) refers to; `id` is the changed record itself. */
export function referenceKind(field: string, entityType: AuditedEntity): LabelledKind | null {
  if (field === 'id') return SUBJECT_KIND[entityType];
  return REFERENCE_SUFFIXES.find(([pattern]) => pattern.test(field))?.[1] ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Every id (with its kind) that the changes of one event refer to. */
export function referencedIds(entityType: AuditedEntity, changes: Record<string, FieldChange>): [LabelledKind, string][] {
  const ids: [LabelledKind, string][] = [];
  for (const [field, change] of Object.entries(changes)) {
    const kind = referenceKind(field, entityType);
    if (!kind) continue;
    for (const value of [
      change.before,
      change.after,
      ...(Array.isArray(change.before) ? change.before : []),
      ...(Array.isArray(change.after) ? change.after : []),
    ]) {
      if (isUuid(value)) ids.push([kind, value.toLowerCase()]);
    }
  }
  return ids;
}

/** A record's name from the values of its label fields (a row of its table, or what the trail last knew). */
export function labelOf(kind: LabelledKind, values: Record<string, string | null | undefined>): AuditLabel | null {
  switch (kind) {
    case 'status_update':
      return values['period_start'] && values['period_end'] ? both(`${values['period_start']}/${values['period_end']}`) : null;
    case 'delay_cause':
      return values['label_da'] ? { da: values['label_da'], en: values['label_en'] || values['label_da'] } : null;
    default: {
      const value = values[LABEL_FIELDS[kind][0]];
      return value ? both(value) : null;
    }
  }
}

const both = (text: string): AuditLabel => ({ da: text, en: text });

export const labelKey = (kind: LabelledKind, id: string) => `${kind}:${id.toLowerCase()}`;
