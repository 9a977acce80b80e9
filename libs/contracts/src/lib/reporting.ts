import type { IsoDate } from './common';

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
