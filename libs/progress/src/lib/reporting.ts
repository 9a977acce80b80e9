import type { InitiativeStatus, Reporting, ReportingPeriod } from '@fremdrift/contracts';
import { daysBetween, daysInMonth } from './dates';

export interface PeriodBounds {
  start: string;
  end: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** The calendar month or quarter that contains `day`. */
export function reportingPeriodOf(period: ReportingPeriod, day: string): PeriodBounds {
  // String arithmetic: the dashboard computes this for every row of its compliance table.
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const firstMonth = period === 'monthly' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const lastMonth = period === 'monthly' ? month : firstMonth + 2;
  const yyyy = day.slice(0, 4);
  return {
    start: `${yyyy}-${twoDigits(firstMonth)}-01`,
    end: `${yyyy}-${twoDigits(lastMonth)}-${daysInMonth(year, lastMonth)}`,
  };
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Initiatives that report: started work, paused work, and planned work once its start date is here. */
export function reportsNow(status: InitiativeStatus, startDate: string | null, today: string): boolean {
  if (status === 'in_progress' || status === 'on_hold') return true;
  if (status === 'planned') return startDate !== null && startDate <= today;
  return false;
}

/** Whether this period's status update is still to come: due, or overdue with earlier periods missing too. */
export function awaitsReport<T extends Pick<Reporting, 'state'>>(reporting: T): reporting is T & { state: 'due' | 'overdue' } {
  return reporting.state === 'due' || reporting.state === 'overdue';
}

export interface ReportingInput {
  period: ReportingPeriod;
  status: InitiativeStatus;
  startDate: string | null;
  /** The end of the period of the latest status update. */
  lastReportedPeriodEnd: string | null;
}

/**
 * Whether this period's status update is in (`done`), still to come while the previous period was
 * reported (`due`), or missing for an earlier period too (`overdue`, counted in days since the
 * first unreported period ended). Periods are calendar months or quarters.
 */
export function computeReporting(input: ReportingInput, today: string): Reporting {
  const current = reportingPeriodOf(input.period, today);
  const base = { period: input.period, periodStart: current.start, periodEnd: current.end, lastReportedPeriodEnd: input.lastReportedPeriodEnd };
  if (!reportsNow(input.status, input.startDate, today)) return { ...base, state: 'not_required', daysOverdue: 0 };

  const last = input.lastReportedPeriodEnd;
  if (last !== null && last >= current.start) return { ...base, state: 'done', daysOverdue: 0 };

  const firstToReport = last !== null ? addDays(last, 1) : input.startDate;
  const firstMissing = firstToReport === null ? null : reportingPeriodOf(input.period, firstToReport);
  if (firstMissing === null || firstMissing.start >= current.start) return { ...base, state: 'due', daysOverdue: 0 };
  return { ...base, state: 'overdue', daysOverdue: Math.max(0, daysBetween(firstMissing.end, today)) };
}
