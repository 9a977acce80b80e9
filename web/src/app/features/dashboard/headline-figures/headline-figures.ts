import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { HEALTHS, INITIATIVE_STATUSES, type DashboardHeadline, type Health } from '@fremdrift/contracts';
import { LocalNumberPipe, LocalPercentPipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { DashboardPanel } from '../dashboard-panel/dashboard-panel';
import { drillDownParams, INITIATIVE_LIST_PATH, type DashboardFilters } from '../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/** The headline figures: initiatives by status and health, milestones on time and overdue, average progress. */
@Component({
  selector: 'fd-headline-figures',
  imports: [RouterLink, DashboardPanel, DashboardTextPipe, HealthBadge, ProgressBar, LocalNumberPipe, LocalPercentPipe],
  templateUrl: './headline-figures.html',
  styleUrl: './headline-figures.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeadlineFigures {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly headline = input.required<DashboardHeadline>();
  readonly filters = input.required<DashboardFilters>();
  readonly csvHref = input<string | null>(null);

  protected readonly listPath = INITIATIVE_LIST_PATH;
  protected readonly healths = HEALTHS;

  /** The statuses that occur, in their natural order. */
  protected readonly statuses = computed(() =>
    INITIATIVE_STATUSES.filter((status) => this.headline().byStatus[status] > 0).map((status) => ({
      status,
      name: this.i18n.t(labelKeys.status(status)),
      count: this.headline().byStatus[status],
    })),
  );

  protected readonly onTimeDetail = computed(() => {
    const { completed, completedOnTime } = this.headline().milestones;
    return completed > 0
      ? this.texts.text('headline.onTimeDetail', { onTime: this.i18n.number(completedOnTime), completed: this.i18n.number(completed) })
      : this.texts.text('headline.onTimeNone');
  });

  protected readonly dueSoon = computed(() => this.texts.count('headline.dueSoon', this.headline().milestones.dueNext90Days));

  protected drill(health: Health) {
    return drillDownParams(this.filters(), { health });
  }
}
