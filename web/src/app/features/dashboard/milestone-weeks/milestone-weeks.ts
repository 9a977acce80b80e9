import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { MilestoneWeek } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { ChartCanvas } from '../chart/chart-canvas';
import type { ChartSpec } from '../chart/chart-definition';
import { HEALTH_FILLS, SERIES_FILLS } from '../chart/palette';
import { busiestWeek, fillWeeks } from '../dashboard-figures';
import { DashboardPanel, TableDetails } from '../dashboard-panel/dashboard-panel';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/** Milestones falling due week by week in the next 90 days, with the overdue ones as a bar of their own. */
@Component({
  selector: 'fd-milestone-weeks',
  imports: [ChartCanvas, DashboardPanel, TableDetails, DashboardTextPipe, LocalNumberPipe],
  templateUrl: './milestone-weeks.html',
  styleUrl: '../dashboard-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneWeeks {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly weeks = input.required<readonly MilestoneWeek[]>();
  /** The server's today (`YYYY-MM-DD`): the 90 days count from it. */
  readonly today = input.required<string>();
  readonly overdue = input.required<number>();
  readonly csvHref = input<string | null>(null);

  protected readonly allWeeks = computed(() => fillWeeks(this.weeks(), this.today()));
  protected readonly due = computed(() => this.allWeeks().reduce((sum, week) => sum + week.due, 0));

  protected weekName(weekStart: string): string {
    return this.texts.text('milestones.weekOf', { date: this.i18n.date(weekStart, 'dayMonth') });
  }

  protected readonly summary = computed(() => {
    const parts = [this.texts.count('milestones.summary', this.due())];
    const busiest = busiestWeek(this.allWeeks());
    if (busiest)
      parts.push(this.texts.text('milestones.summaryBusiest', { date: this.i18n.date(busiest.weekStart, 'dayMonth'), due: this.i18n.number(busiest.due) }));
    parts.push(this.texts.count('milestones.summaryOverdue', this.overdue()));
    return parts.join(' ');
  });

  protected readonly chartLabel = computed(() => this.texts.text('milestones.chartLabel', { summary: this.summary() }));

  protected readonly spec = computed<ChartSpec>(() => {
    const weeks = this.allWeeks();
    return {
      type: 'bar',
      stacked: true,
      unit: 'count',
      locale: this.i18n.language(),
      categories: [this.texts.text('milestones.overdueBar'), ...weeks.map((week) => this.i18n.date(week.weekStart, 'dayMonth'))],
      series: [
        { name: this.texts.text('milestones.overdueBar'), values: [this.overdue(), ...weeks.map(() => null)], fill: HEALTH_FILLS.off_track },
        { name: this.texts.text('milestones.dueBar'), values: [null, ...weeks.map((week) => week.due)], fill: SERIES_FILLS.due },
      ],
    };
  });
}
