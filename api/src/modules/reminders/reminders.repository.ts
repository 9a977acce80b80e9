import { Injectable } from '@nestjs/common';
import type { Health, InitiativeStatus, ReportingPeriod } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';
import type { MailLanguage } from './mail-templates';

export interface CycleLead {
  id: string;
  name: string;
  email: string;
  language: MailLanguage;
  remindersEnabled: boolean;
}

/** An initiative that reports now, with what the cycle's rules and mails need. */
export interface CycleRow {
  id: string;
  title: string;
  status: InitiativeStatus;
  startDate: string | null;
  period: ReportingPeriod;
  lastReportedPeriodEnd: string | null;
  remindersEnabled: boolean;
  reminderDaysBefore: number;
  escalationGraceDays: number;
  departmentId: string;
  departmentName: string;
  escalateTo: string | null;
  leads: CycleLead[];
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  language: MailLanguage;
  digestEnabled: boolean;
  remindersEnabled: boolean;
}

const CYCLE_SELECT = `
  SELECT i.id, i.title, i.status, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", p.reporting_period AS period,
         (SELECT to_char(max(u.period_end), 'YYYY-MM-DD') FROM status_update u WHERE u.initiative_id = i.id) AS "lastReportedPeriodEnd",
         p.reminders_enabled AS "remindersEnabled", p.reminder_days_before AS "reminderDaysBefore", p.escalation_grace_days AS "escalationGraceDays",
         d.id AS "departmentId", d.name AS "departmentName", d.management_contact_email AS "escalateTo",
         coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.display_name, 'email', a.email, 'language', a.language,
                                                     'remindersEnabled', a.reminders_enabled) ORDER BY a.display_name, a.id)
                     FROM user_department ud JOIN app_user a ON a.id = ud.user_id
                    WHERE ud.department_id = i.lead_department_id AND a.role = 'department_lead' AND a.active), '[]'::json) AS leads
    FROM initiative i
    JOIN action_plan p ON p.id = i.action_plan_id
    JOIN department d ON d.id = i.lead_department_id`;

@Injectable()
export class RemindersRepository {
  constructor(private readonly db: Database) {}

  /** Every initiative that reports today (the SQL twin of reportsNow), in title order. */
  cycleRows(today: string): Promise<CycleRow[]> {
    return this.db.manager.query(`${CYCLE_SELECT} WHERE fremdrift_reports_now(i.status, i.start_date, $1::date) ORDER BY i.title, i.id`, [today]);
  }

  async cycleRow(initiativeId: string): Promise<CycleRow | null> {
    const rows: CycleRow[] = await this.db.manager.query(`${CYCLE_SELECT} WHERE i.id = $1`, [initiativeId]);
    return rows[0] ?? null;
  }

  async user(id: string): Promise<Recipient | null> {
    const rows: Recipient[] = await this.db.manager.query(
      `SELECT id, display_name AS name, email, language, digest_enabled AS "digestEnabled", reminders_enabled AS "remindersEnabled"
         FROM app_user WHERE id = $1 AND active`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Active management users: where late reports go when a department has no management contact. */
  managementUsers(): Promise<Recipient[]> {
    return this.db.manager.query(
      `SELECT id, display_name AS name, email, language, digest_enabled AS "digestEnabled", reminders_enabled AS "remindersEnabled"
         FROM app_user WHERE role = 'management' AND active ORDER BY display_name, id`,
    );
  }

  /** Management users who receive the weekly digest. */
  digestRecipients(): Promise<Recipient[]> {
    return this.db.manager.query(
      `SELECT id, display_name AS name, email, language, digest_enabled AS "digestEnabled", reminders_enabled AS "remindersEnabled"
         FROM app_user WHERE role = 'management' AND active AND digest_enabled ORDER BY display_name, id`,
    );
  }

  /** Status updates since `since` whose health is worse than the one they were judged against. */
  healthDrops(since: Date): Promise<{ id: string; title: string; departmentName: string; from: Health; to: Health }[]> {
    return this.db.manager.query(
      `SELECT DISTINCT ON (i.id) i.id, i.title, d.name AS "departmentName", u.baseline_health AS "from", u.health AS "to"
         FROM status_update u
         JOIN initiative i ON i.id = u.initiative_id
         JOIN department d ON d.id = i.lead_department_id
        WHERE u.reported_at >= $1 AND u.health > u.baseline_health
        ORDER BY i.id, u.reported_at DESC`,
      [since],
    );
  }

  /** Initiatives marked completed since `since` (from the audit trail) and completed still. */
  completedSince(since: Date): Promise<{ id: string; title: string; departmentName: string }[]> {
    return this.db.manager.query(
      `SELECT i.id, i.title, d.name AS "departmentName"
         FROM initiative i
         JOIN department d ON d.id = i.lead_department_id
        WHERE i.status = 'completed'
          AND EXISTS (SELECT 1 FROM audit_event e
                       WHERE e.entity_type = 'initiative' AND e.entity_id = i.id::text AND e.occurred_at >= $1
                         AND e.changes -> 'status' ->> 'after' = 'completed')
        ORDER BY i.title, i.id`,
      [since],
    );
  }

  async setUnsubscribed(userId: string, scope: 'reminders' | 'digest'): Promise<boolean> {
    const column = scope === 'reminders' ? 'reminders_enabled' : 'digest_enabled';
    const rows: unknown[] = await this.db.manager.query(
      `WITH changed AS (UPDATE app_user SET ${column} = false, updated_at = now() WHERE id = $1 RETURNING id) SELECT id FROM changed`,
      [userId],
    );
    return rows.length > 0;
  }

  async mailSettings(userId: string): Promise<{ remindersEnabled: boolean; digestEnabled: boolean; language: MailLanguage } | null> {
    const rows = await this.db.manager.query(
      `SELECT reminders_enabled AS "remindersEnabled", digest_enabled AS "digestEnabled", language FROM app_user WHERE id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async updateMailSettings(userId: string, changes: { remindersEnabled?: boolean; digestEnabled?: boolean; language?: MailLanguage }): Promise<void> {
    await this.db.manager.query(
      `UPDATE app_user
          SET reminders_enabled = coalesce($2, reminders_enabled), digest_enabled = coalesce($3, digest_enabled), language = coalesce($4, language),
              updated_at = now()
        WHERE id = $1`,
      [userId, changes.remindersEnabled ?? null, changes.digestEnabled ?? null, changes.language ?? null],
    );
  }

  /** Records that `job` ran on `day`; false when it already had. */
  async markRun(job: string, day: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`INSERT INTO reminder_run (job, run_date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job`, [
      job,
      day,
    ]);
    return rows.length > 0;
  }

  async hasRun(job: string, day: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`SELECT 1 FROM reminder_run WHERE job = $1 AND run_date = $2`, [job, day]);
    return rows.length > 0;
  }
}
