import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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

  create(values: Partial<DepartmentEntity>): Promise<DepartmentEntity> {
    return this.departments.save(this.departments.create(values));
  }

  save(entity: DepartmentEntity): Promise<DepartmentEntity> {
    return this.departments.save(entity);
  }

  async delete(id: string): Promise<void> {
    await this.departments.delete({ id });
  }
}
