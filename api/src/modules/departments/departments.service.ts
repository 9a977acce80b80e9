import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { ResourceNotFoundException } from '../../core/http/problem';
import { DepartmentsRepository } from './departments.repository';
import { type CreateDepartmentDto, type DepartmentDto, type UpdateDepartmentDto, toDepartmentDto } from './dto/department.dto';
import type { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(query: PageQueryDto): Promise<Page<DepartmentDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.departments.findPage(window);
    return toPage(rows.map(toDepartmentDto), total, window);
  }

  async get(id: string): Promise<DepartmentDto> {
    return toDepartmentDto(await this.require(id));
  }

  async create(user: AuthenticatedUser, input: CreateDepartmentDto): Promise<DepartmentDto> {
    return toDepartmentDto(await this.tx.run(actorOf(user), () => this.departments.create(input)));
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateDepartmentDto): Promise<DepartmentDto> {
    const department = await this.require(id);
    // Fields left out of the request stay as they are (the DTO has them as undefined).
    Object.assign(department, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
    return toDepartmentDto(await this.tx.run(actorOf(user), () => this.departments.save(department)));
  }

  /** A department that leads or takes part in an initiative cannot be removed (409). */
  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.require(id);
    await this.tx.run(actorOf(user), () => this.departments.delete(id));
  }

  private async require(id: string): Promise<DepartmentEntity> {
    const department = await this.departments.findById(id);
    if (!department) throw new ResourceNotFoundException('Department', id);
    return department;
  }
}
