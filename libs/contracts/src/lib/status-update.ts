import type { IsoDate, IsoDateTime } from './common';
import type { Health } from './initiative';

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
  /** Recorded as "no changes since last time": the previous update carried over. Absent means false. */
  noChange?: boolean;
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

/** The public text of a status update reaches the public only when `approved`. */
export const PUBLIC_TEXT_STATES = ['none', 'pending', 'approved', 'returned'] as const;
export type PublicTextState = (typeof PUBLIC_TEXT_STATES)[number];

/** "No changes since last time": the period's update as a copy of the latest, with an optional note. */
export interface RecordNoChange {
  /** A short note, kept as the update's internal remark. */
  note?: string;
}
export const NO_CHANGE_NOTE_MAX = 500;

/** The link a reminder carries: the initiative page with its status update form filled in from the latest update. */
export const NO_CHANGE_QUERY = { opdatering: 'ingen-aendringer' } as const;
export function noChangeUpdatePath(initiativeId: string): string {
  return `/initiativer/${encodeURIComponent(initiativeId)}?opdatering=${NO_CHANGE_QUERY.opdatering}#ny-statusopdatering`;
}
