import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { disabled, form, FormField, minLength, required, submit, validate } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { canCreateInitiative, publishesDirectly } from '@fremdrift/access';
import {
  INITIATIVE_STATUSES,
  LIMITS,
  type ActionPlan,
  type CreateInitiative,
  type DepartmentRef,
  type InitiativeStatus,
  type Problem,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ActionPlansApi } from '../../../core/api/action-plans-api';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import type { HasUnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { DepartmentPicker } from '../../../shared/department-picker/department-picker';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { InitiativesApi } from '../initiatives-api';

/** The form's values as the controls hold them; an empty string is "not chosen" or "no date". */
export interface NewInitiativeModel {
  title: string;
  actionPlanId: string;
  goalId: string;
  leadDepartmentId: string;
  participatingDepartmentIds: string[];
  ownerName: string;
  status: InitiativeStatus;
  startDate: string;
  targetDate: string;
  summary: string;
  description: string;
  published: boolean;
  publicSummary: string;
  internalNotes: string;
}

const EMPTY: NewInitiativeModel = {
  title: '',
  actionPlanId: '',
  goalId: '',
  leadDepartmentId: '',
  participatingDepartmentIds: [],
  ownerName: '',
  status: 'planned',
  startDate: '',
  targetDate: '',
  summary: '',
  description: '',
  published: false,
  publicSummary: '',
  internalNotes: '',
};

/** What the API receives: trimmed texts, no goal or dates as null, never the lead department among the participants. */
export function toCreateInitiative(value: NewInitiativeModel): CreateInitiative {
  return {
    title: value.title.trim(),
    actionPlanId: value.actionPlanId,
    goalId: value.goalId || null,
    leadDepartmentId: value.leadDepartmentId,
    participatingDepartmentIds: value.participatingDepartmentIds.filter((id) => id !== value.leadDepartmentId),
    ownerName: value.ownerName.trim(),
    status: value.status,
    startDate: value.startDate || null,
    targetDate: value.targetDate || null,
    summary: value.summary.trim(),
    description: value.description.trim(),
    published: value.published,
    publicSummary: value.publicSummary.trim(),
    internalNotes: value.internalNotes.trim(),
  };
}

/**
 * A new initiative (`/initiativer/ny`): an admin for any department, a department lead for their
 * own. The goals offered follow the chosen action plan; the participating departments leave out
 * the lead department.
 */
@Component({
  selector: 'fd-initiative-create',
  imports: [RouterLink, FormField, FieldAria, FieldErrors, CharCounter, DepartmentPicker, TranslatePipe],
  templateUrl: './initiative-create.html',
  styleUrl: './initiative-create.css',
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeCreate implements HasUnsavedChanges {
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly plansApi = inject(ActionPlansApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** A new initiative starts before its end: completing and cancelling happen on its page, where they ask what they need. */
  protected readonly statuses = INITIATIVE_STATUSES.filter((status) => status !== 'completed' && status !== 'cancelled');
  protected readonly titleMin = LIMITS.title.min;
  protected readonly titleMax = LIMITS.title.max;
  protected readonly textMax = { ownerName: LIMITS.ownerName.max, summary: LIMITS.summary.max, longText: LIMITS.longText.max };
  protected readonly statusKey = labelKeys.status;
  protected readonly isLead = computed(() => this.auth.user()?.role === 'department_lead');
  /** Where "Annullér" and the back link lead: a lead's start page, or the list. */
  protected readonly backLink = computed(() => (this.isLead() ? '/mine' : '/initiativer'));

  private readonly planList = rxResource({ stream: () => this.plansApi.list() });
  protected readonly plans = computed<ActionPlan[]>(() => {
    const items = this.planList.hasValue() ? this.planList.value().items : [];
    return items.filter((plan) => !plan.archived).sort((a, b) => this.i18n.compare(a.title, b.title));
  });
  protected readonly plansFailed = computed(() => this.planList.error() !== undefined);

  private readonly departmentList = rxResource({ stream: () => this.departmentsApi.listAll() });
  /** The active departments in the municipality's order; a lead's own as the session knows them if the list did not come. */
  private readonly departments = computed<DepartmentRef[]>(() => {
    if (!this.departmentList.hasValue()) return this.auth.user()?.departments ?? [];
    return this.departmentList
      .value()
      .items.filter((department) => department.active !== false)
      .sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });
  /** The departments the user may let lead an initiative: all for an admin, their own for a lead. */
  protected readonly leadOptions = computed(() => this.departments().filter((d) => this.auth.allows((principal) => canCreateInitiative(principal, d.id))));

  private readonly model = signal<NewInitiativeModel>({ ...EMPTY });

  protected readonly plan = computed(() => this.plans().find((plan) => plan.id === this.model().actionPlanId) ?? null);
  protected readonly goals = computed(() => [...(this.plan()?.goals ?? [])].sort((a, b) => a.sortOrder - b.sortOrder));
  /** Every department but the chosen lead department. */
  protected readonly participatingOptions = computed(() => this.departments().filter((d) => d.id !== this.model().leadDepartmentId));
  /** A lead in a plan without direct publishing proposes the public face; management approves it. */
  protected readonly needsApproval = computed(() => {
    const plan = this.plan();
    return plan !== null && !this.auth.allows((principal) => publishesDirectly(principal, plan));
  });
  /** What happens to the public face: a proposal for management (said before a lead has chosen a plan too), or public at once. */
  protected readonly publicHint = computed(() => {
    if (this.needsApproval()) return 'initiativeCreate.publicHintApproval';
    return this.isLead() && this.plan() === null ? 'initiativeCreate.publicHintLead' : 'initiativeCreate.publicHint';
  });

  protected readonly initiativeForm = form(this.model, (path) => {
    const t = (key: string, params?: Record<string, unknown>) => () => this.i18n.t(key, params);
    const field = (key: string) => this.i18n.t(key);
    required(path.title, { message: t('validation.titleRequired') });
    minLength(path.title, LIMITS.title.min, { message: () => this.i18n.t('validation.minLength', { field: field('field.title'), min: LIMITS.title.min }) });
    maxChars(path.title, LIMITS.title.max, () => this.i18n.t('validation.maxLength', { field: field('field.title'), max: LIMITS.title.max }));
    required(path.actionPlanId, { message: t('initiativeCreate.planRequired') });
    disabled(path.goalId, () => this.plan() === null);
    required(path.leadDepartmentId, { message: t('initiativeCreate.leadRequired') });
    const limits: ['ownerName' | 'summary' | 'description' | 'publicSummary' | 'internalNotes', string, number][] = [
      ['ownerName', 'field.ownerName', LIMITS.ownerName.max],
      ['summary', 'field.summary', LIMITS.summary.max],
      ['description', 'field.description', LIMITS.longText.max],
      ['publicSummary', 'field.publicSummary', LIMITS.summary.max],
      ['internalNotes', 'field.internalNotes', LIMITS.longText.max],
    ];
    for (const [name, label, max] of limits) {
      maxChars(path[name], max, () => this.i18n.t('validation.maxLength', { field: field(label), max }));
    }
    validate(path.targetDate, ({ value, valueOf }) =>
      value() && valueOf(path.startDate) && value() < valueOf(path.startDate) ? { kind: 'dateOrder', message: this.i18n.t('validation.dateOrder') } : undefined,
    );
  });

  protected readonly failure = signal<Problem | null>(null);
  protected readonly sending = signal(false);
  /** Set once the initiative exists: leaving for its page loses nothing. */
  private created = false;

  constructor() {
    // A lead with one department leads with it; there is nothing to choose.
    effect(() => {
      const options = this.leadOptions();
      if (this.isLead() && options.length === 1 && untracked(() => this.model().leadDepartmentId) === '') {
        untracked(() => this.initiativeForm.leadDepartmentId().value.set(options[0].id));
      }
    });
    // The goal follows the plan: a goal of another plan is dropped when the plan changes.
    effect(() => {
      const goals = this.goals();
      const goalId = untracked(() => this.model().goalId);
      if (goalId && !goals.some((goal) => goal.id === goalId)) untracked(() => this.initiativeForm.goalId().value.set(''));
    });
    // The lead department does not also take part.
    effect(() => {
      const lead = this.model().leadDepartmentId;
      const participating = untracked(() => this.model().participatingDepartmentIds);
      if (participating.includes(lead)) untracked(() => this.initiativeForm.participatingDepartmentIds().value.set(participating.filter((id) => id !== lead)));
    });
  }

  /** Something typed that leaving would lose (the route's guard and the browser ask first). */
  hasUnsavedChanges(): boolean {
    return !this.created && this.initiativeForm().dirty();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) event.preventDefault();
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.failure.set(null);
    const f = this.initiativeForm;
    const fields = [
      f.title,
      f.actionPlanId,
      f.goalId,
      f.leadDepartmentId,
      f.participatingDepartmentIds,
      f.ownerName,
      f.status,
      f.startDate,
      f.targetDate,
      f.summary,
      f.description,
      f.published,
      f.publicSummary,
      f.internalNotes,
    ];
    let placedOnFields = false;
    await submit(f, {
      action: async () => {
        this.sending.set(true);
        try {
          const created = await firstValueFrom(this.initiativesApi.create(toCreateInitiative(this.model())));
          this.created = true;
          await this.router.navigate(['/initiativer', created.id], { state: { created: true } });
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(
            error,
            {
              title: f.title,
              actionPlanId: f.actionPlanId,
              goalId: f.goalId,
              leadDepartmentId: f.leadDepartmentId,
              participatingDepartmentIds: f.participatingDepartmentIds,
              ownerName: f.ownerName,
              status: f.status,
              startDate: f.startDate,
              targetDate: f.targetDate,
              summary: f.summary,
              description: f.description,
              published: f.published,
              publicSummary: f.publicSummary,
              internalNotes: f.internalNotes,
            },
            (key, params) => this.i18n.t(key, params),
          );
          this.failure.set(problem);
          placedOnFields = fieldErrors.length > 0;
          return fieldErrors;
        } finally {
          this.sending.set(false);
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
    // The server's errors are on their fields once `submit` is done: focus the first, so that it is read out.
    if (placedOnFields) focusFirstInvalid(fields);
  }
}
