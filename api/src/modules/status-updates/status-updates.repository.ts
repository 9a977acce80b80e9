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

  create(values: Partial<StatusUpdateEntity>): Promise<StatusUpdateEntity> {
    const { manager } = this.db;
    return manager.save(StatusUpdateEntity, manager.create(StatusUpdateEntity, values));
  }

  update(id: string, fields: Partial<StatusUpdateEntity>): Promise<void> {
    return updateVersioned(this.db.manager, StatusUpdateEntity, id, fields);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(StatusUpdateEntity, { id });
  }
}
