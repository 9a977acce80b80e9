import type { IsoDate, IsoDateTime } from './common';
import type { DepartmentRef, DepartmentRole } from './department';
import type { Health, InitiativeStatus } from './initiative';
import type { MailKind, OutboxState } from './outbox';
import type { ReportingState } from './reporting';

/** The filters of a dashboard view; they live in the URL so that a view can be shared. */
export interface DashboardQuery {
  actionPlanId?: string;
  goalId?: string;
  /** Department id or code. */
  department?: string;
  departmentRole?: DepartmentRole;
  /** The time span of "progress over time". */
  from?: IsoDate;
  to?: IsoDate;
}

export type HealthCounts = Record<Health, number>;

export interface DashboardHeadline {
  initiatives: number;
  byStatus: Record<InitiativeStatus, number>;
  byHealth: HealthCounts;
  /** Average progress and expected progress, 0 to 1; null without initiatives (or dates). */
  averageProgress: number | null;
  averageExpectedProgress: number | null;
  milestones: {
    total: number;
    completed: number;
    /** Completed on or before the due date (or without one). */
    completedOnTime: number;
    /** completedOnTime / completed; null when none are completed. */
    onTimeShare: number | null;
    overdue: number;
    dueNext90Days: number;
  };
}

export interface DepartmentProgress {
  department: DepartmentRef;
  /** Initiatives the department leads. */
  lead: { initiatives: number; averageProgress: number | null; averageExpectedProgress: number | null; byHealth: HealthCounts };
  /** Initiatives the department takes part in without leading. */
  participating: { initiatives: number; averageProgress: number | null };
}

/** Health of the initiatives at the end of a month: each counts with its latest status update by then. */
export interface HealthOverTime {
  month: string; // YYYY-MM
  byHealth: HealthCounts;
  /** Initiatives that had reported by then. */
  reported: number;
}

/** Milestones falling due in one week of the next 90 days. */
export interface MilestoneWeek {
  weekStart: IsoDate;
  due: number;
}

export interface ComplianceRow {
  initiative: { id: string; title: string };
  leadDepartment: DepartmentRef;
  state: Extract<ReportingState, 'due' | 'overdue'>;
  lastReportedPeriodEnd: IsoDate | null;
  daysOverdue: number;
  /** The latest reminder (scheduled or manual) and escalation about it: when, to whom. */
  lastReminder: ComplianceMail | null;
  lastEscalation: ComplianceMail | null;
}

export interface ComplianceMail {
  kind: MailKind;
  to: string;
  recipientName: string | null;
  at: IsoDateTime;
  state: OutboxState;
}

/** Everything one dashboard view shows, in one response. */
export interface Dashboard {
  generatedAt: IsoDateTime;
  today: IsoDate;
  filters: DashboardQuery;
  headline: DashboardHeadline;
  departments: DepartmentProgress[];
  healthOverTime: HealthOverTime[];
  milestoneWeeks: MilestoneWeek[];
  /**
   * Initiatives without a status update for the current period, most overdue first: at most
   * COMPLIANCE_LIST_LIMIT of them in the view (all of them in the exports).
   */
  compliance: ComplianceRow[];
  /** All the initiatives of the view without a status update for the current period, and how many of them are overdue. */
  complianceCounts: ComplianceCounts;
}

export interface ComplianceCounts {
  awaiting: number;
  overdue: number;
}

/** The most rows `Dashboard.compliance` has in the view; the CSV of the table has them all. */
export const COMPLIANCE_LIST_LIMIT = 100;
