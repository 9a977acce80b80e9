import type { Health, InitiativeStatus } from '@fremdrift/contracts';

/**
 * How far actual progress may trail expected progress (in share of the whole, 0 to 1) before the
 * suggested health drops. Behind by up to 10 points is on track, up to 25 points is at risk,
 * more is off track.
 */
export const HEALTH_THRESHOLDS = { atRisk: 0.1, offTrack: 0.25 } as const;

export interface HealthInput {
  status: InitiativeStatus;
  progress: number;
  expectedProgress: number | null;
  overdueMilestoneCount: number;
}

/**
 * A schedule-aware suggestion for an initiative's health; the responsible lead decides.
 * - Completed and cancelled initiatives are on track: there is nothing left to be late with.
 * - The gap between expected and actual progress sets the level (HEALTH_THRESHOLDS).
 * - An overdue milestone makes an otherwise on-track initiative at risk.
 */
export function suggestHealth({ status, progress, expectedProgress, overdueMilestoneCount }: HealthInput): Health {
  if (status === 'completed' || status === 'cancelled') return 'on_track';
  const gap = expectedProgress === null ? 0 : expectedProgress - progress;
  if (gap > HEALTH_THRESHOLDS.offTrack) return 'off_track';
  if (gap > HEALTH_THRESHOLDS.atRisk) return 'at_risk';
  return overdueMilestoneCount > 0 ? 'at_risk' : 'on_track';
}

const HEALTH_RANK: Record<Health, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** True when `next` is a worse health than `previous`. */
export function isHealthDrop(previous: Health, next: Health): boolean {
  return HEALTH_RANK[next] > HEALTH_RANK[previous];
}
