import { Injectable } from '@nestjs/common';
import type { ReportingSnapshotSummary, SnapshotInitiative } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';
import type { PageWindow } from '../../core/http/pagination';
import { currentStateSql, SNAPSHOT_INITIATIVE_FIELDS, STATE_COLUMNS, type StateFilter } from './snapshot-statements';

const SUMMARY_FIELDS = `r.id, r.name, r.taken_at AS "takenAt", r.taken_by_name AS "takenBy", r.action_plan_id AS "actionPlanId",
  r.action_plan_title AS "actionPlanTitle", (SELECT count(*)::int FROM reporting_snapshot_initiative x WHERE x.snapshot_id = r.id) AS "initiativeCount"`;

type SummaryRow = Omit<ReportingSnapshotSummary, 'takenAt'> & { takenAt: Date };

const toSummary = (row: SummaryRow): ReportingSnapshotSummary => ({ ...row, takenAt: row.takenAt.toISOString() });

/** A statement's parameters, numbered as they are added. */
function parameters(): { params: unknown[]; bind: (value: unknown) => string } {
  const params: unknown[] = [];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** Frozen snapshots (written once, never changed: the ReportingSnapshots migration refuses it) and the current state they freeze. */
@Injectable()
export class ReportingSnapshotsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Freezes the current state of the initiatives in one INSERT … SELECT after the snapshot's row;
   * run it inside a transaction, so that both are kept or neither.
   */
  async freeze(input: { name: string; takenAt: Date; takenBy: { id: string; name: string }; actionPlanId: string | null }, today: string): Promise<string> {
    const { manager } = this.db;
    const [{ id }] = await manager.query(
      `INSERT INTO reporting_snapshot (name, taken_at, taken_by_user_id, taken_by_name, action_plan_id, action_plan_title)
       VALUES ($1, $2, $3, $4, $5::uuid, (SELECT title FROM action_plan WHERE id = $5::uuid)) RETURNING id`,
      [input.name, input.takenAt, input.takenBy.id, input.takenBy.name, input.actionPlanId],
    );
    const { params, bind } = parameters();
    const snapshotId = bind(id);
    const state = currentStateSql({ actionPlanId: input.actionPlanId }, today, bind);
    await manager.query(
      `INSERT INTO reporting_snapshot_initiative (snapshot_id, ${STATE_COLUMNS}) SELECT ${snapshotId}::uuid, ${STATE_COLUMNS} FROM (${state}) s`,
      params,
    );
    return id;
  }

  /** The initiatives in the filter as a snapshot would freeze them now, without storing anything. */
  async currentState(filter: StateFilter, today: string): Promise<SnapshotInitiative[]> {
    const { params, bind } = parameters();
    const state = currentStateSql(filter, today, bind);
    return this.db.manager.query(`SELECT ${SNAPSHOT_INITIATIVE_FIELDS} FROM (${state}) s`, params);
  }

  async findPage(window: PageWindow): Promise<[ReportingSnapshotSummary[], number]> {
    const [[{ total }], rows] = await this.db.all([
      () => this.db.manager.query('SELECT count(*)::int AS total FROM reporting_snapshot'),
      () =>
        this.db.manager.query(`SELECT ${SUMMARY_FIELDS} FROM reporting_snapshot r ORDER BY r.taken_at DESC, r.id DESC LIMIT $1 OFFSET $2`, [
          window.pageSize,
          window.offset,
        ]),
    ] as const);
    return [(rows as SummaryRow[]).map(toSummary), total as number];
  }

  async findSummary(id: string): Promise<ReportingSnapshotSummary | null> {
    const [row] = await this.db.manager.query(`SELECT ${SUMMARY_FIELDS} FROM reporting_snapshot r WHERE r.id = $1`, [id]);
    return row ? toSummary(row) : null;
  }

  initiatives(snapshotId: string): Promise<SnapshotInitiative[]> {
    return this.db.manager.query(`SELECT ${SNAPSHOT_INITIATIVE_FIELDS} FROM reporting_snapshot_initiative s WHERE s.snapshot_id = $1`, [snapshotId]);
  }

  /** The language the user reads their mails and exports in (set with their reminder settings). */
  async languageOf(userId: string): Promise<'da' | 'en' | null> {
    const [row] = await this.db.manager.query('SELECT language FROM app_user WHERE id = $1', [userId]);
    return row?.language ?? null;
  }

  /** The names of the records a dashboard filter refers to, for saying the filter in words; null for what does not exist. */
  async filterNames(filter: {
    actionPlanId?: string;
    goalId?: string;
    department?: string;
  }): Promise<{ plan: string | null; goal: string | null; department: string | null }> {
    const [row] = await this.db.manager.query(
      `SELECT (SELECT title FROM action_plan WHERE id = $1::uuid) AS plan,
              (SELECT title FROM goal WHERE id = $2::uuid) AS goal,
              (SELECT name FROM department WHERE id::text = $3 OR code = $4 LIMIT 1) AS department`,
      [filter.actionPlanId ?? null, filter.goalId ?? null, filter.department?.toLowerCase() ?? null, filter.department?.toLocaleUpperCase('da') ?? null],
    );
    return row;
  }

  async actionPlanExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query('SELECT 1 FROM action_plan WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
