import type { IsoDate, IsoDateTime } from './common';
import type { ReportingPeriod } from './reporting';

export const PARTICIPANT_GROUPS = ['citizens', 'volunteers', 'companies', 'civilSociety', 'staff'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export type Participants = Record<ParticipantGroup, number>;

export interface Goal {
  id: string;
  actionPlanId: string;
  title: string;
  description: string;
  sortOrder: number;
}

export interface CreateGoal {
  title: string;
  description?: string;
  sortOrder?: number;
}
export type UpdateGoal = Partial<CreateGoal>;

export interface ActionPlan {
  id: string;
  title: string;
  description: string;
  coCreationDate: IsoDate | null;
  coCreationMethod: string;
  participants: Participants;
  goals: Goal[];
  initiativeCount: number;
  /** How often its initiatives report (default monthly). */
  reportingPeriod: ReportingPeriod;
  /** Leads publish public texts themselves; otherwise management approves them first. */
  leadsPublishDirectly: boolean;
  /** The reporting cycle: reminders before a period ends, escalation after it (the API always sends these). */
  remindersEnabled?: boolean;
  reminderDaysBefore?: number;
  escalationGraceDays?: number;
  /** An archived plan is hidden from the plan list by default and takes no new initiatives. */
  archived: boolean;
  archivedAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateActionPlan {
  title: string;
  description?: string;
  coCreationDate?: IsoDate | null;
  coCreationMethod?: string;
  participants?: Partial<Participants>;
  goals?: CreateGoal[];
  reportingPeriod?: ReportingPeriod;
  leadsPublishDirectly?: boolean;
  remindersEnabled?: boolean;
  reminderDaysBefore?: number;
  escalationGraceDays?: number;
}

/**
 * The range of the reporting-cycle settings. A first reminder may go out as early as a quarter's
 * first day (for a monthly plan, anything above its length means "when the period starts"); the
 * grace before escalation stays within the shortest period, a month.
 */
export const CYCLE_SETTING_LIMITS = {
  reminderDaysBefore: { min: 1, max: 92, default: 5 },
  escalationGraceDays: { min: 0, max: 27, default: 3 },
} as const;
export type UpdateActionPlan = Partial<Omit<CreateActionPlan, 'goals'>> & {
  /** Archives the plan (true) or brings it back (false). */
  archived?: boolean;
};

export interface ActionPlanQuery {
  page?: number;
  pageSize?: number;
  /** Archived plans (true) or the others (false, the default). */
  archived?: boolean;
}
