import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DelayCauseEntity } from './delay-cause.entity';

@Injectable()
export class DelayCausesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAll(): Promise<DelayCauseEntity[]> {
    return this.dataSource.getRepository(DelayCauseEntity).find({ order: { sortOrder: 'ASC', labelDa: 'ASC' } });
  }

  findById(id: string): Promise<DelayCauseEntity | null> {
    return this.dataSource.getRepository(DelayCauseEntity).findOneBy({ id });
  }

  save(manager: EntityManager, values: Partial<DelayCauseEntity>): Promise<DelayCauseEntity> {
    return manager.save(DelayCauseEntity, manager.create(DelayCauseEntity, values));
  }
}
