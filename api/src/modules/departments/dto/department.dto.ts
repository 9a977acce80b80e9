import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LIMITS, type CreateDepartment, type Department, type DepartmentRef, type UpdateDepartment } from '@fremdrift/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { HasNoInvisibleCharacters, IsNullable, IsOptionalNonNull, TextField } from '../../../core/http/validation';
import type { DepartmentEntity } from '../department.entity';

export class DepartmentRefDto implements DepartmentRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'MSO' })
  code: string;

  @ApiProperty({ example: 'Sundhed og Omsorg' })
  name: string;
}

export class DepartmentDto extends DepartmentRefDto implements Department {
  @ApiProperty()
  sortOrder: number;

  @ApiProperty({ description: 'Inactive departments stay on existing initiatives but cannot be chosen for new or changed ones' })
  active: boolean;

  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'Where late reports of its initiatives are escalated' })
  managementContactEmail: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CreateDepartmentDto implements CreateDepartment {
  @TextField(LIMITS.departmentCode, { example: 'MSO', description: 'Short code: capital letters and digits' })
  @Matches(LIMITS.departmentCode.pattern, { message: 'code may contain only capital letters and digits' })
  code: string;

  @TextField(LIMITS.departmentName, { example: 'Sundhed og Omsorg' })
  name: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsInt()
  @Min(LIMITS.position.min)
  @Max(LIMITS.position.max)
  sortOrder?: number;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, example: 'ledelse.mso@aarhus.dk', description: 'null or an empty string clears it' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value))
  @IsNullable()
  @IsEmail({}, { message: 'managementContactEmail must be an e-mail address' })
  @HasNoInvisibleCharacters()
  @MaxLength(LIMITS.email.max)
  managementContactEmail?: string | null;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto, { skipNullProperties: false }) implements UpdateDepartment {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export function toDepartmentRef(entity: DepartmentEntity): DepartmentRefDto {
  return { id: entity.id, code: entity.code, name: entity.name };
}

export function toDepartmentDto(entity: DepartmentEntity): DepartmentDto {
  return {
    ...toDepartmentRef(entity),
    sortOrder: entity.sortOrder,
    active: entity.active,
    managementContactEmail: entity.managementContactEmail ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
