import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAIL_KINDS,
  OUTBOX_STATES,
  type MailKind,
  type OutboxMessage,
  type OutboxMessageSummary,
  type OutboxQuery,
  type OutboxState,
} from '@fremdrift/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';

export class OutboxQueryDto extends PageQueryDto implements OutboxQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATES })
  @IsOptional()
  @IsIn(OUTBOX_STATES)
  state?: OutboxState;

  @ApiPropertyOptional({ enum: MAIL_KINDS })
  @IsOptional()
  @IsIn(MAIL_KINDS)
  kind?: MailKind;
}

export class OutboxMessageSummaryDto implements OutboxMessageSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MAIL_KINDS })
  kind: MailKind;

  @ApiProperty({ example: 'leder.mso@kommune.example' })
  to: string;

  @ApiProperty({ type: String, nullable: true, description: "The recipient's name, when the recipient is a user" })
  recipientName: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty({ enum: OUTBOX_STATES, description: '`held`: no SMTP server is configured; the message stays here to be read' })
  state: OutboxState;

  @ApiProperty({ description: 'Delivery attempts so far' })
  attempts: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The next attempt, while pending' })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
}

export class OutboxMessageDto extends OutboxMessageSummaryDto implements OutboxMessage {
  @ApiProperty({ example: 'reminder:4b1d…:2026-11' })
  idempotencyKey: string;

  @ApiProperty({ enum: ['da', 'en'] })
  language: 'da' | 'en';

  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'Show only in a sandboxed frame' })
  html: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  initiativeIds: string[];
}
