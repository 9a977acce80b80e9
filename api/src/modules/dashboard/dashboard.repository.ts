import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DashboardQuery, DepartmentRef, HealthCounts, InitiativeStatus, ReportingPeriod } from '@fremdrift/contracts';
import { Database, type NamedStatement } from '../../core/database/database';
import { toLatestSentRecord, type LatestSentRecord, type LatestSentRow } from '../outbox/sent-mail-rows';
import { dashboardViewStatements, type Statement } from './dashboard-statements';

export interface DepartmentRow {
  department: DepartmentRef;
  leadInitiatives: number;
  leadProgress: number | null;
  leadExpected: number | null;
  leadByHealth: HealthCounts;
  participatingInitiatives: number;
  participatingProgress: number | null;
}

export interface ReportingRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  startDate: string | null;
  period: ReportingPeriod;
  lastReportedPeriodEnd: string | null;
  leadDepartment: DepartmentRef;
  /** All the initiatives of the view that await a report, and of them the overdue, however many rows are returned. */
  awaiting: number;
  overdue: number;
}

export interface HeadlineRow {
  initiatives: number;
  byStatus: Partial<Record<InitiativeStatus, number>>;
  byHealth: Partial<HealthCounts>;
  averageProgress: number | null;
  averageExpectedProgress: number | null;
  milestones: { total: number; completed: number; completedOnTime: number; overdue: number; dueNext90Days: number };
}

export interface DashboardFigures {
  headline: HeadlineRow;
  departments: DepartmentRow[];
  healthOverTime: { month: string; byHealth: HealthCounts; reported: number }[];
  milestoneWeeks: { weekStart: string; due: number }[];
  reporting: ReportingRow[];
}

/** The dashboard's aggregates, computed by PostgreSQL with the statements of DASHBOARD_STATEMENTS, sent as two. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  /**
   * Everything one view shows, with the latest mails of the initiatives it lists, in two
   * statements sent at once (dashboardViewStatements).
   */
  async view(query: DashboardQuery, today: string, limit: number | null): Promise<DashboardFigures & { mails: LatestSentRecord[] }> {
    const [first, second] = dashboardViewStatements(query, today, limit);
    const [[overview], [rest]] = await this.db.all([
      () => this.db.named<Partial<DashboardFigures>>(named(first), first.params),
      () => this.db.named<Partial<DashboardFigures> & { mails: LatestSentRow[] }>(named(second), second.params),
    ]);
    const { mails, ...figures } = { ...overview, ...rest };
    return { ...(figures as DashboardFigures), mails: mails.map(toLatestSentRecord) };
  }
}

const names = new Map<string, string>();

/**
 * The view's statements are planned once per connection: planning cost as much as running them.
 * Their text depends only on which filters are set, so a name derived from the text is unique
 * and there are few of them.
 */
function named({ sql }: Statement): NamedStatement {
  let name = names.get(sql);
  if (name === undefined) {
    name = `dashboard-view-${createHash('sha256').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return { name, text: sql };
}
