import type { IsoDateTime } from './common';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface Department extends DepartmentRef {
  sortOrder: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateDepartment {
  code: string;
  name: string;
  sortOrder?: number;
}
export type UpdateDepartment = Partial<CreateDepartment>;

/** Which part a department plays in an initiative, as a filter: leading it, taking part, or either. */
export const DEPARTMENT_ROLES = ['any', 'lead', 'participating'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];
