import { ApiPropertyOptional } from '@nestjs/swagger';
import { HEALTHS, INITIATIVE_STATUSES, LIMITS, type Health, type InitiativeStatus } from '@fremdrift/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';
import { ToArray, ToLowerCase } from '../../../core/http/validation';

/** The filters of the public list, as the front page offers them. */
export class PublicInitiativeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the initiatives of this action plan' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  plan?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the initiatives that pursue this goal' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  goal?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.departmentCode.max, description: "A department's code: the initiatives it leads or takes part in" })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.departmentCode.max)
  department?: string;

  @ApiPropertyOptional({ enum: INITIATIVE_STATUSES, isArray: true, description: 'Repeat or separate by commas' })
  @IsOptional()
  @ToArray()
  @IsIn(INITIATIVE_STATUSES, { each: true })
  status?: InitiativeStatus[];

  @ApiPropertyOptional({ enum: HEALTHS, isArray: true, description: 'Repeat or separate by commas' })
  @IsOptional()
  @ToArray()
  @IsIn(HEALTHS, { each: true })
  health?: Health[];

  @ApiPropertyOptional({
    maxLength: LIMITS.searchText.max,
    description: 'Words that must all occur, ignoring case and accents, in the title, summary, plan, goal, departments or named partners',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchText.max)
  q?: string;
}
