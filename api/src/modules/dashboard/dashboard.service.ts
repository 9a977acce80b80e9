import { Injectable } from '@nestjs/common';
import {
  COMPLIANCE_LIST_LIMIT,
  HEALTHS,
  INITIATIVE_STATUSES,
  type ComplianceMail,
  type ComplianceRow,
  type HealthCounts,
  type InitiativeStatus,
} from '@fremdrift/contracts';
import { awaitsReport, computeReporting } from '@fremdrift/progress';
import { Clock } from '../../core/clock/clock';
import { OutboxService } from '../outbox/outbox.service';
import type { LatestSentRecord } from '../outbox/sent-mail-rows';
import { DashboardRepository, type DashboardFigures } from './dashboard.repository';
import { MAILS_SHOWN } from './dashboard-statements';
import { DashboardAnswer } from './dashboard-answer';
import { DashboardViewCache, viewKey } from './dashboard-view-cache';
import type { DashboardDto, DashboardQueryDto } from './dto/dashboard.dto';

const zeroes = <K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) as Record<K, number>;

/** As `localeCompare(…, 'da')`, without looking the collation up on every comparison. */
const byDanishTitle = new Intl.Collator('da').compare;

type MailShown = keyof typeof MAILS_SHOWN;

/**
 * The figures of a view, kept until the next change, with the last answer sent from them, and the
 * mails read with the figures until the first answer uses them.
 */
export interface KeptView {
  figures: DashboardDto;
  answer?: DashboardAnswer;
  mailsReadWith?: LatestSentRecord[];
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly cache: DashboardViewCache<KeptView>,
  ) {}

  /**
   * One view: two statements at once, whatever the number of initiatives. The compliance table lists the
   * `complianceLimit` most overdue initiatives (the exports ask for all of them with null).
   */
  async view(query: DashboardQueryDto, { complianceLimit = COMPLIANCE_LIST_LIMIT }: { complianceLimit?: number | null } = {}): Promise<DashboardDto> {
    if (complianceLimit === COMPLIANCE_LIST_LIMIT) {
      const kept = await this.kept(query);
      return withMails(kept.figures, await this.mailsOf(kept));
    }
    const { figures, mails } = await this.figures(query, this.clock.today(), complianceLimit);
    return withMails(figures, mails);
  }

  /**
   * The on-screen view as JSON: the same answer as `view`, sent again as is while neither the figures
   * nor the mails it shows have changed.
   */
  async answer(query: DashboardQueryDto): Promise<DashboardAnswer> {
    const kept = await this.kept(query);
    const mails = await this.mailsOf(kept);
    const key = JSON.stringify(mails);
    if (kept.answer?.mails !== key) kept.answer = new DashboardAnswer(key, Buffer.from(JSON.stringify(withMails(kept.figures, mails))));
    return kept.answer;
  }

  /** The figures of the view, kept until the next change. */
  private kept(query: DashboardQueryDto): Promise<KeptView> {
    const today = this.clock.today();
    return this.cache.get(viewKey(today, query), async () => {
      const { figures, mails } = await this.figures(query, today, COMPLIANCE_LIST_LIMIT);
      return { figures, mailsReadWith: mails };
    });
  }

  /** The mails a kept view shows: those read with its figures the first time, then read again each time (the outbox reports no changes). */
  private mailsOf(kept: KeptView): Promise<LatestSentRecord[]> {
    const { mailsReadWith } = kept;
    kept.mailsReadWith = undefined;
    return mailsReadWith ? Promise.resolve(mailsReadWith) : this.mailsFor(kept.figures.compliance.map((row) => row.initiative.id));
  }

  /** The latest reminder and escalation of each of these initiatives. */
  private mailsFor(initiativeIds: string[]): Promise<LatestSentRecord[]> {
    if (initiativeIds.length === 0) return Promise.resolve([]);
    return this.outbox.latestSentFor(initiativeIds, MAILS_SHOWN);
  }

  /** The figures of a view, and the mails of the initiatives it lists, read with them. */
  private async figures(
    query: DashboardQueryDto,
    today: string,
    complianceLimit: number | null,
  ): Promise<{ figures: DashboardDto; mails: LatestSentRecord[] }> {
    const { mails, ...figures } = await this.dashboard.view(query, today, complianceLimit);
    return { figures: this.figuresOf(query, today, figures), mails };
  }

  private figuresOf(
    query: DashboardQueryDto,
    today: string,
    { headline, departments, healthOverTime, milestoneWeeks, reporting }: DashboardFigures,
  ): DashboardDto {
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
          const state = computeReporting(row, today);
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
        .sort((a, b) => b.daysOverdue - a.daysOverdue || byDanishTitle(a.initiative.title, b.initiative.title)),
    };
  }
}

/** The view with the latest reminder and escalation on each row of the compliance table. */
function withMails(figures: DashboardDto, records: LatestSentRecord[]): DashboardDto {
  if (records.length === 0) return figures;
  const latest = new Map<string, Partial<Record<MailShown, ComplianceMail>>>();
  for (const record of records) {
    const mails = latest.get(record.initiativeId) ?? {};
    mails[record.group as MailShown] = {
      kind: record.kind,
      to: record.to,
      recipientName: record.recipientName,
      at: record.sentAt ?? record.createdAt,
      state: record.state,
    };
    latest.set(record.initiativeId, mails);
  }
  const compliance = figures.compliance.map((row) => {
    const mails = latest.get(row.initiative.id);
    return mails ? { ...row, lastReminder: mails.lastReminder ?? null, lastEscalation: mails.lastEscalation ?? null } : row;
  });
  return { ...figures, compliance };
}
