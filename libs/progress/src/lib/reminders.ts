import type { Reporting } from '@fremdrift/contracts';
import { daysBetween } from './dates';
import { awaitsReport, reportingPeriodOf } from './reporting';

/** The messages the reporting cycle sends by itself. */
export type CycleMailKind = 'reminder' | 'final_reminder' | 'escalation';

/** An action plan's reporting-cycle settings. */
export interface CycleSettings {
  remindersEnabled: boolean;
  /** The first reminder goes out this many days before the period ends. */
  reminderDaysBefore: number;
  /** An unreported period is escalated this many days after it ended. */
  escalationGraceDays: number;
}

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = { remindersEnabled: true, reminderDaysBefore: 5, escalationGraceDays: 3 };

/** One initiative as the cycle sees it: its reporting state today, who reports on it and who hears when it is late. */
export interface CycleCase {
  initiativeId: string;
  settings: CycleSettings;
  reporting: Reporting;
  /** The leads who report on it (user ids) whose reminders are on. */
  leadIds: string[];
  /** Where a late report is escalated (e-mail addresses): the lead department's management contact, or management when it has none. */
  escalateTo: string[];
}

/** One e-mail to send: to one recipient, of one kind, about one period, listing every initiative it concerns. */
export interface PlannedMail {
  kind: CycleMailKind;
  /** A user id for reminders, an e-mail address for escalations. */
  recipient: string;
  /** The period the mail is about. */
  periodStart: string;
  periodEnd: string;
  initiativeIds: string[];
  idempotencyKey: string;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The same recipient, kind and period always give the same key: the outbox keeps one message per key. */
export function reminderKey(kind: string, recipient: string, periodEnd: string): string {
  return `${kind}:${recipient.toLowerCase()}:${periodEnd}`;
}

/**
 * What one initiative calls for today: nothing; a reminder from `reminderDaysBefore` days before the
 * current period ends; the final reminder on its last day; and, once the previous period has been
 * over for `escalationGraceDays` without its report, an escalation about that period.
 */
export function cycleActionsFor(
  reporting: Reporting,
  settings: CycleSettings,
  today: string,
): { kind: CycleMailKind; periodStart: string; periodEnd: string }[] {
  if (!settings.remindersEnabled) return [];
  if (!awaitsReport(reporting)) return [];
  const actions: { kind: CycleMailKind; periodStart: string; periodEnd: string }[] = [];
  const current = { periodStart: reporting.periodStart, periodEnd: reporting.periodEnd };
  const daysLeft = daysBetween(today, reporting.periodEnd);
  if (daysLeft === 0) actions.push({ kind: 'final_reminder', ...current });
  else if (daysLeft > 0 && daysLeft <= settings.reminderDaysBefore) actions.push({ kind: 'reminder', ...current });

  if (reporting.state === 'overdue') {
    const previous = reportingPeriodOf(reporting.period, addDays(reporting.periodStart, -1));
    if (daysBetween(previous.end, today) >= settings.escalationGraceDays) {
      actions.push({ kind: 'escalation', periodStart: previous.start, periodEnd: previous.end });
    }
  }
  return actions;
}

/** Every mail the cycle sends today: one per recipient, kind and period, listing all its initiatives in the order given. */
export function planCycleMails(cases: CycleCase[], today: string): PlannedMail[] {
  const mails = new Map<string, PlannedMail>();
  const add = (kind: CycleMailKind, recipient: string, periodStart: string, periodEnd: string, initiativeId: string) => {
    const key = reminderKey(kind, recipient, periodEnd);
    const mail = mails.get(key) ?? { kind, recipient, periodStart, periodEnd, initiativeIds: [], idempotencyKey: key };
    if (!mail.initiativeIds.includes(initiativeId)) mail.initiativeIds.push(initiativeId);
    mails.set(key, mail);
  };
  for (const item of cases) {
    for (const action of cycleActionsFor(item.reporting, item.settings, today)) {
      if (action.kind === 'escalation') {
        for (const address of item.escalateTo) add('escalation', address, action.periodStart, action.periodEnd, item.initiativeId);
      } else {
        for (const lead of item.leadIds) add(action.kind, lead, action.periodStart, action.periodEnd, item.initiativeId);
      }
    }
  }
  return [...mails.values()];
}

/** The weekly digest goes out on Mondays (a date in the municipality's time zone). */
export function isDigestDay(today: string): boolean {
  return new Date(`${today}T00:00:00Z`).getUTCDay() === 1;
}

/** The Monday that starts the week of `day`, which names that week's digest. */
export function digestWeekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The key of one user's digest for the week of `today`. */
export function digestKey(userId: string, today: string): string {
  return reminderKey('digest', userId, digestWeekOf(today));
}

/** The key of a manual reminder: at most one per lead per day. */
export function manualReminderKey(userId: string, today: string): string {
  return reminderKey('manual_reminder', userId, today);
}
