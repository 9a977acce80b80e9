import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import { updateVersioned } from '../../core/database/optimistic-lock';
import type { PageWindow } from '../../core/http/pagination';
import { MilestoneEntity } from './milestone.entity';

@Injectable()
export class MilestonesRepository {
  constructor(private readonly db: Database) {}

  private get milestones() {
    return this.db.manager.getRepository(MilestoneEntity);
  }

  findPage(initiativeId: string, window: PageWindow): Promise<[MilestoneEntity[], number]> {
    return this.milestones.findAndCount({
      where: { initiativeId },
      order: { position: 'ASC', dueDate: 'ASC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  findOne(initiativeId: string, id: string): Promise<MilestoneEntity | null> {
    return this.milestones.findOneBy({ id, initiativeId });
  }

  async nextPosition(initiativeId: string): Promise<number> {
    const row = await this.milestones
      .createQueryBuilder('m')
      .select('coalesce(max(m.position) + 1, 0)::int', 'next')
      .where('m.initiative_id = :initiativeId', { initiativeId })
      .getRawOne<{ next: number }>();
    return row?.next ?? 0;
  }

  create(values: Partial<MilestoneEntity>): Promise<MilestoneEntity> {
    const { manager } = this.db;
    return manager.save(MilestoneEntity, manager.create(MilestoneEntity, values));
  }

  update(id: string, fields: Partial<MilestoneEntity>): Promise<void> {
    return updateVersioned(this.db.manager, MilestoneEntity, id, fields);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(MilestoneEntity, { id });
  }
}
