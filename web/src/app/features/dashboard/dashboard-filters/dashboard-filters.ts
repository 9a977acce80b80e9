import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import type { ActionPlan, Department } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { DEPARTMENT_ROLES, type DepartmentRole } from '@fremdrift/contracts';
import { hasFilters, NO_FILTERS, periodInvalid, type DashboardFilters } from '../dashboard-query';
import { DashboardTextPipe } from '../texts/dashboard-texts';

/**
 * The view's filters. Every choice applies at once (the page puts it in the URL); a period whose
 * start is after its end is explained and not applied.
 */
@Component({
  selector: 'fd-dashboard-filters',
  imports: [DashboardTextPipe],
  templateUrl: './dashboard-filters.html',
  styleUrl: './dashboard-filters.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardFiltersForm {
  private readonly i18n = inject(I18n);

  readonly filters = input.required<DashboardFilters>();
  readonly actionPlans = input<readonly ActionPlan[]>([]);
  readonly departments = input<readonly Department[]>([]);
  readonly changed = output<DashboardFilters>();

  protected readonly roles = DEPARTMENT_ROLES;
  protected readonly hasFilters = computed(() => hasFilters(this.filters()));

  /** Shown after an impossible period was entered; gone when the filters change. */
  protected readonly periodError = linkedSignal({ source: this.filters, computation: () => false });

  protected readonly plans = computed(() => [...this.actionPlans()].sort((a, b) => this.i18n.compare(a.title, b.title)));
  protected readonly selectedPlan = computed(() => this.plans().find((plan) => plan.id === this.filters().actionPlanId) ?? null);
  /** The goals to choose from: the chosen plan's, or every plan's in groups. */
  protected readonly goalGroups = computed(() => {
    const plan = this.selectedPlan();
    const plans = plan ? [plan] : this.plans();
    return plans.filter((p) => p.goals.length > 0).map((p) => ({ plan: p, goals: [...p.goals].sort((a, b) => a.sortOrder - b.sortOrder) }));
  });
  protected readonly departmentOptions = computed(() => [...this.departments()].sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name)));

  /** A value in the URL that is not among the choices (or the choices did not load): still shown. */
  protected readonly unknownPlan = computed(() => {
    const id = this.filters().actionPlanId;
    return id && !this.plans().some((plan) => plan.id === id) ? id : null;
  });
  protected readonly unknownGoal = computed(() => {
    const id = this.filters().goalId;
    return id && !this.plans().some((plan) => plan.goals.some((goal) => goal.id === id)) ? id : null;
  });
  protected readonly unknownDepartment = computed(() => {
    const value = this.filters().department;
    return value && !this.departments().some((d) => d.code === value || d.id === value) ? value : null;
  });

  protected isDepartment(department: Department): boolean {
    const value = this.filters().department;
    return value === department.code || value === department.id;
  }

  protected setPlan(actionPlanId: string): void {
    this.apply({ actionPlanId, goalId: '' });
  }

  protected setGoal(goalId: string): void {
    const plan = this.plans().find((p) => p.goals.some((goal) => goal.id === goalId));
    this.apply({ goalId, ...(plan ? { actionPlanId: plan.id } : {}) });
  }

  protected setDepartment(department: string): void {
    this.apply({ department, ...(department ? {} : { departmentRole: 'any' as DepartmentRole }) });
  }

  protected setRole(role: string): void {
    this.apply({ departmentRole: (DEPARTMENT_ROLES as readonly string[]).includes(role) ? (role as DepartmentRole) : 'any' });
  }

  protected setPeriod(from: string, to: string): void {
    if (periodInvalid({ from, to })) {
      this.periodError.set(true);
      return;
    }
    this.apply({ from, to });
  }

  protected clear(): void {
    this.changed.emit(NO_FILTERS);
  }

  private apply(patch: Partial<DashboardFilters>): void {
    this.changed.emit({ ...this.filters(), ...patch });
  }
}
