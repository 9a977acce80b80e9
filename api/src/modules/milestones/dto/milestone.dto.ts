import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LIMITS, type CreateMilestone, type Milestone } from '@fremdrift/contracts';
import { isMilestoneOverdue } from '@fremdrift/progress';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalNonNull, NullableDateField, OptionalTextField, TextField } from '../../../core/http/validation';
import type { MilestoneEntity } from '../milestone.entity';

export class MilestoneDto implements Milestone {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  initiativeId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Set when the milestone is done' })
  completedDate: string | null;

  @ApiProperty({ minimum: LIMITS.milestoneWeight.min, maximum: LIMITS.milestoneWeight.max })
  weight: number;

  @ApiProperty()
  position: number;

  @ApiProperty({ description: 'Open and past its due date' })
  overdue: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class CreateMilestoneDto implements CreateMilestone {
  @TextField(LIMITS.title, { example: 'Første hold afsluttet' })
  title: string;

  @OptionalTextField(LIMITS.longText.max)
  description?: string;

  @NullableDateField()
  dueDate?: string | null;

  @NullableDateField({ description: 'Not in the future' })
  completedDate?: string | null;

  @ApiPropertyOptional({ minimum: LIMITS.milestoneWeight.min, maximum: LIMITS.milestoneWeight.max, default: 1 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(LIMITS.milestoneWeight.min)
  @Max(LIMITS.milestoneWeight.max)
  weight?: number;

  @ApiPropertyOptional({ description: 'Order within the initiative; defaults to last' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(LIMITS.position.min)
  @Max(LIMITS.position.max)
  position?: number;
}

export class UpdateMilestoneDto extends PartialType(CreateMilestoneDto, { skipNullProperties: false }) {}

export function toMilestoneDto(entity: MilestoneEntity, today: string): MilestoneDto {
  return {
    id: entity.id,
    initiativeId: entity.initiativeId,
    title: entity.title,
    description: entity.description,
    dueDate: entity.dueDate,
    completedDate: entity.completedDate,
    weight: entity.weight,
    position: entity.position,
    overdue: isMilestoneOverdue(entity, today),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}
