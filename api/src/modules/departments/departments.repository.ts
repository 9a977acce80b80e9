import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';
import { In } from 'typeorm';
import type { PageWindow } from '../../core/http/pagination';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly db: Database) {}

  private get departments() {
    return this.db.manager.getRepository(DepartmentEntity);
  }

  findPage(window: PageWindow): Promise<[DepartmentEntity[], number]> {
    return this.departments.findAndCount({ order: { sortOrder: 'ASC', name: 'ASC' }, skip: window.offset, take: window.pageSize });
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<DepartmentEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.departments.findBy({ id: In(ids) });
  }

  findByCodes(codes: string[]): Promise<DepartmentEntity[]> {
    return codes.length === 0 ? Promise.resolve([]) : this.departments.findBy({ code: In(codes) });
  }

  create(values: Partial<DepartmentEntity>): Promise<DepartmentEntity> {
    const { manager } = this.db;
    return manager.save(DepartmentEntity, manager.create(DepartmentEntity, values));
  }

  save(entity: DepartmentEntity): Promise<DepartmentEntity> {
    return this.db.manager.save(DepartmentEntity, entity);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(DepartmentEntity, { id });
  }
}
