import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { HEALTHS, type Health, type HealthCounts } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LocalNumberPipe, LocalPercentPipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ChartCanvas } from '../chart/chart-canvas';
import type { ChartPick, ChartSpec } from '../chart/chart-definition';
import { HEALTH_FILLS } from '../chart/palette';
import { totalOf } from '../dashboard-figures';
import { DashboardPanel, TableDetails } from '../dashboard-panel/dashboard-panel';
import { drillDownParams, INITIATIVE_LIST_PATH, type DashboardFilters } from '../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/** The initiatives by health: a doughnut whose slices open the list of those initiatives. */
@Component({
  selector: 'fd-health-distribution',
  imports: [RouterLink, ChartCanvas, DashboardPanel, TableDetails, HealthBadge, DashboardTextPipe, LocalNumberPipe, LocalPercentPipe],
  templateUrl: './health-distribution.html',
  styleUrl: '../dashboard-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthDistribution {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly router = inject(Router);

  readonly byHealth = input.required<HealthCounts>();
  readonly filters = input.required<DashboardFilters>();

  protected readonly listPath = INITIATIVE_LIST_PATH;
  protected readonly healths = HEALTHS;
  protected readonly total = computed(() => totalOf(this.byHealth()));

  protected readonly summary = computed(() => {
    const counts = this.byHealth();
    const n = (value: number) => this.i18n.number(value);
    return this.texts.text('health.summary', {
      offTrack: n(counts.off_track),
      atRisk: n(counts.at_risk),
      onTrack: n(counts.on_track),
      total: n(this.total()),
    });
  });

  protected readonly chartLabel = computed(() => this.texts.text('health.chartLabel', { summary: this.summary() }));

  protected readonly spec = computed<ChartSpec>(() => ({
    type: 'doughnut',
    unit: 'count',
    locale: this.i18n.language(),
    clickable: true,
    categories: HEALTHS.map((health) => this.i18n.t(labelKeys.health(health))),
    series: [{ name: this.texts.text('health.colCount'), values: HEALTHS.map((health) => this.byHealth()[health]), fill: HEALTHS.map((h) => HEALTH_FILLS[h]) }],
  }));

  protected share(health: Health): number | null {
    const total = this.total();
    return total > 0 ? this.byHealth()[health] / total : null;
  }

  protected cellLabel(health: Health): string {
    return this.texts.text('health.cellLabel', { count: this.i18n.number(this.byHealth()[health]), health: this.i18n.t(labelKeys.health(health)) });
  }

  protected drill(health: Health) {
    return drillDownParams(this.filters(), { health });
  }

  protected open(point: ChartPick): void {
    const health = HEALTHS[point.index];
    if (health) void this.router.navigate([INITIATIVE_LIST_PATH], { queryParams: this.drill(health) });
  }
}
