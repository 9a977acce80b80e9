import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { updateVersioned } from '../../core/database/optimistic-lock';
import type { PageWindow } from '../../core/http/pagination';
import { StatusUpdateEntity } from './status-update.entity';

@Injectable()
export class StatusUpdatesRepository {
  constructor(@InjectRepository(StatusUpdateEntity) private readonly updates: Repository<StatusUpdateEntity>) {}

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

  create(manager: EntityManager, values: Partial<StatusUpdateEntity>): Promise<StatusUpdateEntity> {
    return manager.save(StatusUpdateEntity, manager.create(StatusUpdateEntity, values));
  }

  update(manager: EntityManager, id: string, fields: Partial<StatusUpdateEntity>): Promise<void> {
    return updateVersioned(manager, StatusUpdateEntity, id, fields);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(StatusUpdateEntity, { id });
  }
}
