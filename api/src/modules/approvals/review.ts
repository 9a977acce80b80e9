import { LIMITS, type ReviewPublicText } from '@fremdrift/contracts';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { invalidField } from '../../core/http/problem';

export interface ReviewRecord {
  state: 'approved' | 'returned';
  comment: string;
  reviewedAt: Date;
  reviewerId: string;
  reviewerName: string;
}

/** Management's decision on something waiting for approval; a return must say what to change. */
export function recordReview(reviewer: AuthenticatedUser, input: ReviewPublicText): ReviewRecord {
  const comment = input.comment ?? '';
  if (input.decision === 'return' && comment.length < LIMITS.reviewComment.min) {
    throw invalidField('comment', 'reviewComment', `comment must tell the lead what to change (at least ${LIMITS.reviewComment.min} characters)`, {
      min: LIMITS.reviewComment.min,
    });
  }
  return {
    state: input.decision === 'approve' ? 'approved' : 'returned',
    comment,
    reviewedAt: new Date(),
    reviewerId: reviewer.id,
    reviewerName: reviewer.displayName,
  };
}
