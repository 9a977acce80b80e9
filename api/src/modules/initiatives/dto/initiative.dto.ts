import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  HEALTHS,
  INITIATIVE_SORT_FIELDS,
  INITIATIVE_STATUSES,
  LIMITS,
  OPEN_MILESTONE_CHOICES,
  type OpenMilestoneChoice,
  type UpdateInitiative,
  REPORTING_PERIODS,
  REPORTING_STATES,
  type Reporting,
  type ReportingPeriod,
  type ReportingState,
  SORT_DIRECTIONS,
  type CreateInitiative,
  type Health,
  type Initiative,
  type InitiativeQuery,
  type InitiativeSortField,
  type InitiativeStatus,
  type InitiativeSummary,
  type PublicProposal,
  type SortDirection,
  type DepartmentRole,
} from '@fremdrift/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';
import {
  IsOptionalNonNull,
  NullableDateField,
  NullableTextField,
  NullableUuidField,
  OptionalTextField,
  TextField,
  ToArray,
  ToBoolean,
  ToLowerCase,
  UuidField,
} from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';
import { DepartmentParameter, DepartmentRoleParameter } from '../department-filter';

export class NextMilestoneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;
}

export class ReportingDto implements Reporting {
  @ApiProperty({ enum: REPORTING_STATES, description: 'done: reported for this period; due: not yet; overdue: an earlier period is missing too' })
  state: ReportingState;

  @ApiProperty({ enum: REPORTING_PERIODS })
  period: ReportingPeriod;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastReportedPeriodEnd: string | null;

  @ApiProperty({ description: 'Days since the first unreported period ended' })
  daysOverdue: number;
}

export class InitiativeSummaryDto implements InitiativeSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  actionPlanId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  goalId: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: DepartmentRefDto })
  leadDepartment: DepartmentRefDto;

  @ApiProperty({ type: [DepartmentRefDto] })
  participatingDepartments: DepartmentRefDto[];

  @ApiProperty({ description: 'The named person responsible' })
  ownerName: string;

  @ApiProperty({ enum: INITIATIVE_STATUSES })
  status: InitiativeStatus;

  @ApiProperty({ enum: HEALTHS, description: 'Health as reported by the responsible department' })
  health: Health;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  targetDate: string | null;

  @ApiProperty()
  published: boolean;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Weighted share of completed milestones (0 to 1)' })
  progress: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'Where the schedule says progress should be today' })
  expectedProgress: number | null;

  @ApiProperty({ enum: HEALTHS, description: 'Health suggested by comparing progress with the schedule' })
  suggestedHealth: Health;

  @ApiProperty()
  milestoneCount: number;

  @ApiProperty()
  completedMilestoneCount: number;

  @ApiProperty()
  overdueMilestoneCount: number;

  @ApiProperty({ type: NextMilestoneDto, nullable: true })
  nextMilestone: NextMilestoneDto | null;

  @ApiProperty({ type: ReportingDto, description: 'Whether this period’s status update is in' })
  reporting: ReportingDto;

  @ApiProperty({ minimum: 0, description: 'Public texts management returned to the lead: of status updates, and the public proposal' })
  returnedPublicTexts: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Increases with every change' })
  version: number;
}

export class PublicProposalDto implements PublicProposal {
  @ApiProperty({ type: Boolean, nullable: true, description: 'The proposed publication; null when unchanged' })
  published: boolean | null;

  @ApiProperty({ type: String, nullable: true, description: 'The proposed public summary; null when unchanged' })
  publicSummary: string | null;

  @ApiProperty({ enum: ['pending', 'returned'] })
  state: 'pending' | 'returned';

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty()
  proposerName: string;

  @ApiProperty({ description: 'Management’s comment when it returned the proposal' })
  reviewComment: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerName: string | null;
}

export class InitiativeDto extends InitiativeSummaryDto implements Initiative {
  @ApiProperty()
  description: string;

  @ApiProperty({ description: 'Plain-language summary for the public page, as approved' })
  publicSummary: string;

  @ApiProperty({ description: 'Internal notes; never shown publicly' })
  internalNotes: string;

  @ApiProperty({ description: 'Why the initiative was cancelled; empty unless it is' })
  cancellationReason: string;

  @ApiProperty({ type: String, nullable: true, description: 'The municipality’s own reference; imports match rows by it' })
  externalReference: string | null;

  @ApiProperty({
    type: PublicProposalDto,
    nullable: true,
    description: 'A lead’s change to `published` or `publicSummary` waiting for management (or returned by it); the public sees the approved values meanwhile',
  })
  publicProposal: PublicProposalDto | null;
}

export class CreateInitiativeDto implements CreateInitiative {
  @UuidField()
  actionPlanId: string;

  @NullableUuidField({ description: 'A goal of the same action plan' })
  goalId?: string | null;

  @TextField(LIMITS.title, { example: 'Sprogpraktik i lokale virksomheder' })
  title: string;

  @OptionalTextField(LIMITS.summary.max)
  summary?: string;

  @OptionalTextField(LIMITS.longText.max)
  description?: string;

  @UuidField()
  leadDepartmentId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Departments taking part, besides the lead' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @ToLowerCase()
  @IsUUID('all', { each: true })
  participatingDepartmentIds?: string[];

  @OptionalTextField(LIMITS.ownerName.max)
  ownerName?: string;

  @ApiPropertyOptional({ enum: INITIATIVE_STATUSES, default: 'planned' })
  @IsOptionalNonNull()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @ApiPropertyOptional({ enum: HEALTHS, default: 'on_track' })
  @IsOptionalNonNull()
  @IsIn(HEALTHS)
  health?: Health;

  @NullableDateField()
  startDate?: string | null;

  @NullableDateField({ description: 'On or after the start date' })
  targetDate?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Shown on the public page' })
  @IsOptionalNonNull()
  @IsBoolean()
  published?: boolean;

  @OptionalTextField(LIMITS.summary.max)
  publicSummary?: string;

  @OptionalTextField(LIMITS.longText.max)
  internalNotes?: string;

  @OptionalTextField(LIMITS.cancellationReason.max, { description: 'Required (at least 10 characters) when the status is `cancelled`' })
  cancellationReason?: string;

  @NullableTextField(LIMITS.externalReference.max, { description: 'Unique; an import matches rows by it when the id is empty' })
  externalReference?: string | null;
}

export class UpdateInitiativeDto extends PartialType(CreateInitiativeDto, { skipNullProperties: false }) implements UpdateInitiative {
  @ApiPropertyOptional({
    enum: OPEN_MILESTONE_CHOICES,
    description: 'When `status` becomes `completed` while milestones are open: `complete` marks them completed today, `keep` leaves them open',
  })
  @IsOptionalNonNull()
  @IsIn(OPEN_MILESTONE_CHOICES)
  openMilestones?: OpenMilestoneChoice;
}

export class InitiativeQueryDto extends PageQueryDto implements InitiativeQuery {
  @DepartmentParameter()
  department?: string;

  @DepartmentRoleParameter()
  departmentRole?: DepartmentRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  actionPlanId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  goalId?: string;

  @ApiPropertyOptional({ enum: INITIATIVE_STATUSES, isArray: true, description: 'Repeat or separate by commas' })
  @IsOptional()
  @ToArray()
  @IsIn(INITIATIVE_STATUSES, { each: true })
  status?: InitiativeStatus[];

  @ApiPropertyOptional({ enum: HEALTHS, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(HEALTHS, { each: true })
  health?: Health[];

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ description: 'Text search in title, summary and description' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.searchText.max)
  q?: string;

  @ApiPropertyOptional({ description: 'Only initiatives that a department of the signed-in user leads or takes part in' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: INITIATIVE_SORT_FIELDS, default: 'title' })
  @IsOptional()
  @IsIn(INITIATIVE_SORT_FIELDS)
  sort?: InitiativeSortField;

  @ApiPropertyOptional({ enum: SORT_DIRECTIONS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS)
  direction?: SortDirection;
}
