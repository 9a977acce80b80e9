import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDENTITY_ROLE_MAPPING_LIMITS, USER_ROLES, type IdentityRoleMapping, type IdentityRoleMappingInput, type UserRole } from '@fremdrift/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { HasNoInvisibleCharacters, IsOptionalNonNull, NullableTextField, NullableUuidField, TextField, Trim } from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';
import type { IdentityRoleMappingRow } from '../identity-role-mappings.repository';

const LIMITS = IDENTITY_ROLE_MAPPING_LIMITS;

export class IdentityRoleMappingDto implements IdentityRoleMapping {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'SG-Fremdrift-Ledelse',
    description: 'The group or job-function role as the identity provider sends it (compared without regard to case)',
  })
  claimValue: string;

  @ApiProperty({ type: String, nullable: true, description: 'Only for a role constrained to this organisation unit (KOMBIT); null for any' })
  unitConstraint: string | null;

  @ApiProperty({ enum: USER_ROLES })
  role: UserRole;

  @ApiProperty({ type: DepartmentRefDto, nullable: true, description: 'The department a department lead leads; null for the other roles' })
  department: DepartmentRefDto | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty()
  version: number;
}

const CLAIM_VALUE_API = {
  example: 'SG-Fremdrift-Ledelse',
  description: 'The group (OIDC groups/roles claim, SAML attribute) or KOMBIT job-function role that gives the role',
};
const UNIT_API = { description: 'For KOMBIT: the organisation unit the job-function role must be constrained to; null for any unit' };
const DEPARTMENT_API = { description: 'Required for department_lead, and only for it: the department the lead leads' };

export class CreateIdentityRoleMappingDto implements IdentityRoleMappingInput {
  @TextField(LIMITS.claimValue, CLAIM_VALUE_API)
  @HasNoInvisibleCharacters()
  claimValue: string;

  @NullableTextField(LIMITS.unitConstraint.max, UNIT_API)
  @HasNoInvisibleCharacters()
  unitConstraint: string | null = null;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @NullableUuidField(DEPARTMENT_API)
  departmentId: string | null = null;

  @NullableTextField(LIMITS.description.max, { example: 'Direktion og stab' })
  description: string | null = null;
}

/** Fields left out stay as they are; null clears the unit, department or description. */
export class UpdateIdentityRoleMappingDto implements Partial<IdentityRoleMappingInput> {
  @ApiPropertyOptional({ minLength: LIMITS.claimValue.min, maxLength: LIMITS.claimValue.max, ...CLAIM_VALUE_API })
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @Length(LIMITS.claimValue.min, LIMITS.claimValue.max)
  @HasNoInvisibleCharacters()
  claimValue?: string;

  @NullableTextField(LIMITS.unitConstraint.max, UNIT_API)
  @HasNoInvisibleCharacters()
  unitConstraint?: string | null;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptionalNonNull()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @NullableUuidField(DEPARTMENT_API)
  departmentId?: string | null;

  @NullableTextField(LIMITS.description.max)
  description?: string | null;
}

export function toIdentityRoleMappingDto(row: IdentityRoleMappingRow): IdentityRoleMappingDto {
  return {
    id: row.id,
    claimValue: row.claimValue,
    unitConstraint: row.unitConstraint,
    role: row.role,
    department: row.department,
    description: row.description,
    version: row.version,
  };
}
