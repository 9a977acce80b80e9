import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ComplianceRow } from '@fremdrift/contracts';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { DashboardPanel } from '../dashboard-panel/dashboard-panel';
import { INITIATIVE_LIST_PATH } from '../dashboard-query';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

export const COMPLIANCE_COLUMNS = ['initiative', 'department', 'state', 'lastReported', 'daysOverdue'] as const;
export type ComplianceColumn = (typeof COMPLIANCE_COLUMNS)[number];
export interface ComplianceSort {
  column: ComplianceColumn;
  direction: 'ascending' | 'descending';
}

/** The column's translation key (relative to `dashboard.`). */
const COLUMN_KEYS: Record<ComplianceColumn, string> = {
  initiative: 'compliance.colInitiative',
  department: 'compliance.colDepartment',
  state: 'compliance.colState',
  lastReported: 'compliance.colLastReported',
  daysOverdue: 'compliance.colDaysOverdue',
};

/** Numbers and dates read best largest (latest) first; names from A. */
const FIRST_DIRECTION: Record<ComplianceColumn, ComplianceSort['direction']> = {
  initiative: 'ascending',
  department: 'ascending',
  state: 'descending',
  lastReported: 'descending',
  daysOverdue: 'descending',
};

/** Initiatives without a status update for the current period, sortable by any column. */
@Component({
  selector: 'fd-compliance-table',
  imports: [RouterLink, DashboardPanel, DashboardTextPipe, LocalDatePipe, LocalNumberPipe],
  templateUrl: './compliance-table.html',
  styleUrls: ['../dashboard-table.css', './compliance-table.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplianceTable {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly rows = input.required<readonly ComplianceRow[]>();
  readonly csvHref = input<string | null>(null);

  protected readonly listPath = INITIATIVE_LIST_PATH;
  protected readonly columns = COMPLIANCE_COLUMNS;
  protected readonly columnKey = (column: ComplianceColumn) => COLUMN_KEYS[column];
  protected readonly sort = signal<ComplianceSort>({ column: 'daysOverdue', direction: 'descending' });

  protected readonly sorted = computed(() => {
    const { column, direction } = this.sort();
    const sign = direction === 'ascending' ? 1 : -1;
    const byTitle = (a: ComplianceRow, b: ComplianceRow) => this.i18n.compare(a.initiative.title, b.initiative.title);
    const compare = (a: ComplianceRow, b: ComplianceRow): number => {
      switch (column) {
        case 'initiative':
          return byTitle(a, b);
        case 'department':
          return this.i18n.compare(a.leadDepartment.name, b.leadDepartment.name);
        case 'state':
          return (a.state === 'overdue' ? 1 : 0) - (b.state === 'overdue' ? 1 : 0);
        case 'lastReported':
          // Never reported counts as the earliest.
          return (a.lastReportedPeriodEnd ?? '').localeCompare(b.lastReportedPeriodEnd ?? '');
        case 'daysOverdue':
          return a.daysOverdue - b.daysOverdue;
      }
    };
    return [...this.rows()].sort((a, b) => sign * compare(a, b) || byTitle(a, b));
  });

  protected readonly summary = computed(() => {
    const rows = this.rows();
    if (rows.length === 0) return this.texts.text('compliance.none');
    const overdue = rows.filter((row) => row.state === 'overdue').length;
    const parts = [this.texts.count('compliance.summary', rows.length)];
    if (overdue > 0) parts.push(this.texts.count('compliance.summaryOverdue', overdue));
    return parts.join(' ');
  });

  protected ariaSort(column: ComplianceColumn): ComplianceSort['direction'] | null {
    const sort = this.sort();
    return sort.column === column ? sort.direction : null;
  }

  protected sortBy(column: ComplianceColumn): void {
    this.sort.update((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: FIRST_DIRECTION[column] },
    );
  }
}
