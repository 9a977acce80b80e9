import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LIMITS, type CreateDelayCause, type DelayCause, type UpdateDelayCause } from '@fremdrift/contracts';
import { IsBoolean, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOptionalNonNull, Trim } from '../../../core/http/validation';
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
  @ApiProperty({ example: 'staffing', description: 'Stable identifier: lower case letters, digits and _' })
  @Trim()
  @IsString()
  @Length(LIMITS.delayCauseCode.min, LIMITS.delayCauseCode.max)
  @Matches(/^[a-z0-9_]+$/, { message: 'code may contain lower case letters, digits and _ only' })
  code: string;

  @ApiProperty({ example: 'Bemanding' })
  @Trim()
  @IsString()
  @Length(LIMITS.delayCauseLabel.min, LIMITS.delayCauseLabel.max)
  labelDa: string;

  @ApiProperty({ example: 'Staffing' })
  @Trim()
  @IsString()
  @Length(LIMITS.delayCauseLabel.min, LIMITS.delayCauseLabel.max)
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
