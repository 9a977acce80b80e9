import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { canManageActionPlans } from '@fremdrift/access';
import type { ActionPlan } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { of } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { PlansApi } from '../plans-api';

/** The value of `?arkiverede=` that shows the archived plans too. */
export const SHOW_ARCHIVED = 'vis';

/** Every action plan in use, newest co-creation first; the archived ones on request. */
@Component({
  selector: 'fd-plan-list',
  imports: [NgTemplateOutlet, RouterLink, LocalDatePipe, LocalNumberPipe, TranslatePipe],
  templateUrl: './plan-list.html',
  styleUrl: './plan-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanList {
  private readonly plansApi = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  /** Query parameter: `vis` shows the archived plans as well. */
  readonly arkiverede = input<string>();

  protected readonly mayManage = inject(Auth).allows(canManageActionPlans);
  protected readonly showArchived = computed(() => this.arkiverede() === SHOW_ARCHIVED);

  protected readonly current = rxResource({ stream: () => this.plansApi.list(false) });
  protected readonly archived = rxResource({
    params: () => this.showArchived(),
    stream: ({ params }) => (params ? this.plansApi.list(true) : of(null)),
  });

  protected readonly currentPlans = computed<ActionPlan[] | null>(() => (this.current.hasValue() ? this.current.value().items : null));
  protected readonly archivedPlans = computed<ActionPlan[] | null>(() => (this.archived.hasValue() ? (this.archived.value()?.items ?? null) : null));

  protected readonly problem = computed(() => {
    const error = this.current.error() ?? this.archived.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected readonly statusMessage = computed(() => {
    if (this.current.isLoading() || this.archived.isLoading()) return this.i18n.t('plans.loading');
    const plans = this.currentPlans();
    if (!plans) return '';
    const archived = this.archivedPlans();
    return archived
      ? this.i18n.t('plans.countWithArchived', { count: this.i18n.number(plans.length), archived: this.i18n.number(archived.length) })
      : this.i18n.plural('plans.count', plans.length);
  });

  protected toggleArchived(show: boolean): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { arkiverede: show ? SHOW_ARCHIVED : null }, queryParamsHandling: 'merge' });
  }

  protected reload(): void {
    this.current.reload();
    this.archived.reload();
  }
}
