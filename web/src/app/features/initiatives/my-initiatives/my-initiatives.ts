import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { InitiativeSummary, ReportingState } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { canCreateSomeInitiative } from '../initiative-access';
import { InitiativesApi } from '../initiatives-api';
import { reportingText } from '../reporting-text';

const REPORTING_ORDER: Readonly<Record<ReportingState, number>> = { overdue: 0, due: 1, done: 2, not_required: 3 };

export interface MyInitiative {
  initiative: InitiativeSummary;
  /** The user's department leads it (rather than takes part). */
  led: boolean;
  reporting: string;
  /** Management returned public texts of it: how many, said in words; empty when none. */
  returned: string;
}

/**
 * Overdue reporting first (longest overdue on top), then due, then the rest; within each, those
 * with overdue milestones first, then by title.
 */
export function byUrgency(compare: (a: string, b: string) => number) {
  return (a: InitiativeSummary, b: InitiativeSummary): number =>
    REPORTING_ORDER[a.reporting.state] - REPORTING_ORDER[b.reporting.state] ||
    b.reporting.daysOverdue - a.reporting.daysOverdue ||
    b.overdueMilestoneCount - a.overdueMilestoneCount ||
    compare(a.title, b.title);
}

/** A department lead's own initiatives, those needing a status update first: the lead's start page. */
@Component({
  selector: 'fd-my-initiatives',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, HealthBadge, ProgressBar],
  templateUrl: './my-initiatives.html',
  styleUrl: './my-initiatives.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyInitiatives {
  private readonly api = inject(InitiativesApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);

  protected readonly initiatives = rxResource({ stream: () => this.api.mine() });
  protected readonly hasDepartments = computed(() => (this.auth.user()?.departments.length ?? 0) > 0);
  protected readonly canCreate = computed(() => this.auth.allows(canCreateSomeInitiative));

  protected readonly items = computed<MyInitiative[]>(() => {
    if (!this.initiatives.hasValue()) return [];
    const own = new Set(this.auth.user()?.departments.map((d) => d.id) ?? []);
    return [...this.initiatives.value().items].sort(byUrgency((a, b) => this.i18n.compare(a, b))).map((initiative) => ({
      initiative,
      led: own.has(initiative.leadDepartment.id),
      reporting: reportingText(initiative.reporting, this.i18n),
      returned: initiative.returnedPublicTexts > 0 ? this.i18n.plural('deadEndsB.returnedCount', initiative.returnedPublicTexts) : '',
    }));
  });
  protected readonly loaded = computed(() => this.initiatives.hasValue());
  protected readonly problem = computed(() => {
    const error = this.initiatives.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  /** The sentence read out when the list arrives: how many, and how many need a status update. */
  protected readonly summary = computed(() => {
    if (this.initiatives.isLoading()) return this.i18n.t('mine.loading');
    const items = this.items();
    if (!this.loaded() || items.length === 0) return '';
    const missing = items.filter((item) => item.initiative.reporting.state === 'overdue' || item.initiative.reporting.state === 'due').length;
    const count = this.i18n.plural('mine.count', items.length);
    const returned = items.filter((item) => item.initiative.returnedPublicTexts > 0).length;
    const returnedText = returned > 0 ? ` ${this.i18n.plural('deadEndsB.returnedSummary', returned)}` : '';
    return `${count} ${missing > 0 ? this.i18n.plural('mine.missing', missing) : this.i18n.t('mine.allReported')}${returnedText}`;
  });
}
