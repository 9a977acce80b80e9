import { Injectable } from '@nestjs/common';
import {
  COMPLIANCE_LIST_LIMIT,
  HEALTHS,
  INITIATIVE_STATUSES,
  type ComplianceMail,
  type ComplianceRow,
  type HealthCounts,
  type InitiativeStatus,
  type MailKind,
} from '@fremdrift/contracts';
import { awaitsReport, computeReporting } from '@fremdrift/progress';
import { Clock } from '../../core/clock/clock';
import { OutboxService } from '../outbox/outbox.service';
import { DashboardRepository } from './dashboard.repository';
import { DashboardViewCache, viewKey } from './dashboard-view-cache';
import type { DashboardDto, DashboardQueryDto } from './dto/dashboard.dto';

const zeroes = <K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) as Record<K, number>;

@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly cache: DashboardViewCache<DashboardDto>,
  ) {}

  /**
   * One view: two statements at once, whatever the number of initiatives. The compliance table lists the
   * `complianceLimit` most overdue initiatives (the exports ask for all of them with null).
   */
  async view(query: DashboardQueryDto, { complianceLimit = COMPLIANCE_LIST_LIMIT }: { complianceLimit?: number | null } = {}): Promise<DashboardDto> {
    const today = this.clock.today();
    // The figures of the on-screen view are kept until the next change; the mails sent are read each time (the outbox reports no changes).
    const figures =
      complianceLimit === COMPLIANCE_LIST_LIMIT
        ? await this.cache.get(viewKey(today, query), () => this.figures(query, today, complianceLimit))
        : await this.figures(query, today, complianceLimit);
    return { ...figures, compliance: await this.withMails(figures.compliance) };
  }

  private async figures(query: DashboardQueryDto, today: string, complianceLimit: number | null): Promise<DashboardDto> {
    const { headline, departments, healthOverTime, milestoneWeeks, reporting } = await this.dashboard.view(query, today, complianceLimit);
    const { milestones } = headline;
    return {
      generatedAt: this.clock.now().toISOString(),
      today,
      filters: query,
      headline: {
        initiatives: headline.initiatives,
        byStatus: zeroes<InitiativeStatus>(INITIATIVE_STATUSES, headline.byStatus),
        byHealth: zeroes(HEALTHS, headline.byHealth) as HealthCounts,
        averageProgress: headline.averageProgress,
        averageExpectedProgress: headline.averageExpectedProgress,
        milestones: { ...milestones, onTimeShare: milestones.completed > 0 ? milestones.completedOnTime / milestones.completed : null },
      },
      departments: departments.map((row) => ({
        department: row.department,
        lead: {
          initiatives: row.leadInitiatives,
          averageProgress: row.leadProgress,
          averageExpectedProgress: row.leadExpected,
          byHealth: row.leadByHealth,
        },
        participating: { initiatives: row.participatingInitiatives, averageProgress: row.participatingProgress },
      })),
      healthOverTime,
      milestoneWeeks,
      complianceCounts: { awaiting: reporting[0]?.awaiting ?? 0, overdue: reporting[0]?.overdue ?? 0 },
      compliance: reporting
        .map((row): ComplianceRow | null => {
          const state = computeReporting({ ...row }, today);
          if (!awaitsReport(state)) return null;
          return {
            initiative: { id: row.id, title: row.title },
            leadDepartment: row.leadDepartment,
            state: state.state,
            lastReportedPeriodEnd: row.lastReportedPeriodEnd,
            daysOverdue: state.daysOverdue,
            lastReminder: null,
            lastEscalation: null,
          };
        })
        .filter((row): row is ComplianceRow => row !== null)
        .sort((a, b) => b.daysOverdue - a.daysOverdue || a.initiative.title.localeCompare(b.initiative.title, 'da')),
    };
  }

  /** Adds the latest reminder and escalation to each row of the compliance table. */
  private async withMails(rows: ComplianceRow[]): Promise<ComplianceRow[]> {
    if (rows.length === 0) return rows;
    const records = await this.outbox.sentFor(rows.map((row) => row.initiative.id));
    const latest = (initiativeId: string, kinds: MailKind[]): ComplianceMail | null => {
      const found = records
        .filter((record) => record.initiativeId === initiativeId && kinds.includes(record.kind))
        .map((record) => ({
          kind: record.kind,
          to: record.to,
          recipientName: record.recipientName,
          at: record.sentAt ?? record.createdAt,
          state: record.state,
        }))
        .sort((a, b) => b.at.localeCompare(a.at));
      return found[0] ?? null;
    };
    return rows.map((row) => ({
      ...row,
      lastReminder: latest(row.initiative.id, ['reminder', 'final_reminder', 'manual_reminder']),
      lastEscalation: latest(row.initiative.id, ['escalation']),
    }));
  }
}
