import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CYCLE_SETTING_LIMITS,
  LIMITS,
  type ActionPlan,
  type ActionPlanQuery,
  type CreateActionPlan,
  type CreateGoal,
  type Goal,
  type Participants,
  REPORTING_PERIODS,
  type ReportingPeriod,
  type UpdateActionPlan,
} from '@fremdrift/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination';
import { IsOptionalNonNull, NullableDateField, OptionalTextField, TextField, ToBoolean } from '../../../core/http/validation';
import type { ActionPlanEntity } from '../action-plan.entity';
import type { GoalEntity } from '../goal.entity';

export class ParticipantsDto implements Participants {
  @ApiProperty({ description: 'Citizens, among them refugees', example: 35 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.participants.max)
  citizens: number;

  @ApiProperty({ example: 25 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.participants.max)
  volunteers: number;

  @ApiProperty({ example: 15 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.participants.max)
  companies: number;

  @ApiProperty({ description: 'Civil-society associations', example: 20 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.participants.max)
  civilSociety: number;

  @ApiProperty({ description: 'Municipal staff and leaders', example: 25 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.participants.max)
  staff: number;
}

export class PartialParticipantsDto extends PartialType(ParticipantsDto, { skipNullProperties: false }) {}

export class GoalDto implements Goal {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  actionPlanId: string;

  @ApiProperty({ example: 'Et sundt og aktivt liv' })
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  sortOrder: number;
}

export class CreateGoalDto implements CreateGoal {
  @TextField(LIMITS.title, { example: 'Et sundt og aktivt liv' })
  title: string;

  @OptionalTextField(LIMITS.longText.max)
  description?: string;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsInt()
  @Min(LIMITS.position.min)
  @Max(LIMITS.position.max)
  sortOrder?: number;
}

export class UpdateGoalDto extends PartialType(CreateGoalDto, { skipNullProperties: false }) {}

export class ActionPlanDto implements ActionPlan {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Flygtningehandleplan 2016' })
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the plan was co-created' })
  coCreationDate: string | null;

  @ApiProperty({ example: 'Design Thinking' })
  coCreationMethod: string;

  @ApiProperty({ type: ParticipantsDto, description: 'Participants in the co-creation, by group' })
  participants: ParticipantsDto;

  @ApiProperty({ type: [GoalDto] })
  goals: GoalDto[];

  @ApiProperty()
  initiativeCount: number;

  @ApiProperty({ enum: REPORTING_PERIODS, description: 'How often its initiatives report' })
  reportingPeriod: ReportingPeriod;

  @ApiProperty({ description: 'Leads publish public texts themselves; otherwise management approves them first' })
  leadsPublishDirectly: boolean;

  @ApiProperty({ description: 'Leads are reminded before a period ends, and late reports escalated' })
  remindersEnabled: boolean;

  @ApiProperty({ description: 'The first reminder goes out this many days before the period ends' })
  reminderDaysBefore: number;

  @ApiProperty({ description: 'A period still unreported this many days after it ended is escalated to the department’s management contact' })
  escalationGraceDays: number;

  @ApiProperty({ description: 'An archived plan is hidden from the list by default and takes no new initiatives' })
  archived: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CreateActionPlanDto implements CreateActionPlan {
  @TextField(LIMITS.title, { example: 'Flygtningehandleplan 2016' })
  title: string;

  @OptionalTextField(LIMITS.longText.max)
  description?: string;

  @NullableDateField()
  coCreationDate?: string | null;

  @OptionalTextField(LIMITS.coCreationMethod.max, { example: 'Design Thinking' })
  coCreationMethod?: string;

  @ApiPropertyOptional({ type: PartialParticipantsDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => PartialParticipantsDto)
  participants?: PartialParticipantsDto;

  @ApiPropertyOptional({ enum: REPORTING_PERIODS, default: 'monthly' })
  @IsOptionalNonNull()
  @IsIn(REPORTING_PERIODS)
  reportingPeriod?: ReportingPeriod;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  leadsPublishDirectly?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  remindersEnabled?: boolean;

  @ApiPropertyOptional({
    default: CYCLE_SETTING_LIMITS.reminderDaysBefore.default,
    minimum: CYCLE_SETTING_LIMITS.reminderDaysBefore.min,
    maximum: CYCLE_SETTING_LIMITS.reminderDaysBefore.max,
  })
  @IsOptionalNonNull()
  @IsInt()
  @Min(CYCLE_SETTING_LIMITS.reminderDaysBefore.min)
  @Max(CYCLE_SETTING_LIMITS.reminderDaysBefore.max)
  reminderDaysBefore?: number;

  @ApiPropertyOptional({
    default: CYCLE_SETTING_LIMITS.escalationGraceDays.default,
    minimum: CYCLE_SETTING_LIMITS.escalationGraceDays.min,
    maximum: CYCLE_SETTING_LIMITS.escalationGraceDays.max,
  })
  @IsOptionalNonNull()
  @IsInt()
  @Min(CYCLE_SETTING_LIMITS.escalationGraceDays.min)
  @Max(CYCLE_SETTING_LIMITS.escalationGraceDays.max)
  escalationGraceDays?: number;

  @ApiPropertyOptional({ type: [CreateGoalDto], description: 'Goals created with the plan, in one transaction' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateGoalDto)
  goals?: CreateGoalDto[];
}

export class UpdateActionPlanDto
  extends PartialType(OmitType(CreateActionPlanDto, ['goals'] as const), { skipNullProperties: false })
  implements UpdateActionPlan
{
  @ApiPropertyOptional({ description: 'Archives the plan (true) or brings it back (false)' })
  @IsOptionalNonNull()
  @IsBoolean()
  archived?: boolean;
}

export class ActionPlanQueryDto extends PageQueryDto implements ActionPlanQuery {
  @ApiPropertyOptional({ default: false, description: 'Archived plans (true) or the others (false)' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  archived?: boolean;
}

/** Goals in the plan's order, then alphabetically in Danish: the same wherever goals are listed. */
export function inGoalOrder<T extends { sortOrder: number; title: string }>(goals: readonly T[]): T[] {
  return [...goals].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'da'));
}

export function toGoalDto(goal: GoalEntity): GoalDto {
  return { id: goal.id, actionPlanId: goal.actionPlanId, title: goal.title, description: goal.description, sortOrder: goal.sortOrder };
}

export function participantsOf(plan: ActionPlanEntity): ParticipantsDto {
  return {
    citizens: plan.participantsCitizens,
    volunteers: plan.participantsVolunteers,
    companies: plan.participantsCompanies,
    civilSociety: plan.participantsCivilSociety,
    staff: plan.participantsStaff,
  };
}

export function participantColumns(participants: Partial<Participants>): Partial<ActionPlanEntity> {
  const columns: Partial<ActionPlanEntity> = {};
  if (participants.citizens !== undefined) columns.participantsCitizens = participants.citizens;
  if (participants.volunteers !== undefined) columns.participantsVolunteers = participants.volunteers;
  if (participants.companies !== undefined) columns.participantsCompanies = participants.companies;
  if (participants.civilSociety !== undefined) columns.participantsCivilSociety = participants.civilSociety;
  if (participants.staff !== undefined) columns.participantsStaff = participants.staff;
  return columns;
}

export function toActionPlanDto(plan: ActionPlanEntity, initiativeCount: number): ActionPlanDto {
  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    coCreationDate: plan.coCreationDate,
    coCreationMethod: plan.coCreationMethod,
    participants: participantsOf(plan),
    reportingPeriod: plan.reportingPeriod,
    leadsPublishDirectly: plan.leadsPublishDirectly,
    remindersEnabled: plan.remindersEnabled,
    reminderDaysBefore: plan.reminderDaysBefore,
    escalationGraceDays: plan.escalationGraceDays,
    archived: plan.archivedAt !== null,
    archivedAt: plan.archivedAt?.toISOString() ?? null,
    goals: inGoalOrder(plan.goals ?? []).map(toGoalDto),
    initiativeCount,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}
