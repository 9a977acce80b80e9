import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import type { PageWindow } from '../../core/http/pagination';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsRepository {
  constructor(@InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>) {}

  findPage(window: PageWindow): Promise<[DepartmentEntity[], number]> {
    return this.departments.findAndCount({ order: { sortOrder: 'ASC', name: 'ASC' }, skip: window.offset, take: window.pageSize });
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<DepartmentEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.departments.findBy({ id: In(ids) });
  }

  create(manager: EntityManager, values: Partial<DepartmentEntity>): Promise<DepartmentEntity> {
    return manager.save(DepartmentEntity, manager.create(DepartmentEntity, values));
  }

  save(manager: EntityManager, entity: DepartmentEntity): Promise<DepartmentEntity> {
    return manager.save(DepartmentEntity, entity);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(DepartmentEntity, { id });
  }
}
