import type { IsoDate, IsoDateTime, PageQuery, SortDirection } from './common';
import type { DepartmentRef, DepartmentRole } from './department';
import type { Reporting } from './reporting';

export const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const INITIATIVE_SORT_FIELDS = ['title', 'status', 'health', 'startDate', 'targetDate', 'updatedAt'] as const;
export type InitiativeSortField = (typeof INITIATIVE_SORT_FIELDS)[number];

export interface InitiativeSummary {
  id: string;
  actionPlanId: string;
  goalId: string | null;
  title: string;
  summary: string;
  leadDepartment: DepartmentRef;
  participatingDepartments: DepartmentRef[];
  ownerName: string;
  status: InitiativeStatus;
  health: Health;
  startDate: IsoDate | null;
  targetDate: IsoDate | null;
  published: boolean;
  progress: number;
  expectedProgress: number | null;
  suggestedHealth: Health;
  milestoneCount: number;
  completedMilestoneCount: number;
  overdueMilestoneCount: number;
  nextMilestone: { id: string; title: string; dueDate: IsoDate | null } | null;
  /** Whether this period's status update is in. */
  reporting: Reporting;
  /** Public texts management returned to the lead: status updates' public texts, and the initiative's public proposal. */
  returnedPublicTexts: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface Initiative extends InitiativeSummary {
  description: string;
  /** The public summary as the public sees it (approved). */
  publicSummary: string;
  internalNotes: string;
  /** Why the initiative was cancelled; empty unless it is. */
  cancellationReason: string;
  /** The municipality's own reference (e.g. the row id of the spreadsheet it came from); imports match rows by it. */
  externalReference: string | null;
  /** A change to what the public sees, waiting for management or returned by it; null when none. */
  publicProposal: PublicProposal | null;
}

/**
 * A department lead's change to an initiative's public face (`published`, `publicSummary`). Until
 * management approves it, the public keeps seeing the approved values. A field left unchanged is null.
 */
export interface PublicProposal {
  published: boolean | null;
  publicSummary: string | null;
  state: 'pending' | 'returned';
  proposedAt: IsoDateTime;
  proposerName: string;
  /** Management's comment when it returned the proposal. */
  reviewComment: string;
  reviewedAt: IsoDateTime | null;
  reviewerName: string | null;
}

export interface CreateInitiative {
  actionPlanId: string;
  goalId?: string | null;
  title: string;
  summary?: string;
  description?: string;
  leadDepartmentId: string;
  participatingDepartmentIds?: string[];
  ownerName?: string;
  status?: InitiativeStatus;
  health?: Health;
  startDate?: IsoDate | null;
  targetDate?: IsoDate | null;
  published?: boolean;
  publicSummary?: string;
  internalNotes?: string;
  /** Required when the status is `cancelled`. */
  cancellationReason?: string;
  externalReference?: string | null;
}

/** What completing an initiative does with its open milestones: mark them completed today, or leave them open. */
export const OPEN_MILESTONE_CHOICES = ['complete', 'keep'] as const;
export type OpenMilestoneChoice = (typeof OPEN_MILESTONE_CHOICES)[number];

export type UpdateInitiative = Partial<CreateInitiative> & {
  /** Required when the status becomes `completed` while milestones are open (else 409 `openMilestones`). */
  openMilestones?: OpenMilestoneChoice;
};

export interface InitiativeQuery extends PageQuery {
  /** Department id or code; matches the lead or a participating department. */
  department?: string;
  /** `lead` or `participating` narrows `department` to one role. */
  departmentRole?: DepartmentRole;
  actionPlanId?: string;
  goalId?: string;
  status?: InitiativeStatus[];
  health?: Health[];
  published?: boolean;
  q?: string;
  /** Only initiatives a department of the signed-in user leads or takes part in. */
  mine?: boolean;
  sort?: InitiativeSortField;
  direction?: SortDirection;
}
