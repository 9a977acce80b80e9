import { LIMITS, type InitiativeStatus, type OpenMilestoneChoice } from '@fremdrift/contracts';

export interface LifecycleInput {
  /** The initiative as stored; null when it is being created. */
  current: { status: InitiativeStatus; cancellationReason: string } | null;
  /** What the request asks for; a field left out keeps its stored value. */
  requested: { status?: InitiativeStatus; cancellationReason?: string; openMilestones?: OpenMilestoneChoice };
  /** The initiative's milestones without a completed date. */
  openMilestoneCount: number;
}

export type LifecycleDecision =
  | {
      ok: true;
      /** The reason to store: the trimmed reason while cancelled, empty otherwise. */
      cancellationReason: string;
      /** Mark the open milestones completed today, in the same transaction as the status. */
      completeOpenMilestones: boolean;
    }
  | { ok: false; problem: 'cancellationReason'; length: number }
  | { ok: false; problem: 'openMilestones'; count: number };

/**
 * Where an initiative may go in its lifecycle, on create and update alike.
 * - A cancelled initiative has a reason of `LIMITS.cancellationReason` length (trimmed), sent with
 *   the change or already stored. Any other status stores no reason: leaving `cancelled` clears it.
 * - Becoming `completed` while milestones are open needs a decision about them: `complete` marks
 *   them done today, `keep` leaves them open. An initiative that is completed already is not asked
 *   again, so that editing its other fields never stumbles over a milestone added later.
 */
export function decideLifecycle({ current, requested, openMilestoneCount }: LifecycleInput): LifecycleDecision {
  const status = requested.status ?? current?.status ?? 'planned';
  let cancellationReason = '';
  if (status === 'cancelled') {
    cancellationReason = (requested.cancellationReason ?? current?.cancellationReason ?? '').trim();
    const { min, max } = LIMITS.cancellationReason;
    if (cancellationReason.length < min || cancellationReason.length > max) {
      return { ok: false, problem: 'cancellationReason', length: cancellationReason.length };
    }
  }
  const completing = status === 'completed' && current?.status !== 'completed';
  if (completing && openMilestoneCount > 0 && !requested.openMilestones) {
    return { ok: false, problem: 'openMilestones', count: openMilestoneCount };
  }
  return { ok: true, cancellationReason, completeOpenMilestones: completing && openMilestoneCount > 0 && requested.openMilestones === 'complete' };
}
