import type { DepartmentRef } from './department';
import type { PublicProposal } from './initiative';
import type { StatusUpdate } from './status-update';

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
