import { Injectable } from '@nestjs/common';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { ConflictProblemException, fieldError, invalidField, ResourceNotFoundException, StaleVersionException } from '../../core/http/problem';
import { DepartmentsRepository } from '../departments/departments.repository';
import {
  toIdentityRoleMappingDto,
  type CreateIdentityRoleMappingDto,
  type IdentityRoleMappingDto,
  type UpdateIdentityRoleMappingDto,
} from './dto/identity-role-mapping.dto';
import { IdentityRoleMappingsRepository, type IdentityRoleMappingFields, type IdentityRoleMappingRow } from './identity-role-mappings.repository';

/**
 * The admins' mappings from the identity provider's groups and job-function roles to Fremdrift
 * roles. They take effect at each user's next sign-in.
 */
@Injectable()
export class IdentityRoleMappingsService {
  constructor(
    private readonly mappings: IdentityRoleMappingsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<IdentityRoleMappingDto[]> {
    return (await this.mappings.findAll()).map(toIdentityRoleMappingDto);
  }

  async create(user: AuthenticatedUser, input: CreateIdentityRoleMappingDto): Promise<IdentityRoleMappingDto> {
    const fields: IdentityRoleMappingFields = {
      claimValue: input.claimValue,
      unitConstraint: input.unitConstraint ?? null,
      role: input.role,
      departmentId: input.departmentId ?? null,
      description: input.description ?? null,
    };
    const id = await this.tx.run(actorOf(user), async () => {
      await this.checkDepartment(fields, null);
      await this.mappings.lockChanges();
      await this.refuseDuplicate(fields, null);
      return this.mappings.create(fields);
    });
    return this.get(id);
  }

  async update(user: AuthenticatedUser, id: string, version: number, input: UpdateIdentityRoleMappingDto): Promise<IdentityRoleMappingDto> {
    await this.tx.run(actorOf(user), async () => {
      await this.mappings.lockChanges();
      const current = await this.lockCurrent(id, version);
      const fields: IdentityRoleMappingFields = {
        claimValue: input.claimValue ?? current.claimValue,
        unitConstraint: input.unitConstraint === undefined ? current.unitConstraint : input.unitConstraint,
        role: input.role ?? current.role,
        departmentId: input.departmentId === undefined ? (current.department?.id ?? null) : input.departmentId,
        description: input.description === undefined ? current.description : input.description,
      };
      // A lead mapping that becomes another role drops its department unless the request names one.
      if (input.role !== undefined && input.role !== 'department_lead' && input.departmentId === undefined) fields.departmentId = null;
      await this.checkDepartment(fields, current.department?.id ?? null);
      await this.refuseDuplicate(fields, id);
      await this.mappings.update(id, fields);
    });
    return this.get(id);
  }

  async remove(user: AuthenticatedUser, id: string, version: number): Promise<void> {
    await this.tx.run(actorOf(user), async () => {
      await this.lockCurrent(id, version);
      await this.mappings.delete(id);
    });
  }

  private async get(id: string): Promise<IdentityRoleMappingDto> {
    const row = await this.mappings.findById(id);
    if (!row) throw new ResourceNotFoundException('Role mapping', id);
    return toIdentityRoleMappingDto(row);
  }

  /** The mapping, locked, if it is still at the version the client read: 404 or 409 otherwise. */
  private async lockCurrent(id: string, version: number): Promise<IdentityRoleMappingRow> {
    const locked = await this.mappings.lockVersion(id);
    const current = locked === null ? null : await this.mappings.findById(id);
    if (!current) throw new ResourceNotFoundException('Role mapping', id);
    if (current.version !== version) throw new StaleVersionException(toIdentityRoleMappingDto(current));
    return current;
  }

  /** A department lead mapping names an existing department, active unless it had it already (`kept`); the other roles name none. */
  private async checkDepartment(fields: IdentityRoleMappingFields, kept: string | null): Promise<void> {
    if (fields.role !== 'department_lead') {
      if (fields.departmentId !== null) throw invalidField('departmentId', 'departmentOnlyForLead', 'departmentId is only for the department_lead role');
      return;
    }
    if (fields.departmentId === null) throw invalidField('departmentId', 'leadDepartmentRequired', 'departmentId is required for the department_lead role');
    const [department] = await this.departments.findByIds([fields.departmentId]);
    if (!department) throw invalidField('departmentId', 'unknownReference', 'departmentId refers to a department that does not exist');
    if (!department.active && department.id !== kept) {
      throw invalidField('departmentId', 'inactiveDepartment', 'departmentId refers to a department that is no longer active');
    }
  }

  private async refuseDuplicate(fields: IdentityRoleMappingFields, exceptId: string | null): Promise<void> {
    if ((await this.mappings.findDuplicate(fields, exceptId)) === null) return;
    throw new ConflictProblemException('A mapping of this value and unit to this role and department exists already.', {
      code: 'unique',
      errors: { claimValue: [fieldError('unique', 'a mapping of this value and unit to this role and department exists already')] },
    });
  }
}
