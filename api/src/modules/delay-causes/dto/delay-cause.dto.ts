import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LIMITS, type CreateDelayCause, type DelayCause, type UpdateDelayCause } from '@fremdrift/contracts';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { IsOptionalNonNull, TextField } from '../../../core/http/validation';
import type { DelayCauseEntity } from '../delay-cause.entity';

export class DelayCauseDto implements DelayCause {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'budget' })
  code: string;

  @ApiProperty({ example: 'Budget' })
  labelDa: string;

  @ApiProperty({ example: 'Budget' })
  labelEn: string;

  @ApiProperty({ description: 'Inactive causes stay on old updates but are not offered for new ones' })
  active: boolean;

  @ApiProperty()
  sortOrder: number;
}

export class CreateDelayCauseDto implements CreateDelayCause {
  @TextField(LIMITS.delayCauseCode, { example: 'staffing', description: 'Stable identifier: lower case letters, digits and _' })
  @Matches(/^[a-z0-9_]+$/, { message: 'code may contain lower case letters, digits and _ only' })
  code: string;

  @TextField(LIMITS.delayCauseLabel, { example: 'Bemanding' })
  labelDa: string;

  @TextField(LIMITS.delayCauseLabel, { example: 'Staffing' })
  labelEn: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptionalNonNull()
  @IsInt()
  @Min(LIMITS.position.min)
  @Max(LIMITS.position.max)
  sortOrder?: number;
}

export class UpdateDelayCauseDto extends PartialType(CreateDelayCauseDto, { skipNullProperties: false }) implements UpdateDelayCause {
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export function toDelayCauseDto(entity: DelayCauseEntity): DelayCauseDto {
  return { id: entity.id, code: entity.code, labelDa: entity.labelDa, labelEn: entity.labelEn, active: entity.active, sortOrder: entity.sortOrder };
}
