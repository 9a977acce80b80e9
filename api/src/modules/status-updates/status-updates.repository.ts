import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

  save(values: Partial<StatusUpdateEntity>): Promise<StatusUpdateEntity> {
    return this.updates.save(this.updates.create(values));
  }

  async delete(id: string): Promise<void> {
    await this.updates.delete({ id });
  }
}
