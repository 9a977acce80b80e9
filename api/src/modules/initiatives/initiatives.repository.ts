import { Injectable } from '@nestjs/common';
import { Database, type NamedStatement } from '../../core/database/database';
import type { DepartmentRef, Health, InitiativeSortField, ReportingPeriod } from '@fremdrift/contracts';
import { Brackets, In } from 'typeorm';
import { updateVersioned } from '../../core/database/optimistic-lock';
import type { PageWindow } from '../../core/http/pagination';
import { departmentCondition } from './department-condition';
import { MilestoneEntity } from '../milestones/milestone.entity';
import type { InitiativeQueryDto } from './dto/initiative.dto';
import { InitiativeEntity } from './initiative.entity';

const SORT_COLUMNS: Record<InitiativeSortField, string> = {
  title: 'i.title',
  status: 'i.status',
  health: 'i.health',
  startDate: 'i.start_date',
  targetDate: 'i.target_date',
  updatedAt: 'i.updated_at',
};

/** What a write on an initiative's records is judged by: who may make it, and what a new status update is compared with. */
export interface InitiativeAccess {
  leadDepartmentId: string;
  participatingDepartmentIds: string[];
  health: Health;
  leadsPublishDirectly: boolean;
}

/** Every write on an initiative's records runs this first: named, so that it is planned once per connection. */
const INITIATIVE_ACCESS: NamedStatement = {
  name: 'initiative_access',
  text: `SELECT i.lead_department_id AS "leadDepartmentId", i.health, p.leads_publish_directly AS "leadsPublishDirectly",
                ARRAY(SELECT m.department_id::text FROM initiative_department m WHERE m.initiative_id = i.id) AS "participatingDepartmentIds"
           FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id
          WHERE i.id = $1`,
};

/** What the reporting rule needs beyond the initiative itself. */
export interface ReportingFacts {
  period: ReportingPeriod;
  lastReportedPeriodEnd: string | null;
}

export type InitiativeFields = Omit<Partial<InitiativeEntity>, 'leadDepartment' | 'participatingDepartments'>;

@Injectable()
export class InitiativesRepository {
  constructor(private readonly db: Database) {}

  async findPage(query: InitiativeQueryDto, window: PageWindow, departmentIds: readonly string[]): Promise<[InitiativeEntity[], number]> {
    const qb = this.db.manager.getRepository(InitiativeEntity).createQueryBuilder('i').innerJoinAndSelect('i.leadDepartment', 'lead');

    if (query.department) {
      const parameters: Record<string, unknown> = {};
      const bind = (value: unknown) => {
        const name = `department${Object.keys(parameters).length}`;
        parameters[name] = value;
        return `:${name}`;
      };
      qb.andWhere(departmentCondition(query.department, query.departmentRole, bind), parameters);
    }
    if (query.mine) {
      qb.andWhere(
        '(i.lead_department_id = ANY(:mine) OR EXISTS (SELECT 1 FROM initiative_department m WHERE m.initiative_id = i.id AND m.department_id = ANY(:mine)))',
        { mine: departmentIds },
      );
    }
    if (query.actionPlanId) qb.andWhere('i.action_plan_id = :actionPlanId', { actionPlanId: query.actionPlanId });
    if (query.goalId) qb.andWhere('i.goal_id = :goalId', { goalId: query.goalId });
    if (query.status?.length) qb.andWhere('i.status IN (:...status)', { status: query.status });
    if (query.health?.length) qb.andWhere('i.health IN (:...health)', { health: query.health });
    if (query.published !== undefined) qb.andWhere('i.published = :published', { published: query.published });
    if (query.q?.trim()) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((where) => where.where('i.title ILIKE :pattern', { pattern }).orWhere('i.summary ILIKE :pattern').orWhere('i.description ILIKE :pattern')),
      );
    }

    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy(SORT_COLUMNS[query.sort ?? 'title'], direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('i.id', 'ASC');
    return qb.offset(window.offset).limit(window.pageSize).getManyAndCount();
  }

  findById(id: string): Promise<InitiativeEntity | null> {
    return this.db.manager.getRepository(InitiativeEntity).findOne({ where: { id }, relations: { leadDepartment: true } });
  }

  async exists(id: string): Promise<boolean> {
    return this.db.manager.getRepository(InitiativeEntity).existsBy({ id });
  }

  /** Participating departments of several initiatives, in one query, in the municipality's order. */
  /** What an initiative's answer needs besides its row: four queries, however many initiatives. */
  relations(initiativeIds: string[]) {
    return this.db.all([
      () => this.participatingDepartments(initiativeIds),
      () => this.milestones(initiativeIds),
      () => this.reportingFacts(initiativeIds),
      () => this.returnedPublicTexts(initiativeIds),
    ] as const);
  }

  async participatingDepartments(initiativeIds: string[]): Promise<Map<string, DepartmentRef[]>> {
    const result = new Map<string, DepartmentRef[]>(initiativeIds.map((id) => [id, []]));
    if (initiativeIds.length === 0) return result;
    const rows: (DepartmentRef & { initiativeId: string })[] = await this.db.manager.query(
      `SELECT p.initiative_id AS "initiativeId", d.id, d.code, d.name
         FROM initiative_department p
         JOIN department d ON d.id = p.department_id
        WHERE p.initiative_id = ANY($1::uuid[])
        ORDER BY d.sort_order, d.name`,
      [initiativeIds],
    );
    for (const { initiativeId, ...department } of rows) result.get(initiativeId)?.push(department);
    return result;
  }

  /** Each initiative's reporting period (from its plan) and latest reported period, in one query. */
  async reportingFacts(initiativeIds: string[]): Promise<Map<string, ReportingFacts>> {
    if (initiativeIds.length === 0) return new Map();
    const rows: ({ initiativeId: string } & ReportingFacts)[] = await this.db.manager.query(
      `SELECT i.id AS "initiativeId", p.reporting_period AS period,
              (SELECT to_char(max(u.period_end), 'YYYY-MM-DD') FROM status_update u WHERE u.initiative_id = i.id) AS "lastReportedPeriodEnd"
         FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id
        WHERE i.id = ANY($1::uuid[])`,
      [initiativeIds],
    );
    return new Map(rows.map(({ initiativeId, ...facts }) => [initiativeId, facts]));
  }

  /**
   * How many public texts of each initiative management returned to the lead (status updates'
   * public texts, and the initiative's own public proposal), in one query.
   */
  async returnedPublicTexts(initiativeIds: string[]): Promise<Map<string, number>> {
    if (initiativeIds.length === 0) return new Map();
    const rows: { initiativeId: string; returned: number }[] = await this.db.manager.query(
      `SELECT i.id AS "initiativeId",
              (i.public_review_state = 'returned')::int
                + (SELECT count(*)::int FROM status_update u WHERE u.initiative_id = i.id AND u.public_text_state = 'returned') AS returned
         FROM initiative i
        WHERE i.id = ANY($1::uuid[])`,
      [initiativeIds],
    );
    return new Map(rows.map((row) => [row.initiativeId, row.returned]));
  }

  /** Milestones of several initiatives, in one query, in their order. */
  async milestones(initiativeIds: string[]): Promise<Map<string, MilestoneEntity[]>> {
    const result = new Map<string, MilestoneEntity[]>(initiativeIds.map((id) => [id, []]));
    if (initiativeIds.length === 0) return result;
    const rows = await this.db.manager
      .getRepository(MilestoneEntity)
      .find({ where: { initiativeId: In(initiativeIds) }, order: { position: 'ASC', dueDate: 'ASC' } });
    rows.forEach((milestone) => result.get(milestone.initiativeId)?.push(milestone));
    return result;
  }

  /** How many of the initiative's milestones have no completed date; locks them until the transaction ends. */
  async lockOpenMilestones(initiativeId: string): Promise<number> {
    const rows: unknown[] = await this.db.manager.query('SELECT id FROM milestone WHERE initiative_id = $1 AND completed_date IS NULL FOR UPDATE', [
      initiativeId,
    ]);
    return rows.length;
  }

  /** Marks every open milestone of the initiative completed on `date`; each row's version goes up, and the audit trail records each. */
  async completeOpenMilestones(initiativeId: string, date: string): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(MilestoneEntity)
      .set({ completedDate: date })
      .where('initiative_id = :initiativeId AND completed_date IS NULL', { initiativeId })
      .execute();
  }

  async create(fields: InitiativeFields, participatingDepartmentIds: string[]): Promise<string> {
    const { manager } = this.db;
    const saved = await manager.save(InitiativeEntity, manager.create(InitiativeEntity, fields));
    await this.replaceParticipants(saved.id, participatingDepartmentIds);
    return saved.id;
  }

  /** Changes fields and, when given, the participating departments; the version goes up either way. */
  async update(id: string, fields: InitiativeFields, participatingDepartmentIds?: string[]): Promise<void> {
    const { manager } = this.db;
    await updateVersioned(manager, InitiativeEntity, id, fields);
    if (participatingDepartmentIds) await this.replaceParticipants(id, participatingDepartmentIds);
  }

  /** The initiative's departments, current health and its plan's publishing rule, in one statement; null when it does not exist. */
  async access(id: string): Promise<InitiativeAccess | null> {
    const [row] = await this.db.named<InitiativeAccess>(INITIATIVE_ACCESS, [id]);
    return row ?? null;
  }

  /** The initiative's current health and its plan's publishing rule: what a new status update is judged by. */
  async reportingContext(id: string): Promise<{ health: Health; leadsPublishDirectly: boolean } | null> {
    const [row] = await this.db.manager.query(
      `SELECT i.health, p.leads_publish_directly AS "leadsPublishDirectly" FROM initiative i JOIN action_plan p ON p.id = i.action_plan_id WHERE i.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Removes the initiative; its milestones, status updates and partner links go with it. */
  async delete(id: string): Promise<void> {
    await this.db.manager.delete(InitiativeEntity, { id });
  }

  /** Only the departments that change are written, so the audit trail shows exactly who joined and who left. */
  private async replaceParticipants(initiativeId: string, departmentIds: string[]): Promise<void> {
    const { manager } = this.db;
    await manager.query('DELETE FROM initiative_department WHERE initiative_id = $1 AND NOT (department_id = ANY($2::uuid[]))', [initiativeId, departmentIds]);
    if (departmentIds.length > 0) {
      await manager.query('INSERT INTO initiative_department (initiative_id, department_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
        initiativeId,
        departmentIds,
      ]);
    }
  }
}
