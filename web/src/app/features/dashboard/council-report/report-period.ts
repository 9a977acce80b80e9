import type { DashboardFilters } from '../dashboard-query';

export interface ReportPeriod {
  from: string;
  to: string;
}

/** Without a period of their own, readers of the council report see the last twelve months. */
export const DEFAULT_REPORT_MONTHS = 12;

/** The first day of the month `months` months before the month of `date` (both `YYYY-MM-DD`). */
function monthsBefore(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The period of "health over time" in the council report: what the reader chose, and otherwise
 * the twelve months up to today, so that paper never reaches back to the first status update of
 * the plan. A period that ends before it begins is not a choice: the default applies.
 */
export function reportPeriod(filters: Pick<DashboardFilters, 'from' | 'to'>, today: string): ReportPeriod {
  const to = filters.to || (filters.from && filters.from > today ? filters.from : today);
  const from = filters.from || monthsBefore(to, DEFAULT_REPORT_MONTHS - 1);
  if (from > to) return { from: monthsBefore(today, DEFAULT_REPORT_MONTHS - 1), to: today };
  return { from, to };
}

/** A text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
