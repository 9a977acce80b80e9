import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import { DelayCauseEntity } from './delay-cause.entity';

@Injectable()
export class DelayCausesRepository {
  constructor(private readonly db: Database) {}

  findAll(): Promise<DelayCauseEntity[]> {
    return this.db.manager.getRepository(DelayCauseEntity).find({ order: { sortOrder: 'ASC', labelDa: 'ASC' } });
  }

  findById(id: string): Promise<DelayCauseEntity | null> {
    return this.db.manager.getRepository(DelayCauseEntity).findOneBy({ id });
  }

  save(values: Partial<DelayCauseEntity>): Promise<DelayCauseEntity> {
    const { manager } = this.db;
    return manager.save(DelayCauseEntity, manager.create(DelayCauseEntity, values));
  }
}
