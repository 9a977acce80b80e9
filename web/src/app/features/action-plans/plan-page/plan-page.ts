import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { canManageActionPlans } from '@fremdrift/access';
import { PARTICIPANT_GROUPS, type ActionPlan, type InitiativeSummary, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { PARTICIPANT_KEYS, PERIOD_KEYS } from '../plan-form';
import { PlansApi } from '../plans-api';

/** A goal (or the plan's initiatives without one) with its initiatives and their average progress. */
export interface GoalSection {
  id: string | null;
  title: string;
  description: string;
  initiatives: InitiativeSummary[];
  /** The average progress of its initiatives, 0–1; null when it has none. */
  progress: number | null;
}

/** Groups a plan's initiatives by goal, in the plan's goal order; those without a goal come last. */
export function goalSections(plan: ActionPlan, initiatives: readonly InitiativeSummary[], noGoalTitle: string): GoalSection[] {
  const average = (items: InitiativeSummary[]) => (items.length === 0 ? null : items.reduce((sum, item) => sum + item.progress, 0) / items.length);
  const known = new Set(plan.goals.map((goal) => goal.id));
  const sections: GoalSection[] = plan.goals.map((goal) => {
    const items = initiatives.filter((initiative) => initiative.goalId === goal.id);
    return { id: goal.id, title: goal.title, description: goal.description, initiatives: items, progress: average(items) };
  });
  const rest = initiatives.filter((initiative) => !initiative.goalId || !known.has(initiative.goalId));
  if (rest.length > 0) sections.push({ id: null, title: noGoalTitle, description: '', initiatives: rest, progress: average(rest) });
  return sections;
}

/** The internal page of one action plan: its co-creation story, its goals' progress and its initiatives. */
@Component({
  selector: 'fd-plan-page',
  imports: [RouterLink, LocalDatePipe, LocalNumberPipe, TranslatePipe, ProgressBar, HealthBadge],
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanPage {
  private readonly plansApi = inject(PlansApi);
  private readonly i18n = inject(I18n);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly mayManage = inject(Auth).allows(canManageActionPlans);
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly groupKey = PARTICIPANT_KEYS;
  protected readonly periodKey = PERIOD_KEYS;

  protected readonly plan = rxResource({ params: () => this.id(), stream: ({ params }) => this.plansApi.get(params) });
  protected readonly initiatives = rxResource({ params: () => this.id(), stream: ({ params }) => this.plansApi.initiatives(params) });

  protected readonly loaded = computed<ActionPlan | null>(() => (this.plan.hasValue() ? this.plan.value() : null));
  protected readonly loadProblem = computed(() => {
    const error = this.plan.error() ?? this.initiatives.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  protected readonly participantTotal = computed(() => {
    const plan = this.loaded();
    return plan ? PARTICIPANT_GROUPS.reduce((sum, group) => sum + plan.participants[group], 0) : 0;
  });
  protected readonly sections = computed<GoalSection[] | null>(() => {
    const plan = this.loaded();
    if (!plan || !this.initiatives.hasValue()) return null;
    return goalSections(plan, this.initiatives.value().items, this.i18n.t('plans.noGoal'));
  });

  /** A confirmation (a translation key) after saving, archiving or bringing back, read out politely. */
  protected readonly confirmation = signal((inject(Router).currentNavigation()?.extras.state as { saved?: string } | undefined)?.saved ?? '');
  protected readonly archiveProblem = signal<Problem | null>(null);
  protected readonly archiving = signal(false);

  protected async setArchived(archived: boolean): Promise<void> {
    if (this.archiving()) return;
    this.archiving.set(true);
    this.archiveProblem.set(null);
    this.confirmation.set('');
    try {
      const updated = await firstValueFrom(this.plansApi.update(this.id(), { archived }));
      this.plan.set(updated);
      this.confirmation.set(archived ? 'plans.archivedDone' : 'plans.restoredDone');
    } catch (error) {
      this.archiveProblem.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.archiving.set(false);
    }
  }

  protected progressLabel(title: string): string {
    return this.i18n.t('plans.progressOf', { title });
  }
}
