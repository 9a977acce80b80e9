import type { SessionUser, UserRole } from './auth';
import type { IsoDateTime } from './common';

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

/** An admin's new password for another user (`POST /api/users/:id/password`); it ends their sessions. */
export interface ResetPassword {
  password: string;
}

export interface UserQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  role?: UserRole;
  active?: boolean;
}
