import type { DepartmentRef, IsoDateTime } from './api-types';

export const USER_ROLES = ['admin', 'management', 'department_lead', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The signed-in user, as `GET /api/auth/me` returns it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  departments: DepartmentRef[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface User extends SessionUser {
  active: boolean;
  lastLoginAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface CreateUser {
  email: string;
  displayName: string;
  role: UserRole;
  departmentIds?: string[];
  password: string;
}

export interface UpdateUser {
  displayName?: string;
  role?: UserRole;
  departmentIds?: string[];
  active?: boolean;
}

export interface UserQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  role?: UserRole;
  active?: boolean;
}

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

/** Names of the cookies and header of the session and its CSRF protection (Angular's convention). */
export const SESSION_COOKIE = 'fremdrift_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
