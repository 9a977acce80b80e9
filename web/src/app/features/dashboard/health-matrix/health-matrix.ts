import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { HEALTHS, type DepartmentProgress, type Health } from '@fremdrift/contracts';
import { LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { rankedBy, totalOf } from '../dashboard-figures';
import { DashboardPanel } from '../dashboard-panel/dashboard-panel';
import { drillDownParams, INITIATIVE_LIST_PATH, type DashboardFilters } from '../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/** Lead department × health: a table of counts whose cells open the initiatives behind them. */
@Component({
  selector: 'fd-health-matrix',
  imports: [RouterLink, DashboardPanel, HealthBadge, DashboardTextPipe, LocalNumberPipe],
  templateUrl: './health-matrix.html',
  styleUrls: ['../dashboard-table.css', './health-matrix.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthMatrix {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly departments = input.required<readonly DepartmentProgress[]>();
  readonly filters = input.required<DashboardFilters>();

  protected readonly listPath = INITIATIVE_LIST_PATH;
  protected readonly healths = HEALTHS;
  protected readonly rows = computed(() => this.departments().filter((d) => d.lead.initiatives > 0));

  protected readonly totals = computed(
    () => Object.fromEntries(HEALTHS.map((health) => [health, this.rows().reduce((sum, d) => sum + d.lead.byHealth[health], 0)])) as Record<Health, number>,
  );
  protected readonly grandTotal = computed(() => totalOf(this.totals()));

  /** The departments with initiatives off track, most first: "Sociale Forhold og Beskæftigelse (2); Sundhed og Omsorg (1)". */
  protected readonly summary = computed(() => {
    const behind = rankedBy(this.rows(), 'off_track');
    if (behind.length === 0) return this.texts.text('matrix.summaryNone');
    const list = behind.map((d) => `${d.department.name} (${this.i18n.number(d.lead.byHealth.off_track)})`).join('; ');
    return this.texts.text('matrix.summary', { list });
  });

  protected readonly heatLevel = computed(() => {
    const max = Math.max(1, ...this.rows().flatMap((d) => HEALTHS.map((h) => d.lead.byHealth[h])));
    return (count: number) => (count === 0 ? 0 : Math.ceil((count / max) * 3));
  });

  protected total(department: DepartmentProgress): number {
    return totalOf(department.lead.byHealth);
  }

  protected drill(department: DepartmentProgress, health?: Health) {
    return drillDownParams(this.filters(), { department: department.department.code, departmentRole: 'lead', health });
  }

  protected cellLabel(department: DepartmentProgress, health: Health): string {
    return this.texts.text('matrix.cellLabel', {
      count: this.i18n.number(department.lead.byHealth[health]),
      name: department.department.name,
      health: this.i18n.t(labelKeys.health(health)),
    });
  }

  protected totalLabel(department: DepartmentProgress): string {
    return this.texts.text('matrix.totalLabel', { count: this.i18n.number(this.total(department)), name: department.department.name });
  }
}
