import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, type FieldTree, type ValidationError } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, PARTICIPANT_GROUPS, REPORTING_PERIODS, type ActionPlan, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom, of } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { PARTICIPANT_KEYS, PERIOD_KEYS, planFields, planRules, toPlanModel, type GoalModel, type PlanModel } from '../plan-form';
import { PlansApi } from '../plans-api';

/**
 * A new action plan, or an existing one (`id`): its title and story, how its initiatives report,
 * and its goals (added, renamed, described, reordered and removed here).
 */
@Component({
  selector: 'fd-plan-editor',
  imports: [RouterLink, FormField, FieldAria, FieldErrors, CharCounter, TranslatePipe],
  templateUrl: './plan-editor.html',
  styleUrl: './plan-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanEditor {
  private readonly plansApi = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  /** Route parameter: the plan to edit; none for a new plan. */
  readonly id = input<string>();

  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly groupKey = PARTICIPANT_KEYS;
  protected readonly periods = REPORTING_PERIODS;
  protected readonly periodKey = PERIOD_KEYS;

  protected readonly plan = rxResource({
    params: () => this.id(),
    stream: ({ params }) => (params ? this.plansApi.get(params) : of(null)),
  });
  protected readonly loaded = computed<ActionPlan | null>(() => (this.plan.hasValue() ? this.plan.value() : null));
  protected readonly loadProblem = computed(() => {
    const error = this.plan.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  /** A new plan, or an existing one once loaded: what the form is shown for. */
  protected readonly ready = computed(() => !this.id() || this.loaded() !== null);

  /** The form starts over from the server's version whenever that changes. */
  private readonly model = linkedSignal<ActionPlan | null, PlanModel>({ source: () => this.loaded(), computation: (plan) => toPlanModel(plan) });
  protected readonly planForm = form(this.model, (path) => planRules(path, this.i18n));
  protected readonly textLimits = { title: LIMITS.title.max, description: LIMITS.longText.max, coCreationMethod: LIMITS.coCreationMethod.max };

  protected readonly failure = signal<Problem | null>(null);
  protected readonly saving = signal(false);
  /** What happened to the goal list last (read out politely). */
  protected readonly goalAnnouncement = signal('');

  protected addGoal(): void {
    this.planForm.goals().value.update((goals) => [...goals, { id: null, title: '', description: '' }]);
    const index = this.model().goals.length - 1;
    this.goalAnnouncement.set(this.i18n.t('plans.goalAdded', { n: index + 1 }));
    this.focusAfterRender(`goal-${index}-title`);
  }

  protected moveGoal(index: number, by: -1 | 1): void {
    const target = index + by;
    this.planForm.goals().value.update((goals) => {
      const next = [...goals];
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });
    const title = this.model().goals[target]?.title || this.i18n.t('plans.goalUntitled');
    this.goalAnnouncement.set(this.i18n.t('plans.goalMoved', { title, n: target + 1 }));
    // The same button again, unless the goal reached the end and that button is now disabled.
    const atEnd = by < 0 ? target === 0 : target === this.model().goals.length - 1;
    this.focusAfterRender(`goal-${target}-${by < 0 !== atEnd ? 'up' : 'down'}`);
  }

  protected removeGoal(index: number): void {
    const title = this.model().goals[index]?.title || this.i18n.t('plans.goalUntitled');
    this.planForm.goals().value.update((goals) => goals.filter((_, i) => i !== index));
    this.goalAnnouncement.set(this.i18n.t('plans.goalRemoved', { title }));
    this.focusAfterRender('add-goal');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.failure.set(null);
    const f = this.planForm;
    const goalTrees = () => Array.from(f.goals);
    const fields = (): FieldTree<unknown>[] => [
      f.title,
      f.description,
      f.coCreationDate,
      f.coCreationMethod,
      ...PARTICIPANT_GROUPS.map((group) => f.participants[group]),
      ...goalTrees().map((goal) => goal.title),
    ];
    await submit(f, {
      action: async () => {
        this.saving.set(true);
        try {
          const id = this.id();
          const saved = id ? await this.saveExisting(id) : await this.create();
          if (Array.isArray(saved)) {
            if (saved.length > 0) queueMicrotask(() => focusFirstInvalid(fields()));
            return saved;
          }
          await this.router.navigate(['/handleplaner', saved], { state: { saved: id ? 'plans.saved' : 'plans.created' } });
          return undefined;
        } finally {
          this.saving.set(false);
        }
      },
      onInvalid: () => focusFirstInvalid(fields()),
    });
  }

  /** The plan and its goals in one request (one transaction). */
  private async create(): Promise<string | ValidationError.WithOptionalFieldTree[]> {
    const value = this.model();
    try {
      const created = await firstValueFrom(
        this.plansApi.create({
          ...planFields(value),
          goals: value.goals.map((goal, index) => ({ title: goal.title.trim(), description: goal.description.trim(), sortOrder: index })),
        }),
      );
      return created.id;
    } catch (error) {
      return this.placeErrors(error, this.fieldMap());
    }
  }

  /** The plan's fields, then each goal that is gone, changed or new; stops at the first refusal. */
  private async saveExisting(id: string): Promise<string | ValidationError.WithOptionalFieldTree[]> {
    const value = this.model();
    const before = this.loaded()?.goals ?? [];
    try {
      await firstValueFrom(this.plansApi.update(id, planFields(value)));
    } catch (error) {
      return this.placeErrors(error, this.fieldMap());
    }
    const kept = new Set(value.goals.map((goal) => goal.id).filter((goalId): goalId is string => goalId !== null));
    for (const goal of before.filter((g) => !kept.has(g.id))) {
      try {
        await firstValueFrom(this.plansApi.removeGoal(id, goal.id));
      } catch (error) {
        this.plan.reload();
        return this.placeErrors(error, {}, this.i18n.t('plans.goalRemoveFailed', { title: goal.title }));
      }
    }
    const goalTrees = Array.from(this.planForm.goals);
    for (const [index, goal] of value.goals.entries()) {
      const tree = goalTrees[index];
      const changes = { title: goal.title.trim(), description: goal.description.trim(), sortOrder: index };
      const old = before.find((g) => g.id === goal.id);
      try {
        if (!goal.id) {
          const created = await firstValueFrom(this.plansApi.createGoal(id, changes));
          this.planForm.goals[index].id().value.set(created.id);
        } else if (!old || old.title !== changes.title || old.description !== changes.description || old.sortOrder !== index) {
          await firstValueFrom(this.plansApi.updateGoal(id, goal.id, changes));
        }
      } catch (error) {
        return this.placeErrors(error, { title: tree.title, description: tree.description });
      }
    }
    return id;
  }

  private fieldMap(): Record<string, FieldTree<unknown>> {
    const f = this.planForm;
    const map: Record<string, FieldTree<unknown>> = {
      title: f.title,
      description: f.description,
      coCreationDate: f.coCreationDate,
      coCreationMethod: f.coCreationMethod,
      reportingPeriod: f.reportingPeriod,
      leadsPublishDirectly: f.leadsPublishDirectly,
      remindersEnabled: f.remindersEnabled,
      reminderDaysBefore: f.reminderDaysBefore,
      escalationGraceDays: f.escalationGraceDays,
    };
    for (const group of PARTICIPANT_GROUPS) map[`participants.${group}`] = f.participants[group];
    Array.from(f.goals).forEach((goal, index) => {
      map[`goals.${index}.title`] = goal.title;
      map[`goals.${index}.description`] = goal.description;
    });
    return map;
  }

  private placeErrors(error: unknown, fields: Record<string, FieldTree<unknown>>, heading?: string): ValidationError.WithOptionalFieldTree[] {
    const { fieldErrors, problem } = toSubmitFailure(error, fields, (key, params) => this.i18n.t(key, params));
    this.failure.set(problem && heading ? { ...problem, detail: [heading, problem.detail].filter(Boolean).join(' ') } : problem);
    return fieldErrors;
  }

  /** Keeps the keyboard where the user was after the goal list changed under it. */
  private focusAfterRender(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }

  protected goalLabel(goal: GoalModel, index: number): string {
    return goal.title.trim() || this.i18n.t('plans.goalNumber', { n: index + 1 });
  }
}
