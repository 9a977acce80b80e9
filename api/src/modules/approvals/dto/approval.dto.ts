import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIMITS,
  REVIEW_DECISIONS,
  type PendingApproval,
  type PendingApprovalInitiative,
  type ReviewDecision,
  type ReviewPublicText,
} from '@fremdrift/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsOptionalNonNull, Trim } from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';
import { PublicProposalDto } from '../../initiatives/dto/initiative.dto';
import { StatusUpdateDto } from '../../status-updates/dto/status-update.dto';

export class ReviewPublicTextDto implements ReviewPublicText {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when returning the text to the lead' })
  @IsOptionalNonNull()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.reviewComment.max)
  comment?: string;
}

export class PendingApprovalInitiativeDto implements PendingApprovalInitiative {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: DepartmentRefDto })
  leadDepartment: DepartmentRefDto;

  @ApiProperty({ description: 'Whether the public sees the initiative now' })
  published: boolean;

  @ApiProperty({ description: 'The approved public summary: what the public sees now' })
  publicSummary: string;

  @ApiProperty({ description: 'Send it in If-Match when reviewing the initiative’s public proposal' })
  version: number;
}

export class PendingApprovalDto {
  @ApiProperty({ enum: ['status_update', 'initiative'], description: 'What waits: a status update’s public text, or a change to an initiative’s public face' })
  kind: PendingApproval['kind'];

  @ApiPropertyOptional({ type: StatusUpdateDto, description: 'When kind is status_update' })
  statusUpdate?: StatusUpdateDto;

  @ApiPropertyOptional({ type: PublicProposalDto, description: 'When kind is initiative' })
  proposal?: PublicProposalDto;

  @ApiProperty({ type: PendingApprovalInitiativeDto })
  initiative: PendingApprovalInitiativeDto;
}
