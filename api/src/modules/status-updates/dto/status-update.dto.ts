import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { HEALTHS, LIMITS, type CreateStatusUpdate, type Health, type StatusUpdate } from '@fremdrift/contracts';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsIsoDate, IsOptionalNonNull, Trim } from '../../../core/http/validation';
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

  @ApiProperty({ description: 'Text for the public page' })
  publicText: string;

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

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(LIMITS.longText.max)
  blockers?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(LIMITS.longText.max)
  nextSteps?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(LIMITS.longText.max)
  internalText?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(LIMITS.longText.max)
  publicText?: string;

  @ApiPropertyOptional({ example: 'Mette Holm', description: 'Who reports, when not the signed-in user (default: their name)' })
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @Length(1, LIMITS.authorName.max)
  authorName?: string;
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
    authorName: entity.authorName,
    reportedAt: entity.reportedAt.toISOString(),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}
