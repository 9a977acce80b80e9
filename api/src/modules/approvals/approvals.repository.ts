import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../../core/database/database';
import type { PageWindow } from '../../core/http/pagination';
import { InitiativeEntity } from '../initiatives/initiative.entity';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import type { PendingApprovalInitiativeDto } from './dto/approval.dto';

export type PendingRow =
  | { kind: 'status_update'; update: StatusUpdateEntity; initiative: PendingApprovalInitiativeDto }
  | { kind: 'initiative'; entity: InitiativeEntity; initiative: PendingApprovalInitiativeDto };

/** Everything waiting for management before it reaches the public, oldest first. */
@Injectable()
export class ApprovalsRepository {
  constructor(private readonly db: Database) {}

  async findPending(window: PageWindow): Promise<[PendingRow[], number]> {
    const { manager } = this.db;
    const waiting = `
      SELECT 'status_update' AS kind, id, initiative_id, reported_at AS waiting_since FROM status_update WHERE public_text_state = 'pending'
      UNION ALL
      SELECT 'initiative', id, id, public_proposed_at FROM initiative WHERE public_review_state = 'pending'`;
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM (${waiting}) w`);
    const page: { kind: PendingRow['kind']; id: string; initiativeId: string }[] = await manager.query(
      `SELECT kind, id, initiative_id AS "initiativeId" FROM (${waiting}) w ORDER BY waiting_since, id LIMIT $1 OFFSET $2`,
      [window.pageSize, window.offset],
    );
    if (page.length === 0) return [[], total];

    const idsOf = (kind: PendingRow['kind']) => page.filter((row) => row.kind === kind).map((row) => row.id);
    const [updates, initiatives, summaries] = await Promise.all([
      findAll(idsOf('status_update'), (ids) => manager.getRepository(StatusUpdateEntity).findBy({ id: In(ids) })),
      findAll(idsOf('initiative'), (ids) => manager.getRepository(InitiativeEntity).findBy({ id: In(ids) })),
      manager.query(
        `SELECT i.id, i.title, i.published, i.public_summary AS "publicSummary", i.version,
                json_build_object('id', d.id, 'code', d.code, 'name', d.name) AS "leadDepartment"
           FROM initiative i JOIN department d ON d.id = i.lead_department_id
          WHERE i.id = ANY($1::uuid[])`,
        [[...new Set(page.map((row) => row.initiativeId))]],
      ) as Promise<PendingApprovalInitiativeDto[]>,
    ]);
    const updateById = new Map(updates.map((update) => [update.id, update]));
    const initiativeById = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
    const summaryById = new Map(summaries.map((summary) => [summary.id, summary]));
    const rows = page.flatMap((row): PendingRow[] => {
      const initiative = summaryById.get(row.initiativeId);
      if (!initiative) return [];
      if (row.kind === 'status_update') {
        const update = updateById.get(row.id);
        return update ? [{ kind: 'status_update', update, initiative }] : [];
      }
      const entity = initiativeById.get(row.id);
      return entity ? [{ kind: 'initiative', entity, initiative }] : [];
    });
    return [rows, total];
  }
}

const findAll = async <T>(ids: string[], find: (ids: string[]) => Promise<T[]>): Promise<T[]> => (ids.length ? find(ids) : []);
