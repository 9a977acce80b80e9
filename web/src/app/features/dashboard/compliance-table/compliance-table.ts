import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { canSendManualReminders } from '@fremdrift/access';
import type { ComplianceCounts, ComplianceMail, ComplianceRow } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { LocalDatePipe, LocalNumberPipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { DashboardApi } from '../dashboard-api';
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
  imports: [RouterLink, DashboardPanel, DashboardTextPipe, LocalDatePipe, LocalNumberPipe, TranslatePipe],
  templateUrl: './compliance-table.html',
  styleUrls: ['../dashboard-table.css', './compliance-table.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComplianceTable {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);
  private readonly auth = inject(Auth);
  private readonly api = inject(DashboardApi);

  /** Management (and administrators) may remind the leads from here. */
  protected readonly canRemind = computed(() => this.auth.allows(canSendManualReminders));
  /** The initiative whose reminder is on its way. */
  protected readonly sending = signal<string | null>(null);
  /** What the last reminder did, for the live region. */
  protected readonly notice = signal<{ kind: 'success' | 'error'; text: string } | null>(null);
  /** Reminders sent from this table since the view was loaded. */
  private readonly sentHere = signal<ReadonlyMap<string, ComplianceMail>>(new Map());

  readonly rows = input.required<readonly ComplianceRow[]>();
  /** All the initiatives awaiting a report, when the rows are only the most overdue of them. */
  readonly counts = input<ComplianceCounts | null>(null);
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
    const counts = this.counts() ?? { awaiting: rows.length, overdue: rows.filter((row) => row.state === 'overdue').length };
    if (counts.awaiting === 0) return this.texts.text('compliance.none');
    const parts = [this.texts.count('compliance.summary', counts.awaiting)];
    if (counts.overdue > 0) parts.push(this.texts.count('compliance.summaryOverdue', counts.overdue));
    if (rows.length < counts.awaiting) parts.push(this.texts.count('compliance.showingMostOverdue', rows.length));
    return parts.join(' ');
  });

  protected lastReminder(row: ComplianceRow): ComplianceMail | null {
    return this.sentHere().get(row.initiative.id) ?? row.lastReminder;
  }

  protected mailText(key: string, mail: ComplianceMail): string {
    return this.i18n.t(key, { date: this.i18n.date(mail.at), to: mail.recipientName ?? mail.to });
  }

  protected async remind(row: ComplianceRow): Promise<void> {
    if (this.sending()) return;
    this.sending.set(row.initiative.id);
    this.notice.set(null);
    try {
      const result = await firstValueFrom(this.api.remind(row.initiative.id));
      const names = result.sentTo.map((lead) => lead.name).join(', ');
      const first = result.sentTo[0];
      if (first) {
        const mail: ComplianceMail = { kind: 'manual_reminder', to: first.email, recipientName: names, at: new Date().toISOString(), state: 'pending' };
        this.sentHere.update((sent) => new Map(sent).set(row.initiative.id, mail));
      }
      this.notice.set({ kind: 'success', text: this.i18n.t('reminders.sent', { names }) });
    } catch (error) {
      const problem = toProblem(error, (key, params) => this.i18n.t(key, params));
      this.notice.set({ kind: 'error', text: `${this.i18n.t('reminders.sendFailed')} ${problem.title}` });
    } finally {
      this.sending.set(null);
    }
  }

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
