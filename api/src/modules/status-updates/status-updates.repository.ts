import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { updateVersioned } from '../../core/database/optimistic-lock';
import type { PageWindow } from '../../core/http/pagination';
import { StatusUpdateEntity } from './status-update.entity';

@Injectable()
export class StatusUpdatesRepository {
  constructor(private readonly db: Database) {}

  private get updates() {
    return this.db.manager.getRepository(StatusUpdateEntity);
  }

  /** Newest first. */
  findPage(initiativeId: string, window: PageWindow): Promise<[StatusUpdateEntity[], number]> {
    return this.updates.findAndCount({
      where: { initiativeId },
      order: { periodEnd: 'DESC', reportedAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  findOne(initiativeId: string, id: string): Promise<StatusUpdateEntity | null> {
    return this.updates.findOneBy({ id, initiativeId });
  }

  /** Whether the update is the initiative's newest, the one its health comes from. */
  async isLatest(initiativeId: string, id: string): Promise<boolean> {
    const [latest] = await this.db.manager.query(
      'SELECT id FROM status_update WHERE initiative_id = $1 ORDER BY period_end DESC, reported_at DESC, id LIMIT 1',
      [initiativeId],
    );
    return latest?.id === id;
  }

  /** The initiative's newest update, the one its health comes from; null when it has none. */
  latest(initiativeId: string): Promise<StatusUpdateEntity | null> {
    return this.updates.findOne({ where: { initiativeId }, order: { periodEnd: 'DESC', reportedAt: 'DESC', id: 'ASC' } });
  }

  /** Holds the initiative's row until the transaction ends, so that two reports for one period cannot both see it unreported. */
  async lockInitiative(initiativeId: string): Promise<void> {
    await this.db.manager.query('SELECT id FROM initiative WHERE id = $1 FOR UPDATE', [initiativeId]);
  }

  /**
   * One INSERT whose RETURNING is the new update as stored (defaults included), so that the answer
   * needs no second read. Fields left undefined take the column's default.
   */
  async create(values: NewStatusUpdate): Promise<StatusUpdateEntity> {
    const columns = INSERTED_COLUMNS.filter(([field]) => values[field] !== undefined);
    const [row] = await this.db.manager.query(
      `INSERT INTO status_update (${columns.map(([, column]) => column).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING ${RETURNED_COLUMNS}`,
      columns.map(([field]) => values[field]),
    );
    return row;
  }

  update(id: string, fields: Partial<StatusUpdateEntity>): Promise<void> {
    return updateVersioned(this.db.manager, StatusUpdateEntity, id, fields);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(StatusUpdateEntity, { id });
  }
}

/** What a new status update is written with; the rest (id, version, review, timestamps) comes from the table's defaults. */
export type NewStatusUpdate = Pick<
  StatusUpdateEntity,
  'initiativeId' | 'periodStart' | 'periodEnd' | 'health' | 'narrative' | 'baselineHealth' | 'authorName' | 'authorId'
> &
  Partial<
    Pick<
      StatusUpdateEntity,
      'blockers' | 'nextSteps' | 'internalText' | 'publicText' | 'publicTextState' | 'approvedPublicText' | 'delayCauseId' | 'delayReason' | 'noChange'
    >
  >;

const INSERTED_COLUMNS: readonly (readonly [keyof NewStatusUpdate, string])[] = [
  ['initiativeId', 'initiative_id'],
  ['periodStart', 'period_start'],
  ['periodEnd', 'period_end'],
  ['health', 'health'],
  ['narrative', 'narrative'],
  ['blockers', 'blockers'],
  ['nextSteps', 'next_steps'],
  ['internalText', 'internal_text'],
  ['publicText', 'public_text'],
  ['publicTextState', 'public_text_state'],
  ['approvedPublicText', 'approved_public_text'],
  ['baselineHealth', 'baseline_health'],
  ['delayCauseId', 'delay_cause_id'],
  ['delayReason', 'delay_reason'],
  ['noChange', 'no_change'],
  ['authorName', 'author_name'],
  ['authorId', 'author_id'],
];

/** Every column as StatusUpdateEntity names it; dates as ISO strings, as TypeORM reads a `date`. */
const RETURNED_COLUMNS = `id, created_at AS "createdAt", updated_at AS "updatedAt", version, initiative_id AS "initiativeId",
  to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", health, narrative, blockers,
  next_steps AS "nextSteps", internal_text AS "internalText", public_text AS "publicText", public_text_state AS "publicTextState",
  approved_public_text AS "approvedPublicText", review_comment AS "reviewComment", reviewed_at AS "reviewedAt", reviewer_id AS "reviewerId",
  reviewer_name AS "reviewerName", baseline_health AS "baselineHealth", delay_cause_id AS "delayCauseId", delay_reason AS "delayReason",
  no_change AS "noChange", author_name AS "authorName", author_id AS "authorId", reported_at AS "reportedAt"`;
