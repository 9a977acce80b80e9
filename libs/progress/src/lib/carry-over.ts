import type { Health } from '@fremdrift/contracts';
import type { PeriodBounds } from './reporting';

/** What a status update says about the state of things: what "no changes since last time" repeats. */
export interface CarriedState {
  health: Health;
  narrative: string;
  blockers: string;
  nextSteps: string;
}

export interface CarriedUpdate extends CarriedState {
  periodStart: string;
  periodEnd: string;
  /** The note given with it, as the update's internal remark; the previous remark was about its own period. */
  internalText: string;
  /** Nothing new for the public: the public keeps reading the previous update's approved text. */
  publicText: '';
  /** The same health is no drop, so there is no cause to give. */
  delayCauseId: null;
  delayReason: '';
  noChange: true;
}

/**
 * "No changes since last time": the period's update repeats the latest update's health,
 * narrative, blockers and next steps for the given period, with an optional short note.
 */
export function carryOver(previous: CarriedState, period: PeriodBounds, note = ''): CarriedUpdate {
  return {
    periodStart: period.start,
    periodEnd: period.end,
    health: previous.health,
    narrative: previous.narrative,
    blockers: previous.blockers,
    nextSteps: previous.nextSteps,
    internalText: note.trim(),
    publicText: '',
    delayCauseId: null,
    delayReason: '',
    noChange: true,
  };
}
