import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAIL_KINDS, OUTBOX_STATES, type MailKind, type OutboxState, type SentMailRecord } from '@fremdrift/contracts';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { IsOptionalNonNull, UuidField } from '../../../core/http/validation';
import { UNSUBSCRIBE_SCOPES, type UnsubscribeScope } from '../unsubscribe-signer';

export const MAIL_LANGUAGES = ['da', 'en'] as const;
export type MailLanguageSetting = (typeof MAIL_LANGUAGES)[number];

/** The query string of an unsubscribe link. */
export class UnsubscribeQueryDto {
  @UuidField({ description: 'The user the link was sent to' })
  user: string;

  @ApiProperty({ enum: UNSUBSCRIBE_SCOPES })
  @IsIn(UNSUBSCRIBE_SCOPES)
  scope: UnsubscribeScope;

  @ApiProperty({ description: 'The HMAC of the user and scope' })
  @IsString()
  @MaxLength(100)
  signature: string;
}

class RecipientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class ManualReminderResultDto {
  @ApiProperty({ type: [RecipientDto], description: 'The leads who were sent a reminder now' }) sentTo: RecipientDto[];
  @ApiProperty({ type: [RecipientDto], description: 'The leads who had already had a manual reminder today' }) alreadyRemindedToday: RecipientDto[];
}

export class SentMailDto implements SentMailRecord {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ enum: MAIL_KINDS }) kind: MailKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) recipientName: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ enum: OUTBOX_STATES }) state: OutboxState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

/** The signed-in user's own e-mail settings. */
export class MailSettingsDto {
  @ApiProperty({ description: 'Reminders before a reporting period ends' }) remindersEnabled: boolean;
  @ApiProperty({ description: 'The weekly digest (management)' }) digestEnabled: boolean;
  @ApiProperty({ enum: MAIL_LANGUAGES, description: 'The language of the e-mails' }) language: MailLanguageSetting;
}

export class UpdateMailSettingsDto {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  remindersEnabled?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  digestEnabled?: boolean;

  @ApiPropertyOptional({ enum: MAIL_LANGUAGES })
  @IsOptionalNonNull()
  @IsIn(MAIL_LANGUAGES)
  language?: MailLanguageSetting;
}
