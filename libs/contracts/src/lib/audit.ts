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
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** One field's value before and after a change; `null` before a create and after a delete. */
export interface FieldChange {
  before: unknown;
  after: unknown;
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
