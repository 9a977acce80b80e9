import type { Health, InitiativeSortField, InitiativeStatus, ParticipantGroup, PartnerType, SortDirection } from './enums';
import type { PublicTextState, Reporting, ReportingPeriod } from './workspace';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO timestamp with time zone. */
export type IsoDateTime = string;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** Error body, RFC 9457 `application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Messages per field, keyed by the field's path (`milestones.0.title`). */
  errors?: Record<string, string[]>;
  /** The current state of the resource, on a conflict. */
  current?: unknown;
}

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

export type Participants = Record<ParticipantGroup, number>;

export interface Goal {
  id: string;
  actionPlanId: string;
  title: string;
  description: string;
  sortOrder: number;
}

export interface CreateGoal {
  title: string;
  description?: string;
  sortOrder?: number;
}
export type UpdateGoal = Partial<CreateGoal>;

export interface ActionPlan {
  id: string;
  title: string;
  description: string;
  coCreationDate: IsoDate | null;
  coCreationMethod: string;
  participants: Participants;
  goals: Goal[];
  initiativeCount: number;
  /** How often its initiatives report (default monthly). */
  reportingPeriod: ReportingPeriod;
  /** Leads publish public texts themselves; otherwise management approves them first. */
  leadsPublishDirectly: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateActionPlan {
  title: string;
  description?: string;
  coCreationDate?: IsoDate | null;
  coCreationMethod?: string;
  participants?: Partial<Participants>;
  goals?: CreateGoal[];
  reportingPeriod?: ReportingPeriod;
  leadsPublishDirectly?: boolean;
}
export type UpdateActionPlan = Partial<Omit<CreateActionPlan, 'goals'>>;

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
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface Initiative extends InitiativeSummary {
  description: string;
  /** The public summary as the public sees it (approved). */
  publicSummary: string;
  internalNotes: string;
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
}
export type UpdateInitiative = Partial<CreateInitiative>;

export interface InitiativeQuery extends PageQuery {
  /** Department id or code; matches the lead or a participating department. */
  department?: string;
  /** `lead` or `participating` narrows `department` to one role. */
  departmentRole?: 'lead' | 'participating' | 'any';
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

export interface StatusUpdate {
  id: string;
  initiativeId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  health: Health;
  narrative: string;
  blockers: string;
  nextSteps: string;
  internalText: string;
  /** The public text as written; the public reads `approvedPublicText`. */
  publicText: string;
  /** Where the public text is in its approval. */
  publicTextState: PublicTextState;
  /** The last approved public text: what the public sees while a change waits for approval. */
  approvedPublicText: string;
  /** Management's comment when it returned the public text. */
  reviewComment: string;
  reviewedAt: IsoDateTime | null;
  reviewerName: string | null;
  /** Why health dropped; required when this update lowers the initiative's health. */
  delayCauseId: string | null;
  delayReason: string;
  authorName: string;
  reportedAt: IsoDateTime;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface CreateStatusUpdate {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  health: Health;
  narrative: string;
  blockers?: string;
  nextSteps?: string;
  internalText?: string;
  publicText?: string;
  delayCauseId?: string | null;
  delayReason?: string;
  /** Defaults to the signed-in user's name. */
  authorName?: string;
}
export type UpdateStatusUpdate = Partial<CreateStatusUpdate>;

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  description: string;
  initiativeCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreatePartner {
  name: string;
  type: PartnerType;
  description?: string;
}
export type UpdatePartner = Partial<CreatePartner>;

export interface InitiativePartner {
  partner: { id: string; name: string; type: PartnerType };
  role: string;
  publicConsent: boolean;
}

export interface LinkPartner {
  role?: string;
  publicConsent?: boolean;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  version: string;
}
