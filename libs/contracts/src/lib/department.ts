import type { IsoDateTime } from './common';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface Department extends DepartmentRef {
  sortOrder: number;
  /** Inactive departments stay on existing initiatives and in history, but are not offered for new choices. */
  active: boolean;
  /** Where late reports of the initiatives it leads are escalated (a person or a shared mailbox); null for none. */
  managementContactEmail?: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateDepartment {
  code: string;
  name: string;
  sortOrder?: number;
  managementContactEmail?: string | null;
}
export type UpdateDepartment = Partial<CreateDepartment> & { active?: boolean };

/** Which part a department plays in an initiative, as a filter: leading it, taking part, or either. */
export const DEPARTMENT_ROLES = ['any', 'lead', 'participating'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];
