import type { DepartmentRef } from './department';

export const USER_ROLES = ['admin', 'management', 'department_lead', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The signed-in user, as `GET /api/auth/me` returns it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  departments: DepartmentRef[];
  /** False for a user created by the identity provider: there is no password to change. */
  hasPassword: boolean;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Names of the cookies and header of the session and its CSRF protection (Angular's convention). */
export const SESSION_COOKIE = 'fremdrift_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
