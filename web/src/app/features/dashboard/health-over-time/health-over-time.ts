import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { HEALTHS, type HealthOverTime as MonthFigures } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ChartCanvas } from '../chart/chart-canvas';
import type { ChartSpec } from '../chart/chart-definition';
import { HEALTH_FILLS } from '../chart/palette';
import { DashboardPanel, TableDetails } from '../dashboard-panel/dashboard-panel';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/**
 * Health month by month, stacked: each initiative counts with its latest status update by the
 * month's end. The months are history, so the bars open nothing; the list shows the present.
 */
@Component({
  selector: 'fd-health-over-time',
  imports: [ChartCanvas, DashboardPanel, TableDetails, HealthBadge, DashboardTextPipe, LocalNumberPipe],
  templateUrl: './health-over-time.html',
  styleUrl: '../dashboard-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthOverTime {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly months = input.required<readonly MonthFigures[]>();
  readonly csvHref = input<string | null>(null);

  protected readonly healths = HEALTHS;
  protected readonly reported = computed(() => this.months().some((month) => month.reported > 0));

  /** `november 2026`: in the table and the summary. */
  protected monthName(month: string): string {
    return this.i18n.date(`${month}-01`, 'monthYear');
  }

  protected readonly summary = computed(() => {
    const last = [...this.months()].reverse().find((month) => month.reported > 0);
    if (!last) return this.texts.text('overTime.summaryNone');
    const n = (value: number) => this.i18n.number(value);
    return this.texts.text('overTime.summary', {
      month: this.monthName(last.month),
      onTrack: n(last.byHealth.on_track),
      atRisk: n(last.byHealth.at_risk),
      offTrack: n(last.byHealth.off_track),
      reported: n(last.reported),
    });
  });

  protected readonly chartLabel = computed(() => this.texts.text('overTime.chartLabel', { summary: this.summary() }));

  protected readonly spec = computed<ChartSpec>(() => {
    const language = this.i18n.language();
    const months = this.months();
    return {
      type: 'bar',
      stacked: true,
      unit: 'count',
      locale: language,
      categories: months.map((month) => formatDate(`${month.month}-01`, 'MMM y', language)),
      series: HEALTHS.map((health) => ({
        name: this.i18n.t(labelKeys.health(health)),
        values: months.map((month) => month.byHealth[health]),
        fill: HEALTH_FILLS[health],
      })),
    };
  });
}
