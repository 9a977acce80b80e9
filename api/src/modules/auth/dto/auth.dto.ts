import { ApiProperty } from '@nestjs/swagger';
import { LIMITS, USER_ROLES, type ChangePasswordRequest, type LoginRequest, type UserRole } from '@fremdrift/contracts';
import { IsString, Length } from 'class-validator';
import { HasNoInvisibleCharacters, NormalizeEmail } from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: USER_ROLES })
  role: UserRole;

  @ApiProperty({ type: [DepartmentRefDto], description: 'For department leads: the departments they answer for' })
  departments: DepartmentRefDto[];
}

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'leder.mso@fremdrift.example' })
  @NormalizeEmail()
  @IsString()
  @HasNoInvisibleCharacters()
  @Length(1, LIMITS.email.max)
  email: string;

  @ApiProperty({ example: 'fremdrift-demo' })
  @IsString()
  @Length(1, LIMITS.password.max)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, LIMITS.password.max)
  currentPassword: string;

  @ApiProperty({ minLength: LIMITS.password.min, maxLength: LIMITS.password.max })
  @IsString()
  @Length(LIMITS.password.min, LIMITS.password.max)
  newPassword: string;
}
