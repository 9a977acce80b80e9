import { Injectable } from '@nestjs/common';
import type { Health, InitiativeStatus } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';

/** An initiative as the spreadsheet shows it: references by title and code beside the ids. */
export interface StoredInitiative {
  id: string;
  version: number;
  externalReference: string | null;
  actionPlanId: string;
  actionPlanTitle: string;
  goalId: string | null;
  goalTitle: string | null;
  title: string;
  summary: string;
  description: string;
  leadDepartmentId: string;
  leadDepartmentCode: string;
  /** In the municipality's order of departments. */
  participatingDepartmentIds: string[];
  participatingDepartmentCodes: string[];
  ownerName: string;
  status: InitiativeStatus;
  health: Health;
  startDate: string | null;
  targetDate: string | null;
  cancellationReason: string;
  internalNotes: string;
}

export interface StoredMilestone {
  id: string;
  version: number;
  initiativeId: string;
  initiativeExternalReference: string | null;
  initiativeTitle: string;
  title: string;
  description: string;
  dueDate: string | null;
  completedDate: string | null;
  weight: number;
  position: number;
}

export interface PlanRef {
  id: string;
  title: string;
  goals: { id: string; title: string }[];
}

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
}

const INITIATIVE_SELECT = `
  SELECT i.id, i.version, i.external_reference AS "externalReference", i.action_plan_id AS "actionPlanId", p.title AS "actionPlanTitle",
         i.goal_id AS "goalId", g.title AS "goalTitle", i.title, i.summary, i.description,
         i.lead_department_id AS "leadDepartmentId", lead.code AS "leadDepartmentCode",
         COALESCE(ARRAY(SELECT d.id::text FROM initiative_department m JOIN department d ON d.id = m.department_id
                         WHERE m.initiative_id = i.id ORDER BY d.sort_order, d.name), '{}') AS "participatingDepartmentIds",
         COALESCE(ARRAY(SELECT d.code::text FROM initiative_department m JOIN department d ON d.id = m.department_id
                         WHERE m.initiative_id = i.id ORDER BY d.sort_order, d.name), '{}') AS "participatingDepartmentCodes",
         i.owner_name AS "ownerName", i.status, i.health,
         to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.target_date, 'YYYY-MM-DD') AS "targetDate",
         i.cancellation_reason AS "cancellationReason", i.internal_notes AS "internalNotes"
    FROM initiative i
    JOIN action_plan p ON p.id = i.action_plan_id
    JOIN department lead ON lead.id = i.lead_department_id
    LEFT JOIN goal g ON g.id = i.goal_id`;

const MILESTONE_SELECT = `
  SELECT m.id, m.version, m.initiative_id AS "initiativeId", i.external_reference AS "initiativeExternalReference", i.title AS "initiativeTitle",
         m.title, m.description, to_char(m.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(m.completed_date, 'YYYY-MM-DD') AS "completedDate",
         m.weight, m.position
    FROM milestone m JOIN initiative i ON i.id = m.initiative_id`;

/** The reads of a spreadsheet export and import; every write goes through the initiatives' and milestones' services. */
@Injectable()
export class InitiativeTransferRepository {
  constructor(private readonly db: Database) {}

  /** The initiatives with these ids, in the order given. */
  async initiativesByIds(ids: readonly string[]): Promise<StoredInitiative[]> {
    if (ids.length === 0) return [];
    const rows: StoredInitiative[] = await this.db.manager.query(`${INITIATIVE_SELECT} WHERE i.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The initiatives with these external references, compared without letter case (as the unique index does). */
  initiativesByReferences(references: readonly string[]): Promise<StoredInitiative[]> {
    if (references.length === 0) return Promise.resolve([]);
    return this.db.manager.query(`${INITIATIVE_SELECT} WHERE lower(i.external_reference) = ANY($1::text[])`, [references.map((r) => r.toLowerCase())]);
  }

  /** The milestones of these initiatives: by initiative in the order given, then in their own order. */
  async milestonesOf(initiativeIds: readonly string[]): Promise<StoredMilestone[]> {
    if (initiativeIds.length === 0) return [];
    return this.db.manager.query(
      `${MILESTONE_SELECT} WHERE m.initiative_id = ANY($1::uuid[])
        ORDER BY array_position($1::uuid[], m.initiative_id), m.position, m.due_date NULLS LAST, m.id`,
      [initiativeIds],
    );
  }

  milestonesByIds(ids: readonly string[]): Promise<StoredMilestone[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.query(`${MILESTONE_SELECT} WHERE m.id = ANY($1::uuid[])`, [ids]);
  }

  /** Every action plan with its goals: an import finds them by title. */
  async plans(): Promise<PlanRef[]> {
    return this.db.manager.query(
      `SELECT p.id, p.title,
              COALESCE((SELECT json_agg(json_build_object('id', g.id, 'title', g.title) ORDER BY g.sort_order, g.title) FROM goal g WHERE g.action_plan_id = p.id), '[]') AS goals
         FROM action_plan p`,
    );
  }

  departments(): Promise<DepartmentRow[]> {
    return this.db.manager.query('SELECT id, code, name FROM department');
  }

  /**
   * Locks the initiatives and milestones an import changes until its transaction ends, and answers
   * their versions: what the dry run's token was computed over.
   */
  async lockVersions(initiativeIds: readonly string[], milestoneIds: readonly string[]): Promise<Map<string, number>> {
    const { manager } = this.db;
    const initiatives: { id: string; version: number }[] = await manager.query(
      'SELECT id, version FROM initiative WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [initiativeIds],
    );
    const milestones: { id: string; version: number }[] = await manager.query(
      'SELECT id, version FROM milestone WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [milestoneIds],
    );
    return new Map([...initiatives, ...milestones].map((row) => [row.id, row.version]));
  }
}
