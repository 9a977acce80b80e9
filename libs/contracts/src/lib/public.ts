import type { Participants } from './action-plan';
import type { IsoDate, IsoDateTime } from './common';
import type { DepartmentRef } from './department';
import type { Health, InitiativeStatus } from './initiative';
import type { PartnerType } from './partner';

/**
 * What the public sees. These shapes are the open-data contract: field names are stable, and
 * nothing internal (notes, internal texts, unapproved texts, staff names, partners without
 * consent, unpublished initiatives) has a field here.
 */
export interface PublicMilestone {
  title: string;
  dueDate: IsoDate | null;
  completedDate: IsoDate | null;
}

export interface PublicUpdate {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  health: Health;
  /** The approved public text. */
  text: string;
  publishedAt: IsoDateTime;
}

export interface PublicPartner {
  name: string;
  type: PartnerType;
  role: string;
}

export interface PublicInitiative {
  id: string;
  title: string;
  summary: string;
  actionPlan: { id: string; title: string };
  goal: { id: string; title: string } | null;
  leadDepartment: DepartmentRef;
  participatingDepartments: DepartmentRef[];
  status: InitiativeStatus;
  health: Health;
  progress: number;
  expectedProgress: number | null;
  startDate: IsoDate | null;
  targetDate: IsoDate | null;
  milestones: PublicMilestone[];
  /** Newest first. */
  updates: PublicUpdate[];
  partners: PublicPartner[];
  lastUpdatedAt: IsoDateTime;
}

export interface PublicActionPlan {
  id: string;
  title: string;
  description: string;
  coCreationDate: IsoDate | null;
  coCreationMethod: string;
  participants: Participants;
  goals: { id: string; title: string; description: string }[];
  /** Its published initiatives. */
  initiativeIds: string[];
}

export interface PublicInitiatives {
  /** When the newest of these initiatives last changed: the same data gives the same body (and ETag). */
  lastUpdatedAt: IsoDateTime | null;
  items: PublicInitiative[];
}
