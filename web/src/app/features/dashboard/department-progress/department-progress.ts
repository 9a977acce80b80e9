import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { DepartmentProgress as DepartmentFigures } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { LocalNumberPipe, LocalPercentPipe } from '../../../core/i18n/i18n-pipes';
import { ChartCanvas } from '../chart/chart-canvas';
import type { ChartPick, ChartSpec } from '../chart/chart-definition';
import { SERIES_FILLS } from '../chart/palette';
import { departmentsBehind, toPercentPoints, wrapLabel } from '../dashboard-figures';
import { DashboardPanel, TableDetails } from '../dashboard-panel/dashboard-panel';
import { drillDownParams, INITIATIVE_LIST_PATH, type DashboardFilters, type DrillDown } from '../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

type Role = NonNullable<DrillDown['departmentRole']>;

/** Progress per department: of the initiatives it leads (against the expected) and of those it takes part in. */
@Component({
  selector: 'fd-department-progress',
  imports: [RouterLink, ChartCanvas, DashboardPanel, TableDetails, DashboardTextPipe, LocalNumberPipe, LocalPercentPipe],
  templateUrl: './department-progress.html',
  styleUrl: '../dashboard-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentProgress {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly router = inject(Router);

  readonly departments = input.required<readonly DepartmentFigures[]>();
  readonly filters = input.required<DashboardFilters>();
  readonly csvHref = input<string | null>(null);

  protected readonly listPath = INITIATIVE_LIST_PATH;

  /** Departments with anything to show in this view. */
  protected readonly rows = computed(() => this.departments().filter((d) => d.lead.initiatives > 0 || d.participating.initiatives > 0));

  protected readonly summary = computed(() => {
    const leading = this.rows().filter((d) => d.lead.initiatives > 0 && d.lead.averageExpectedProgress !== null);
    if (leading.length === 0) return this.texts.text('departments.summaryNone');
    const behind = departmentsBehind(leading);
    if (behind.length === 0) return this.texts.text('departments.summaryOnPace');
    const [largest] = behind;
    return [
      this.texts.count('departments.summaryBehind', behind.length, { total: this.i18n.number(leading.length) }),
      this.texts.text('departments.summaryLargestGap', {
        name: largest.department.name,
        progress: this.i18n.percent(largest.lead.averageProgress ?? 0),
        expected: this.i18n.percent(largest.lead.averageExpectedProgress ?? 0),
      }),
    ].join(' ');
  });

  protected readonly chartLabel = computed(() => this.texts.text('departments.chartLabel', { summary: this.summary() }));

  /** 3 bars per department, plus room for the legend. */
  protected readonly chartHeight = computed(() => 90 + this.rows().length * 66);

  protected readonly spec = computed<ChartSpec>(() => {
    const rows = this.rows();
    return {
      type: 'bar',
      horizontal: true,
      unit: 'percent',
      locale: this.i18n.language(),
      clickable: true,
      categories: rows.map((d) => wrapLabel(d.department.name)),
      series: [
        { name: this.texts.text('departments.lead'), values: rows.map((d) => toPercentPoints(d.lead.averageProgress)), fill: SERIES_FILLS.leadProgress },
        {
          name: this.texts.text('departments.expected'),
          values: rows.map((d) => toPercentPoints(d.lead.averageExpectedProgress)),
          fill: SERIES_FILLS.expected,
        },
        {
          name: this.texts.text('departments.participating'),
          values: rows.map((d) => toPercentPoints(d.participating.averageProgress)),
          fill: SERIES_FILLS.participating,
        },
      ],
    };
  });

  protected drill(department: DepartmentFigures, role: Role) {
    return drillDownParams(this.filters(), { department: department.department.code, departmentRole: role });
  }

  protected linkText(count: number): string {
    return this.texts.count('departments.initiativesLink', count);
  }

  protected linkLabel(department: DepartmentFigures, role: Role, count: number): string {
    return this.texts.text('departments.initiativesLinkLabel', {
      count: this.linkText(count),
      name: department.department.name,
      role: this.texts.text(`filters.role.${role}`).toLocaleLowerCase(this.i18n.language()),
    });
  }

  protected open(point: ChartPick): void {
    const department = this.rows()[point.index];
    if (!department) return;
    void this.router.navigate([INITIATIVE_LIST_PATH], { queryParams: this.drill(department, point.series === 2 ? 'participating' : 'lead') });
  }
}
