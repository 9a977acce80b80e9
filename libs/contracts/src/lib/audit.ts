import type { IsoDateTime } from './common';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDITED_ENTITIES = [
  'department',
  'action_plan',
  'goal',
  'initiative',
  'initiative_department',
  'milestone',
  'status_update',
  'partner',
  'initiative_partner',
  'user',
  'user_department',
  'delay_cause',
  'identity_role_mapping',
  'reporting_snapshot',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** One field's value before and after a change; `null` before a create and after a delete. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * A record's name in words, per language: the same title or name in both for most records, two
 * texts for a delay cause. A status update has no title: its label is its period as an ISO 8601
 * interval, `2026-10-01/2026-10-31`.
 */
export interface AuditLabel {
  da: string;
  en: string;
}

/** A record an event is about, in words; `deleted` when it no longer exists (its label then comes from the trail). */
export interface AuditRecord {
  id: string;
  /** null when nothing in the database or the trail knows its name. */
  label: AuditLabel | null;
  deleted: boolean;
}

/** One recorded write: who, when, what, and the changed fields (camelCase names). */
export interface AuditEvent {
  id: string;
  occurredAt: IsoDateTime;
  actor: { id: string | null; name: string };
  entityType: AuditedEntity;
  entityId: string;
  initiativeId: string | null;
  action: AuditAction;
  changes: Record<string, FieldChange>;
  /** The changed record in words; for a link (initiative_department, initiative_partner, user_department) the linked department, partner or user. */
  subject: AuditRecord;
  /** The initiative the record belongs to (for a link to it); null for records outside any initiative. */
  initiative: AuditRecord | null;
  /** The name of each record that an id in `changes` refers to (`leadDepartmentId`, `goalId`, `userId` …), by id; unknown ids are left out. */
  references: Record<string, AuditLabel>;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  entityType?: AuditedEntity;
  action?: AuditAction;
  actorId?: string;
  initiativeId?: string;
  from?: IsoDateTime;
  to?: IsoDateTime;
}

/** The choices of the audit log's filters: everyone who has changed something, and every initiative, deleted ones too. */
export interface AuditFilterOptions {
  actors: { id: string; name: string; email: string }[];
  initiatives: AuditRecord[];
}
