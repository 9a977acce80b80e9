import type { DepartmentProgress, Health, HealthCounts, MilestoneWeek } from '@fremdrift/contracts';
import { HEALTHS } from '@fremdrift/contracts';

const DAY_MS = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** The Monday of the week `iso` falls in (ISO weeks, as PostgreSQL's `date_trunc('week')`). */
export function weekStart(iso: string): string {
  const date = toDate(iso);
  return toIso(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
}

/**
 * Every week of the next 90 days (from `today`), with the milestones due in it. The API leaves out
 * the weeks without any; a chart of weeks must show them as zero.
 */
export function fillWeeks(weeks: readonly MilestoneWeek[], today: string, days = 90): MilestoneWeek[] {
  const due = new Map(weeks.map((week) => [week.weekStart, week.due]));
  const last = toDate(today).getTime() + (days - 1) * DAY_MS;
  const result: MilestoneWeek[] = [];
  for (let time = toDate(weekStart(today)).getTime(); time <= last; time += 7 * DAY_MS) {
    const start = toIso(new Date(time));
    result.push({ weekStart: start, due: due.get(start) ?? 0 });
  }
  // A week the API knows but the span does not (the server's 'today' differs): keep its numbers.
  for (const week of weeks) if (!result.some((w) => w.weekStart === week.weekStart)) result.push({ ...week });
  return result.sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

export function totalOf(counts: HealthCounts): number {
  return HEALTHS.reduce((sum, health) => sum + counts[health], 0);
}

/** Departments that lead initiatives and are behind their expected progress, largest gap first. */
export function departmentsBehind(departments: readonly DepartmentProgress[]): DepartmentProgress[] {
  return departments
    .filter((d) => d.lead.initiatives > 0 && d.lead.averageProgress !== null && d.lead.averageExpectedProgress !== null)
    .filter((d) => (d.lead.averageProgress ?? 0) < (d.lead.averageExpectedProgress ?? 0))
    .sort((a, b) => gap(b) - gap(a));
}

const gap = (d: DepartmentProgress) => (d.lead.averageExpectedProgress ?? 0) - (d.lead.averageProgress ?? 0);

/** The departments with led initiatives at `health`, most first (in their own order on a tie). */
export function rankedBy(departments: readonly DepartmentProgress[], health: Health): DepartmentProgress[] {
  return departments.filter((d) => d.lead.byHealth[health] > 0).sort((a, b) => b.lead.byHealth[health] - a.lead.byHealth[health]);
}

/** The busiest week (first on a tie), or null when none has milestones due. */
export function busiestWeek(weeks: readonly MilestoneWeek[]): MilestoneWeek | null {
  return weeks.reduce<MilestoneWeek | null>((best, week) => (week.due > (best?.due ?? 0) ? week : best), null);
}

/** A share from 0 to 1 as a whole percentage on a 0–100 axis; null stays null. */
export function toPercentPoints(share: number | null): number | null {
  return share === null ? null : Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}

/** Splits a long label over lines of about `width` characters, for narrow chart axes. */
export function wrapLabel(text: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
