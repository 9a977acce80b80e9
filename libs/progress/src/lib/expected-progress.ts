import { daysBetween } from './dates';

/**
 * Where an initiative should be by `today` if work ran evenly from start to target date: 0 before
 * the start, 1 from the target date on, linear in between. Null when either date is unknown.
 */
export function computeExpectedProgress(startDate: string | null, targetDate: string | null, today: string): number | null {
  if (!startDate || !targetDate) return null;
  if (today >= targetDate) return 1;
  if (today <= startDate) return 0;
  const span = daysBetween(startDate, targetDate);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(startDate, today) / span));
}
