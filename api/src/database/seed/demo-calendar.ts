import { MUNICIPAL_TIME_ZONE, reportingPeriodOf } from '@fremdrift/progress';
import type { DemoStatusUpdate } from './demo-data.types';

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return DAY_PATTERN.test(value) && !Number.isNaN(time) && iso(new Date(time)) === value;
}

export interface DemoCalendar {
  today: string;
  /** The day `offset` days from today (negative: in the past). */
  day(offset: number): string;
  /**
   * A status update's period and time of reporting: the reporting quarter `offset` quarters from the
   * current one, reported `daysAfterEnd` days after it ended at `time` (local), but never after today.
   */
  quarter(offset: number, daysAfterEnd: number, time: string): Pick<DemoStatusUpdate, 'periodStart' | 'periodEnd' | 'reportedAt'>;
}

/** Dates of the demo relative to `today`, so that the demo is always in the middle of its story. */
export function demoCalendar(today: string): DemoCalendar {
  if (!isCalendarDay(today)) throw new Error(`The demo's today must be a date (YYYY-MM-DD), got "${today}"`);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const addDays = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
  const current = reportingPeriodOf('quarterly', today);
  const [year, month] = current.start.split('-').map(Number);
  return {
    today,
    day: (offset) => iso(new Date(todayMs + offset * DAY_MS)),
    quarter: (offset, daysAfterEnd, time) => {
      const periodStart = iso(new Date(Date.UTC(year, month - 1 + offset * 3, 1)));
      const periodEnd = iso(new Date(Date.UTC(year, month - 1 + offset * 3 + 3, 0)));
      const reported = addDays(periodEnd, daysAfterEnd);
      const reportedOn = reported < today ? reported : today;
      return { periodStart, periodEnd, reportedAt: `${reportedOn}T${time}:00${copenhagenOffset(reportedOn)}` };
    },
  };
}

/** The municipality's UTC offset on a day (`+01:00` in winter, `+02:00` in summer), taken at noon. */
function copenhagenOffset(day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: MUNICIPAL_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}
