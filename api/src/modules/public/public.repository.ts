import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { TransactionRunner } from '../../core/database/transaction-runner';
import type { DepartmentRef, Health, InitiativeStatus, PartnerType } from '@fremdrift/contracts';

export interface PublishedInitiativeRow {
  id: string;
  title: string;
  summary: string;
  publicSummary: string;
  planId: string;
  planTitle: string;
  goalId: string | null;
  goalTitle: string | null;
  leadDepartment: DepartmentRef;
  status: InitiativeStatus;
  health: Health;
  startDate: string | null;
  targetDate: string | null;
  updatedAt: Date;
}

export interface PublishedData {
  initiatives: PublishedInitiativeRow[];
  participants: { initiativeId: string; department: DepartmentRef }[];
  milestones: { initiativeId: string; title: string; dueDate: string | null; completedDate: string | null; weight: number }[];
  updates: { id: string; initiativeId: string; periodStart: string; periodEnd: string; health: Health; text: string; publishedAt: Date }[];
  partners: { initiativeId: string; name: string; type: PartnerType; role: string }[];
  plans: {
    id: string;
    title: string;
    description: string;
    coCreationDate: string | null;
    coCreationMethod: string;
    citizens: number;
    volunteers: number;
    companies: number;
    civilSociety: number;
    staff: number;
    goals: { id: string; title: string; description: string }[];
  }[];
}

/**
 * Everything that is public, read in one repeatable-read transaction so the parts agree. Each
 * query selects only public columns of published initiatives: internal notes, internal texts,
 * drafts and proposals waiting for approval, staff names and partners without consent are never read here.
 */
@Injectable()
export class PublicRepository {
  constructor(
    private readonly db: Database,
    private readonly tx: TransactionRunner,
  ) {}

  loadPublished(): Promise<PublishedData> {
    return this.tx.readConsistently(async () => {
      const { manager } = this.db;
      const published = 'SELECT id FROM initiative WHERE published';
      const [initiatives, participants, milestones, updates, partners, plans] = [
        await manager.query(
          `SELECT i.id, i.title, i.summary, i.public_summary AS "publicSummary", p.id AS "planId", p.title AS "planTitle",
                  g.id AS "goalId", g.title AS "goalTitle", json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment",
                  i.status, i.health, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.target_date, 'YYYY-MM-DD') AS "targetDate",
                  greatest(i.updated_at, (SELECT max(u.updated_at) FROM status_update u WHERE u.initiative_id = i.id AND u.approved_public_text <> ''),
                           (SELECT max(m.updated_at) FROM milestone m WHERE m.initiative_id = i.id)) AS "updatedAt"
             FROM initiative i
             JOIN action_plan p ON p.id = i.action_plan_id
             JOIN department d ON d.id = i.lead_department_id
             LEFT JOIN goal g ON g.id = i.goal_id
            WHERE i.published
            ORDER BY p.title, g.sort_order NULLS LAST, i.title`,
        ),
        await manager.query(
          `SELECT x.initiative_id AS "initiativeId", json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS department
             FROM initiative_department x JOIN department d ON d.id = x.department_id
            WHERE x.initiative_id IN (${published}) ORDER BY d.sort_order, d.name`,
        ),
        await manager.query(
          `SELECT initiative_id AS "initiativeId", title, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
                  to_char(completed_date, 'YYYY-MM-DD') AS "completedDate", weight
             FROM milestone WHERE initiative_id IN (${published}) ORDER BY position, due_date`,
        ),
        await manager.query(
          `SELECT id, initiative_id AS "initiativeId", to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
                  health, approved_public_text AS text, coalesce(reviewed_at, reported_at) AS "publishedAt"
             FROM status_update
            WHERE initiative_id IN (${published}) AND approved_public_text <> ''
            ORDER BY period_end DESC, reported_at DESC`,
        ),
        await manager.query(
          `SELECT l.initiative_id AS "initiativeId", p.name, p.type, l.role
             FROM initiative_partner l JOIN partner p ON p.id = l.partner_id
            WHERE l.initiative_id IN (${published}) AND l.public_consent ORDER BY p.name`,
        ),
        await manager.query(
          `SELECT p.id, p.title, p.description, to_char(p.co_creation_date, 'YYYY-MM-DD') AS "coCreationDate", p.co_creation_method AS "coCreationMethod",
                  p.participants_citizens AS citizens, p.participants_volunteers AS volunteers, p.participants_companies AS companies,
                  p.participants_civil_society AS "civilSociety", p.participants_staff AS staff,
                  coalesce((SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'description', g.description) ORDER BY g.sort_order, g.title)
                              FROM goal g WHERE g.action_plan_id = p.id), '[]') AS goals
             FROM action_plan p ORDER BY p.co_creation_date DESC NULLS LAST, p.title`,
        ),
      ];
      return { initiatives, participants, milestones, updates, partners, plans };
    });
  }
}
