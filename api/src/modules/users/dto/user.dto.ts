import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, USER_ROLES, type CreateUser, type ResetPassword, type UpdateUser, type User, type UserQuery, type UserRole } from '@fremdrift/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';
import { HasNoInvisibleCharacters, IsOptionalNonNull, NormalizeEmail, TextField, ToBoolean, ToLowerCase, Trim } from '../../../core/http/validation';
import { SessionUserDto } from '../../auth/dto/auth.dto';
import type { UserRow } from '../users.repository';

export class UserDto extends SessionUserDto implements User {
  @ApiProperty({ description: 'A deactivated user cannot sign in' })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class CreateUserDto implements CreateUser {
  @ApiProperty({ format: 'email', example: 'leder.mso@aarhus.dk' })
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @HasNoInvisibleCharacters()
  @MaxLength(LIMITS.email.max)
  email: string;

  @TextField(LIMITS.displayName, { example: 'Mette Holm' })
  displayName: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'For department leads: the departments they answer for' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @ToLowerCase()
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiProperty({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max, description: 'The first password; the user can change it' })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max)
  password: string;
}

export class ResetPasswordDto implements ResetPassword {
  @ApiProperty({
    minLength: LIMITS.password.min,
    maxLength: LIMITS.password.max,
    description: 'A temporary password the admin hands over; the user can change it',
  })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max)
  password: string;
}

export class UpdateUserDto implements UpdateUser {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @Length(LIMITS.displayName.min, LIMITS.displayName.max)
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptionalNonNull()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @ToLowerCase()
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class UserQueryDto extends PageQueryDto implements UserQuery {
  @ApiPropertyOptional({ description: 'Search in e-mail and name' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchText.max)
  q?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    departments: row.departments,
    hasPassword: row.hasPassword,
    active: row.active,
    lastLoginAt: row.lastLoginAt ? new Date(row.lastLoginAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}
