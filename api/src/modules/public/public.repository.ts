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

/** What belongs to a set of published initiatives besides their own row. */
export interface PublishedDetails {
  participants: { initiativeId: string; department: DepartmentRef }[];
  milestones: { initiativeId: string; title: string; dueDate: string | null; completedDate: string | null; weight: number }[];
  updates: { id: string; initiativeId: string; periodStart: string; periodEnd: string; health: Health; text: string; publishedAt: Date }[];
  partners: { initiativeId: string; name: string; type: PartnerType; role: string }[];
}

export interface PublishedData extends PublishedDetails {
  initiatives: PublishedInitiativeRow[];
}

export interface PublicPlanRow {
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
  initiativeIds: string[];
}

/** Which published initiatives a list shows. Every field narrows the list; absent fields do not. */
export interface PublicFilter {
  plan?: string;
  goal?: string;
  /** A department's code: the initiatives it leads or takes part in. */
  department?: string;
  status?: InitiativeStatus[];
  health?: Health[];
  /** Words that must all occur (case- and accent-insensitively) in the initiative's public text, plan, goal, departments or named partners. */
  words?: string[];
}

export interface FeedRow {
  id: string;
  initiativeId: string;
  initiativeTitle: string;
  leadDepartment: DepartmentRef;
  periodStart: string;
  periodEnd: string;
  health: Health;
  text: string;
  publishedAt: Date;
}

/** Dates that describe the published data as a whole (for the DCAT catalog). */
export interface PublishedFacts {
  lastUpdatedAt: Date | null;
  earliestStart: string | null;
  latestTarget: string | null;
  firstPeriodStart: string | null;
  lastPeriodEnd: string | null;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  plans: { id: string; title: string }[];
}

/** Folds text as the search does on both sides: lower case, then decomposed so that accents are separate marks. */
export const foldForSearch = (text: string) => text.toLocaleLowerCase('da').normalize('NFKD');

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const PUBLISHED_COLUMNS = `i.id, i.title, i.summary, i.public_summary AS "publicSummary", p.id AS "planId", p.title AS "planTitle",
       g.id AS "goalId", g.title AS "goalTitle", json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment",
       i.status, i.health, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.target_date, 'YYYY-MM-DD') AS "targetDate",
       greatest(i.updated_at, (SELECT max(u.updated_at) FROM status_update u WHERE u.initiative_id = i.id AND u.approved_public_text <> ''),
                (SELECT max(m.updated_at) FROM milestone m WHERE m.initiative_id = i.id)) AS "updatedAt"`;

const PUBLISHED_FROM = `FROM initiative i
  JOIN action_plan p ON p.id = i.action_plan_id
  JOIN department d ON d.id = i.lead_department_id
  LEFT JOIN goal g ON g.id = i.goal_id`;

/** The public order: by plan, then goal, then title; the id makes it total, so that pages neither repeat nor skip. */
const PUBLISHED_ORDER = 'ORDER BY p.title, g.sort_order NULLS LAST, i.title, i.id';

/** When any published initiative last changed, as its public record shows it (the newest of their `lastUpdatedAt`). */
const LAST_UPDATED = `SELECT greatest((SELECT max(updated_at) FROM initiative WHERE published),
         (SELECT max(u.updated_at) FROM status_update u JOIN initiative i ON i.id = u.initiative_id WHERE i.published AND u.approved_public_text <> ''),
         (SELECT max(m.updated_at) FROM milestone m JOIN initiative i ON i.id = m.initiative_id WHERE i.published))`;

/** Everything the search looks in, folded in SQL the way `foldForSearch` folds the words. */
const SEARCH_TEXT = `lower(normalize(concat_ws(' ', i.title, coalesce(nullif(i.public_summary, ''), i.summary), p.title, g.title, d.name, d.code,
       (SELECT string_agg(xd.name || ' ' || xd.code, ' ') FROM initiative_department x JOIN department xd ON xd.id = x.department_id WHERE x.initiative_id = i.id),
       (SELECT string_agg(pt.name, ' ') FROM initiative_partner l JOIN partner pt ON pt.id = l.partner_id WHERE l.initiative_id = i.id AND l.public_consent)), NFKD))`;

/** The WHERE clause of a list, with its parameters appended to `params`. Only published initiatives, whatever the filter. */
function filterSql(filter: PublicFilter, params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['i.published'];
  if (filter.plan) conditions.push(`i.action_plan_id = ${bind(filter.plan)}`);
  if (filter.goal) conditions.push(`i.goal_id = ${bind(filter.goal)}`);
  if (filter.department) {
    const code = bind(filter.department);
    conditions.push(
      `(d.code = ${code} OR EXISTS (SELECT 1 FROM initiative_department x JOIN department xd ON xd.id = x.department_id WHERE x.initiative_id = i.id AND xd.code = ${code}))`,
    );
  }
  if (filter.status?.length) conditions.push(`i.status::text = ANY(${bind(filter.status)}::text[])`);
  if (filter.health?.length) conditions.push(`i.health::text = ANY(${bind(filter.health)}::text[])`);
  if (filter.words?.length) {
    const search = SEARCH_TEXT;
    for (const word of filter.words) conditions.push(`${search} LIKE ${bind(`%${escapeLike(foldForSearch(word))}%`)}`);
  }
  return `WHERE ${conditions.join(' AND ')}`;
}

/**
 * The public data. Each query selects only public columns of published initiatives: internal
 * notes, internal texts, drafts and proposals waiting for approval, staff names and partners
 * without consent are never read here. Reads that must agree run in one repeatable-read transaction.
 */
@Injectable()
export class PublicRepository {
  constructor(
    private readonly db: Database,
    private readonly tx: TransactionRunner,
  ) {}

  /** One page of the published initiatives that pass `filter`, with the number of them all, from one snapshot. */
  page(filter: PublicFilter, offset: number, limit: number): Promise<{ data: PublishedData; total: number; departments: DepartmentRef[] }> {
    return this.tx.readConsistently(async () => {
      const params: unknown[] = [];
      const where = filterSql(filter, params);
      const [{ total }] = await this.db.manager.query(`SELECT count(*)::int AS total ${PUBLISHED_FROM} ${where}`, params);
      const initiatives: PublishedInitiativeRow[] =
        total > offset
          ? await this.db.manager.query(
              `SELECT ${PUBLISHED_COLUMNS} ${PUBLISHED_FROM} ${where} ${PUBLISHED_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
              [...params, limit, offset],
            )
          : [];
      const departments: DepartmentRef[] = await this.db.manager.query(
        `SELECT d.id, d.code, d.name FROM department d
          WHERE EXISTS (SELECT 1 FROM initiative i WHERE i.published AND i.lead_department_id = d.id)
             OR EXISTS (SELECT 1 FROM initiative_department x JOIN initiative i ON i.id = x.initiative_id WHERE i.published AND x.department_id = d.id)
          ORDER BY d.sort_order, d.name`,
      );
      return { data: { initiatives, ...(await this.details(initiatives.map((i) => i.id))) }, total, departments };
    });
  }

  /** One published initiative with everything public about it; null when it is not published. */
  one(id: string): Promise<PublishedData | null> {
    return this.tx.readConsistently(async () => {
      const initiatives: PublishedInitiativeRow[] = await this.db.manager.query(
        `SELECT ${PUBLISHED_COLUMNS} ${PUBLISHED_FROM} WHERE i.published AND i.id = $1`,
        [id],
      );
      return initiatives.length ? { initiatives, ...(await this.details([id])) } : null;
    });
  }

  /**
   * Every published initiative in the public order, `batchSize` at a time from a server-side cursor
   * of one snapshot, so that the whole set is never in memory. `start` learns how many there are
   * first; `visit` returns false to stop early (the client went away).
   */
  eachPublished(
    batchSize: number,
    start: (total: number, lastUpdatedAt: Date | null) => Promise<void>,
    visit: (batch: PublishedData) => Promise<boolean>,
  ): Promise<void> {
    return this.tx.readConsistently(async () => {
      const { manager } = this.db;
      const [{ total, lastUpdatedAt }] = await manager.query(
        `SELECT count(*)::int AS total, (${LAST_UPDATED}) AS "lastUpdatedAt" FROM initiative i WHERE i.published`,
      );
      await start(total, lastUpdatedAt);
      await manager.query(`DECLARE public_download NO SCROLL CURSOR FOR SELECT ${PUBLISHED_COLUMNS} ${PUBLISHED_FROM} WHERE i.published ${PUBLISHED_ORDER}`);
      for (;;) {
        const initiatives: PublishedInitiativeRow[] = await manager.query(`FETCH ${Number(batchSize)} FROM public_download`);
        if (initiatives.length === 0) break;
        if (!(await visit({ initiatives, ...(await this.details(initiatives.map((i) => i.id))) }))) break;
      }
      await manager.query('CLOSE public_download');
    });
  }

  /** Every action plan (plans are public as a whole), with its goals and the ids of its published initiatives in the public order. */
  plans(id?: string): Promise<PublicPlanRow[]> {
    return this.db.manager.query(
      `SELECT p.id, p.title, p.description, to_char(p.co_creation_date, 'YYYY-MM-DD') AS "coCreationDate", p.co_creation_method AS "coCreationMethod",
              p.participants_citizens AS citizens, p.participants_volunteers AS volunteers, p.participants_companies AS companies,
              p.participants_civil_society AS "civilSociety", p.participants_staff AS staff,
              coalesce((SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'description', g.description) ORDER BY g.sort_order, g.title)
                          FROM goal g WHERE g.action_plan_id = p.id), '[]') AS goals,
              coalesce((SELECT json_agg(i.id ORDER BY ig.sort_order NULLS LAST, i.title, i.id)
                          FROM initiative i LEFT JOIN goal ig ON ig.id = i.goal_id WHERE i.action_plan_id = p.id AND i.published), '[]') AS "initiativeIds"
         FROM action_plan p ${id ? 'WHERE p.id = $1' : ''}
        ORDER BY p.co_creation_date DESC NULLS LAST, p.title`,
      id ? [id] : [],
    );
  }

  /** The newest approved public updates of published initiatives, of one plan or of all. */
  feed(planId: string | null, limit: number): Promise<FeedRow[]> {
    return this.db.manager.query(
      `SELECT u.id, i.id AS "initiativeId", i.title AS "initiativeTitle", json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment",
              to_char(u.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(u.period_end, 'YYYY-MM-DD') AS "periodEnd",
              u.health, u.approved_public_text AS text, coalesce(u.reviewed_at, u.reported_at) AS "publishedAt"
         FROM status_update u
         JOIN initiative i ON i.id = u.initiative_id
         JOIN department d ON d.id = i.lead_department_id
        WHERE i.published AND u.approved_public_text <> '' ${planId ? 'AND i.action_plan_id = $2' : ''}
        ORDER BY coalesce(u.reviewed_at, u.reported_at) DESC, u.id
        LIMIT $1`,
      planId ? [limit, planId] : [limit],
    );
  }

  /** The published ids of one plan's initiatives: what its feed can contain. */
  async planMembers(planId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query('SELECT id FROM initiative WHERE published AND action_plan_id = $1', [planId]);
    return rows.map((r) => r.id);
  }

  facts(): Promise<PublishedFacts> {
    return this.tx.readConsistently(async () => {
      const { manager } = this.db;
      const [facts] = await manager.query(
        `SELECT (${LAST_UPDATED}) AS "lastUpdatedAt",
                to_char((SELECT min(start_date) FROM initiative WHERE published), 'YYYY-MM-DD') AS "earliestStart",
                to_char((SELECT max(target_date) FROM initiative WHERE published), 'YYYY-MM-DD') AS "latestTarget",
                to_char(min(u.period_start), 'YYYY-MM-DD') AS "firstPeriodStart", to_char(max(u.period_end), 'YYYY-MM-DD') AS "lastPeriodEnd",
                min(coalesce(u.reviewed_at, u.reported_at)) AS "firstPublishedAt", max(coalesce(u.reviewed_at, u.reported_at)) AS "lastPublishedAt"
           FROM status_update u JOIN initiative i ON i.id = u.initiative_id
          WHERE i.published AND u.approved_public_text <> ''`,
      );
      const plans = await manager.query('SELECT id, title FROM action_plan ORDER BY co_creation_date DESC NULLS LAST, title');
      return { ...facts, plans };
    });
  }

  private async details(ids: string[]): Promise<PublishedDetails> {
    if (ids.length === 0) return { participants: [], milestones: [], updates: [], partners: [] };
    const { manager } = this.db;
    return {
      participants: await manager.query(
        `SELECT x.initiative_id AS "initiativeId", json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS department
           FROM initiative_department x JOIN department d ON d.id = x.department_id
          WHERE x.initiative_id = ANY($1::uuid[]) ORDER BY d.sort_order, d.name`,
        [ids],
      ),
      milestones: await manager.query(
        `SELECT initiative_id AS "initiativeId", title, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
                to_char(completed_date, 'YYYY-MM-DD') AS "completedDate", weight
           FROM milestone WHERE initiative_id = ANY($1::uuid[]) ORDER BY position, due_date`,
        [ids],
      ),
      updates: await manager.query(
        `SELECT id, initiative_id AS "initiativeId", to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
                health, approved_public_text AS text, coalesce(reviewed_at, reported_at) AS "publishedAt"
           FROM status_update
          WHERE initiative_id = ANY($1::uuid[]) AND approved_public_text <> ''
          ORDER BY period_end DESC, reported_at DESC`,
        [ids],
      ),
      partners: await manager.query(
        `SELECT l.initiative_id AS "initiativeId", p.name, p.type, l.role
           FROM initiative_partner l JOIN partner p ON p.id = l.partner_id
          WHERE l.initiative_id = ANY($1::uuid[]) AND l.public_consent ORDER BY p.name`,
        [ids],
      ),
    };
  }
}
