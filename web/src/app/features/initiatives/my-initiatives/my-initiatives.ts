import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { canReportOn } from '@fremdrift/access';
import { awaitsReport } from '@fremdrift/progress';
import type { InitiativeSummary, Reporting, ReportingState, StatusUpdate } from '@fremdrift/contracts';
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
import { NoChangeUpdate } from './no-change-update/no-change-update';

const REPORTING_ORDER: Readonly<Record<ReportingState, number>> = { overdue: 0, due: 1, done: 2, not_required: 3 };

export interface MyInitiative {
  initiative: InitiativeSummary;
  /** The user's department leads it (rather than takes part). */
  led: boolean;
  reporting: string;
  /** Whether this period's update is in, counting one just recorded here. */
  reportingState: ReportingState;
  /** Due or overdue when the list was read, and the user reports on it: offer "no changes since last time". */
  offerNoChange: boolean;
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
  imports: [RouterLink, TranslatePipe, LocalDatePipe, HealthBadge, ProgressBar, NoChangeUpdate],
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

  /** Updates recorded on this page ("no changes since last time"), by initiative. */
  private readonly recorded = signal<ReadonlyMap<string, StatusUpdate>>(new Map());

  protected readonly items = computed<MyInitiative[]>(() => {
    if (!this.initiatives.hasValue()) return [];
    const own = new Set(this.auth.user()?.departments.map((d) => d.id) ?? []);
    const recorded = this.recorded();
    // Sorted as read, so that a card does not move away from the user when its update is recorded.
    return [...this.initiatives.value().items].sort(byUrgency((a, b) => this.i18n.compare(a, b))).map((initiative) => {
      const reporting = recordedReporting(initiative.reporting, recorded.get(initiative.id));
      return {
        initiative,
        led: own.has(initiative.leadDepartment.id),
        reporting: reportingText(reporting, this.i18n),
        reportingState: reporting.state,
        offerNoChange: awaitsReport(initiative.reporting) && this.mayReport(initiative),
        returned: initiative.returnedPublicTexts > 0 ? this.i18n.plural('deadEndsB.returnedCount', initiative.returnedPublicTexts) : '',
      };
    });
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
    const missing = items.filter((item) => item.reportingState === 'overdue' || item.reportingState === 'due').length;
    const count = this.i18n.plural('mine.count', items.length);
    const returned = items.filter((item) => item.initiative.returnedPublicTexts > 0).length;
    const returnedText = returned > 0 ? ` ${this.i18n.plural('deadEndsB.returnedSummary', returned)}` : '';
    return `${count} ${missing > 0 ? this.i18n.plural('mine.missing', missing) : this.i18n.t('mine.allReported')}${returnedText}`;
  });

  protected noteRecorded(update: StatusUpdate): void {
    this.recorded.update((recorded) => new Map(recorded).set(update.initiativeId, update));
  }

  private mayReport(initiative: InitiativeSummary): boolean {
    const departments = { leadDepartmentId: initiative.leadDepartment.id, participatingDepartmentIds: initiative.participatingDepartments.map((d) => d.id) };
    return this.auth.allows((principal) => canReportOn(principal, departments));
  }
}

/** The reporting state once an update for the current period has been recorded here. */
function recordedReporting(reporting: Reporting, update: StatusUpdate | undefined): Reporting {
  if (!update || update.periodEnd < reporting.periodStart) return reporting;
  return { ...reporting, state: 'done', daysOverdue: 0, lastReportedPeriodEnd: update.periodEnd };
}
