import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@fremdrift/contracts';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { HasNoInvisibleCharacters, IsOptionalNonNull, NormalizeEmail, ToLowerCase } from '../../../core/http/validation';

export const FOLLOW_LANGUAGES = ['da', 'en'] as const;

/** A citizen asks to follow one published initiative or one action plan. */
export class FollowRequestDto {
  @ApiProperty({ format: 'email', example: 'borger@example.dk' })
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @HasNoInvisibleCharacters()
  @MaxLength(LIMITS.email.max)
  email: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The published initiative to follow; give this or actionPlanId' })
  @IsOptionalNonNull()
  @ToLowerCase()
  @IsUUID('all')
  initiativeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The action plan to follow, with all its published initiatives; give this or initiativeId' })
  @IsOptionalNonNull()
  @ToLowerCase()
  @IsUUID('all')
  actionPlanId?: string;

  @ApiProperty({ enum: FOLLOW_LANGUAGES, description: 'The language of the mails' })
  @IsIn(FOLLOW_LANGUAGES)
  language: (typeof FOLLOW_LANGUAGES)[number];
}

/** The same answer whether or not the address follows already. */
export class FollowAcceptedDto {
  @ApiProperty({ example: 'If the address can receive mail, a confirmation link is on its way.' })
  detail: string;
}

export class FollowTokenQueryDto {
  @ApiProperty({ description: 'The token from the link in the e-mail' })
  @IsString()
  @Length(1, 200)
  token: string;
}
