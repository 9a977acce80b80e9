import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  HEALTHS,
  LIMITS,
  NO_CHANGE_NOTE_MAX,
  PUBLIC_TEXT_STATES,
  type CreateStatusUpdate,
  type RecordNoChange,
  type Health,
  type PublicTextState,
  type StatusUpdate,
} from '@fremdrift/contracts';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsIsoDate, IsOptionalNonNull, NullableUuidField, OptionalTextField, Trim } from '../../../core/http/validation';
import type { StatusUpdateEntity } from '../status-update.entity';

export class StatusUpdateDto implements StatusUpdate {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  initiativeId: string;

  @ApiProperty({ format: 'date', description: 'First day of the reporting period' })
  periodStart: string;

  @ApiProperty({ format: 'date', description: 'Last day of the reporting period' })
  periodEnd: string;

  @ApiProperty({ enum: HEALTHS })
  health: Health;

  @ApiProperty({ description: 'What happened in the period' })
  narrative: string;

  @ApiProperty()
  blockers: string;

  @ApiProperty()
  nextSteps: string;

  @ApiProperty({ description: 'Internal text; never shown publicly' })
  internalText: string;

  @ApiProperty({ description: 'Text for the public page, as written; the public reads approvedPublicText' })
  publicText: string;

  @ApiProperty({ enum: PUBLIC_TEXT_STATES, description: 'The public text reaches the public page only when approved' })
  publicTextState: PublicTextState;

  @ApiProperty({ description: 'The last approved public text: what the public sees while a change waits for approval' })
  approvedPublicText: string;

  @ApiProperty({ description: 'Management’s comment when it returned the public text' })
  reviewComment: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Why health dropped' })
  delayCauseId: string | null;

  @ApiProperty()
  delayReason: string;

  @ApiPropertyOptional({ description: 'true when recorded as "no changes since last time" (the previous update carried over); absent otherwise' })
  noChange?: boolean;

  @ApiProperty()
  authorName: string;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class CreateStatusUpdateDto implements CreateStatusUpdate {
  @ApiProperty({ format: 'date', example: '2026-10-01' })
  @IsIsoDate()
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2026-10-31', description: 'On or after periodStart' })
  @IsIsoDate()
  periodEnd: string;

  @ApiProperty({ enum: HEALTHS })
  @IsIn(HEALTHS)
  health: Health;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(1, LIMITS.longText.max)
  narrative: string;

  @OptionalTextField(LIMITS.longText.max)
  blockers?: string;

  @OptionalTextField(LIMITS.longText.max)
  nextSteps?: string;

  @OptionalTextField(LIMITS.longText.max)
  internalText?: string;

  @OptionalTextField(LIMITS.longText.max)
  publicText?: string;

  @NullableUuidField({ description: 'Required (with delayReason) when health drops' })
  delayCauseId?: string | null;

  @ApiPropertyOptional({ description: 'What caused the drop in health; required when health drops' })
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.delayReason.max)
  delayReason?: string;

  @ApiPropertyOptional({ example: 'Mette Holm', description: 'Who reports, when not the signed-in user (default: their name)' })
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @Length(1, LIMITS.authorName.max)
  authorName?: string;
}

export class RecordNoChangeDto implements RecordNoChange {
  @OptionalTextField(NO_CHANGE_NOTE_MAX, { description: 'A short note, kept as the update’s internal remark' })
  note?: string;
}

export class UpdateStatusUpdateDto extends PartialType(CreateStatusUpdateDto, { skipNullProperties: false }) {}

export function toStatusUpdateDto(entity: StatusUpdateEntity): StatusUpdateDto {
  return {
    id: entity.id,
    initiativeId: entity.initiativeId,
    periodStart: entity.periodStart,
    periodEnd: entity.periodEnd,
    health: entity.health,
    narrative: entity.narrative,
    blockers: entity.blockers,
    nextSteps: entity.nextSteps,
    internalText: entity.internalText,
    publicText: entity.publicText,
    publicTextState: entity.publicTextState,
    approvedPublicText: entity.approvedPublicText,
    reviewComment: entity.reviewComment,
    reviewedAt: entity.reviewedAt ? entity.reviewedAt.toISOString() : null,
    reviewerName: entity.reviewerName,
    delayCauseId: entity.delayCauseId,
    delayReason: entity.delayReason,
    // Only on carried-over updates, so that every other update keeps the shape it had.
    ...(entity.noChange ? { noChange: true } : {}),
    authorName: entity.authorName,
    reportedAt: entity.reportedAt.toISOString(),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}
