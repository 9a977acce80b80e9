import type { DepartmentRef, IsoDate, IsoDateTime, PublicProposal, StatusUpdate } from './api-types';

/** How often an action plan's initiatives report. */
export const REPORTING_PERIODS = ['monthly', 'quarterly'] as const;
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number];

/**
 * Whether an initiative has reported for the current period:
 * - `done`: a status update covers the current period;
 * - `due`: not yet, but the previous period was reported;
 * - `overdue`: the previous period was not reported either;
 * - `not_required`: ideas, completed and cancelled initiatives do not report.
 */
export const REPORTING_STATES = ['done', 'due', 'overdue', 'not_required'] as const;
export type ReportingState = (typeof REPORTING_STATES)[number];

export interface Reporting {
  state: ReportingState;
  period: ReportingPeriod;
  /** The current reporting period. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** The end of the period of the latest status update; null when there is none. */
  lastReportedPeriodEnd: IsoDate | null;
  /** Days since the first unreported period ended; 0 unless `overdue`. */
  daysOverdue: number;
}

/** The public text of a status update reaches the public only when `approved`. */
export const PUBLIC_TEXT_STATES = ['none', 'pending', 'approved', 'returned'] as const;
export type PublicTextState = (typeof PUBLIC_TEXT_STATES)[number];

/** A reason for a drop in health, from the municipality's configurable list. */
export interface DelayCause {
  id: string;
  code: string;
  labelDa: string;
  labelEn: string;
  active: boolean;
  sortOrder: number;
}

export interface CreateDelayCause {
  code: string;
  labelDa: string;
  labelEn: string;
  sortOrder?: number;
}
export type UpdateDelayCause = Partial<CreateDelayCause> & { active?: boolean };

export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Management's answer to a public text or proposal: approve it, or return it to the lead with a
 * comment. Sent with If-Match: the version management read, so that a text changed since is not
 * approved unread.
 */
export interface ReviewPublicText {
  decision: ReviewDecision;
  /** Required when returning. */
  comment?: string;
}

export interface PendingApprovalInitiative {
  id: string;
  title: string;
  leadDepartment: DepartmentRef;
  /** Whether the public sees the initiative now. */
  published: boolean;
  /** The approved public summary: what the public sees now. */
  publicSummary: string;
  /** The initiative's version: send it back in If-Match when reviewing its public proposal. */
  version: number;
}

/**
 * Something waiting for management before it reaches the public, with what it is about: the public
 * text of a status update, or a change to an initiative's public face.
 */
export type PendingApproval =
  | { kind: 'status_update'; statusUpdate: StatusUpdate; initiative: PendingApprovalInitiative }
  | { kind: 'initiative'; proposal: PublicProposal; initiative: PendingApprovalInitiative };

export interface Review {
  state: PublicTextState;
  comment: string;
  reviewedAt: IsoDateTime | null;
  reviewerName: string | null;
}
