import { Injectable } from '@nestjs/common';
import type { DashboardQuery, DepartmentRef, HealthCounts, InitiativeStatus, ReportingPeriod } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';
import { DASHBOARD_STATEMENTS } from './dashboard-statements';

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
}

/** The dashboard's aggregates, computed by PostgreSQL with the statements of DASHBOARD_STATEMENTS. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly db: Database) {}

  async headline(query: DashboardQuery, today: string) {
    const { sql, params } = DASHBOARD_STATEMENTS.headline(query, today);
    const [row] = await this.db.manager.query(sql, params);
    return row as {
      initiatives: number;
      byStatus: Partial<Record<InitiativeStatus, number>>;
      byHealth: Partial<HealthCounts>;
      averageProgress: number | null;
      averageExpectedProgress: number | null;
      milestones: { total: number; completed: number; completedOnTime: number; overdue: number; dueNext90Days: number };
    };
  }

  async departments(query: DashboardQuery, today: string): Promise<DepartmentRow[]> {
    const { sql, params } = DASHBOARD_STATEMENTS.departments(query, today);
    return this.db.manager.query(sql, params);
  }

  async healthOverTime(query: DashboardQuery, today: string): Promise<{ month: string; byHealth: HealthCounts; reported: number }[]> {
    const { sql, params } = DASHBOARD_STATEMENTS.healthOverTime(query, today);
    return this.db.manager.query(sql, params);
  }

  async milestoneWeeks(query: DashboardQuery, today: string): Promise<{ weekStart: string; due: number }[]> {
    const { sql, params } = DASHBOARD_STATEMENTS.milestoneWeeks(query, today);
    return this.db.manager.query(sql, params);
  }

  async reporting(query: DashboardQuery, today: string): Promise<ReportingRow[]> {
    const { sql, params } = DASHBOARD_STATEMENTS.reporting(query, today);
    return this.db.manager.query(sql, params);
  }
}
