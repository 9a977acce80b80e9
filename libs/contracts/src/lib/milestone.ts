import type { IsoDate, IsoDateTime } from './common';

export interface Milestone {
  id: string;
  initiativeId: string;
  title: string;
  description: string;
  dueDate: IsoDate | null;
  completedDate: IsoDate | null;
  weight: number;
  position: number;
  overdue: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface CreateMilestone {
  title: string;
  description?: string;
  dueDate?: IsoDate | null;
  completedDate?: IsoDate | null;
  weight?: number;
  position?: number;
}
export type UpdateMilestone = Partial<CreateMilestone>;
