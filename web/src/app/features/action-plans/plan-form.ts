import { applyEach, max, min, minLength, required, validate, type SchemaPathTree } from '@angular/forms/signals';
import {
  CYCLE_SETTING_LIMITS,
  LIMITS,
  PARTICIPANT_GROUPS,
  type ActionPlan,
  type CreateActionPlan,
  type ParticipantGroup,
  type Participants,
  type ReportingPeriod,
} from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';
import { maxChars } from '../../shared/forms/length-limit';

/** A goal as the form holds it: `id` is null until the goal is saved. */
export interface GoalModel {
  id: string | null;
  title: string;
  description: string;
}

export interface PlanModel {
  title: string;
  description: string;
  /** `yyyy-mm-dd`, or empty for none. */
  coCreationDate: string;
  coCreationMethod: string;
  participants: Participants;
  reportingPeriod: ReportingPeriod;
  leadsPublishDirectly: boolean;
  remindersEnabled: boolean;
  reminderDaysBefore: number;
  escalationGraceDays: number;
  goals: GoalModel[];
}

export const PARTICIPANT_KEYS: Record<ParticipantGroup, string> = {
  citizens: 'plans.groups.citizens',
  volunteers: 'plans.groups.volunteers',
  companies: 'plans.groups.companies',
  civilSociety: 'plans.groups.civilSociety',
  staff: 'plans.groups.staff',
};

export const PERIOD_KEYS: Record<ReportingPeriod, string> = { monthly: 'plans.periods.monthly', quarterly: 'plans.periods.quarterly' };

/** The form's starting point: a new plan, or the plan as the server has it. */
export function toPlanModel(plan: ActionPlan | null): PlanModel {
  return {
    title: plan?.title ?? '',
    description: plan?.description ?? '',
    coCreationDate: plan?.coCreationDate ?? '',
    coCreationMethod: plan?.coCreationMethod ?? '',
    participants: { ...(plan?.participants ?? { citizens: 0, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 }) },
    reportingPeriod: plan?.reportingPeriod ?? 'monthly',
    leadsPublishDirectly: plan?.leadsPublishDirectly ?? false,
    remindersEnabled: plan?.remindersEnabled ?? true,
    reminderDaysBefore: plan?.reminderDaysBefore ?? CYCLE_SETTING_LIMITS.reminderDaysBefore.default,
    escalationGraceDays: plan?.escalationGraceDays ?? CYCLE_SETTING_LIMITS.escalationGraceDays.default,
    goals: (plan?.goals ?? []).map((goal) => ({ id: goal.id, title: goal.title, description: goal.description })),
  };
}

/** The plan's own fields as the API takes them (goals are sent apart). */
export function planFields(model: PlanModel): Omit<CreateActionPlan, 'goals'> {
  return {
    title: model.title.trim(),
    description: model.description.trim(),
    coCreationDate: model.coCreationDate || null,
    coCreationMethod: model.coCreationMethod.trim(),
    participants: Object.fromEntries(PARTICIPANT_GROUPS.map((group) => [group, Number(model.participants[group]) || 0])) as Participants,
    reportingPeriod: model.reportingPeriod,
    leadsPublishDirectly: model.leadsPublishDirectly,
    remindersEnabled: model.remindersEnabled,
    reminderDaysBefore: Number(model.reminderDaysBefore),
    escalationGraceDays: Number(model.escalationGraceDays),
  };
}

/** The same limits as the API: title length, text lengths, participant counts, goal titles. */
export function planRules(path: SchemaPathTree<PlanModel>, i18n: I18n): void {
  const titleRules = (title: SchemaPathTree<string>) => {
    required(title, { message: () => i18n.t('plans.titleRequired') });
    minLength(title, LIMITS.title.min, { message: () => i18n.t('plans.titleLength', LIMITS.title) });
    maxChars(title, LIMITS.title.max, () => i18n.t('plans.titleLength', LIMITS.title));
  };
  titleRules(path.title);
  maxChars(path.description, LIMITS.longText.max, () => i18n.t('plans.textMax', { max: LIMITS.longText.max }));
  maxChars(path.coCreationMethod, LIMITS.coCreationMethod.max, () => i18n.t('plans.textMax', { max: LIMITS.coCreationMethod.max }));
  for (const group of PARTICIPANT_GROUPS) {
    required(path.participants[group], { message: () => i18n.t('plans.countRange', { max: LIMITS.participants.max }) });
    min(path.participants[group], 0, { message: () => i18n.t('plans.countRange', { max: LIMITS.participants.max }) });
    max(path.participants[group], LIMITS.participants.max, { message: () => i18n.t('plans.countRange', { max: LIMITS.participants.max }) });
  }
  for (const setting of ['reminderDaysBefore', 'escalationGraceDays'] as const) {
    const limits = CYCLE_SETTING_LIMITS[setting];
    const message = () => i18n.t('reminders.daysRange', limits);
    required(path[setting], { message });
    min(path[setting], limits.min, { message });
    max(path[setting], limits.max, { message });
    validate(path[setting], ({ value }) => (Number.isInteger(Number(value())) ? undefined : { kind: 'integer', message: message() }));
  }
  applyEach(path.goals, (goal) => {
    titleRules(goal.title);
    maxChars(goal.description, LIMITS.longText.max, () => i18n.t('plans.textMax', { max: LIMITS.longText.max }));
  });
}
