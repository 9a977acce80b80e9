import { ApiProperty } from '@nestjs/swagger';
import {
  LIMITS,
  USER_ROLES,
  type ChangePasswordRequest,
  type LoginRequest,
  type LogoutResult,
  type SignInOptions,
  type SingleSignOnKind,
  type UserRole,
} from '@fremdrift/contracts';
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

  @ApiProperty({ description: 'False for a user created by the identity provider: there is no password to change' })
  hasPassword: boolean;
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

export class SingleSignOnOptionDto {
  @ApiProperty({ enum: ['oidc', 'saml'] })
  kind: SingleSignOnKind;

  @ApiProperty({ example: 'Aarhus Kommune', description: 'The municipality’s name on the button: "Log ind med <label>"' })
  label: string;

  @ApiProperty({ example: '/api/auth/oidc/login', description: 'Where the browser starts a sign-in; add ?returnTo=/path to come back there' })
  startUrl: string;
}

export class SignInOptionsDto implements SignInOptions {
  @ApiProperty({ type: SingleSignOnOptionDto, nullable: true, description: 'Null when no identity provider is configured' })
  singleSignOn: SingleSignOnOptionDto | null;

  @ApiProperty({ enum: ['all', 'break-glass'], description: 'break-glass: only the break-glass accounts may sign in with a password' })
  localAccounts: 'all' | 'break-glass';

  @ApiProperty({ type: String, nullable: true, description: 'Who to contact for access; shown when a sign-in is refused' })
  accessContact: string | null;
}

export class LogoutResultDto implements LogoutResult {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where the browser goes next to end the identity provider’s session too; null for a password session',
  })
  endSessionUrl: string | null;
}
