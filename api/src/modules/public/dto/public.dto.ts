import { ApiProperty } from '@nestjs/swagger';
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  PARTNER_TYPES,
  type Health,
  type InitiativeStatus,
  type Page,
  type PartnerType,
  type PublicActionPlan,
  type PublicInitiative,
  type PublicInitiatives,
  type PublicMilestone,
  type PublicPartner,
  type PublicUpdate,
} from '@fremdrift/contracts';
import { ParticipantsDto } from '../../action-plans/dto/action-plan.dto';
import { DepartmentRefDto } from '../../departments/dto/department.dto';

class PublicRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

class PublicMilestoneDto implements PublicMilestone {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedDate: string | null;
}

class PublicUpdateDto implements PublicUpdate {
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ enum: HEALTHS }) health: Health;
  @ApiProperty({ description: 'The approved public text' }) text: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

class PublicPartnerDto implements PublicPartner {
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_TYPES }) type: PartnerType;
  @ApiProperty() role: string;
}

export class PublicInitiativeDto implements PublicInitiative {
  @ApiProperty({ format: 'uuid', description: 'Stable; the public page is /initiativ/{id}' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Plain-language summary' }) summary: string;
  @ApiProperty({ type: PublicRefDto }) actionPlan: PublicRefDto;
  @ApiProperty({ type: PublicRefDto, nullable: true }) goal: PublicRefDto | null;
  @ApiProperty({ type: DepartmentRefDto }) leadDepartment: DepartmentRefDto;
  @ApiProperty({ type: [DepartmentRefDto] }) participatingDepartments: DepartmentRefDto[];
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: InitiativeStatus;
  @ApiProperty({ enum: HEALTHS, description: 'As reported by the responsible department' }) health: Health;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Weighted share of milestones reached' }) progress: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'Where the schedule says it should be today' })
  expectedProgress: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) targetDate: string | null;
  @ApiProperty({ type: [PublicMilestoneDto] }) milestones: PublicMilestoneDto[];
  @ApiProperty({ type: [PublicUpdateDto], description: 'Approved public status texts, newest first' }) updates: PublicUpdateDto[];
  @ApiProperty({ type: [PublicPartnerDto], description: 'Co-creation partners that agreed to be named' }) partners: PublicPartnerDto[];
  @ApiProperty({ format: 'date-time' }) lastUpdatedAt: string;
}

/** The download of every published initiative (`/api/public/initiatives.json`). */
export class PublicInitiativesDto implements PublicInitiatives {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the newest of these initiatives last changed' })
  lastUpdatedAt: string | null;
  @ApiProperty({ description: 'How many there are' }) total: number;
  @ApiProperty({ type: [PublicInitiativeDto] }) items: PublicInitiativeDto[];
}

/** A page of the published initiatives (`/api/public/initiatives`). */
export class PublicInitiativesPageDto implements Page<PublicInitiative>, PublicInitiatives {
  @ApiProperty({ type: [PublicInitiativeDto] }) items: PublicInitiativeDto[];
  @ApiProperty({ description: 'Number of initiatives matching the query, over all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the newest initiative on this page last changed' })
  lastUpdatedAt: string | null;
  @ApiProperty({
    type: [DepartmentRefDto],
    description: 'Every department that leads or takes part in a published initiative: the choices of the department filter',
  })
  departments: DepartmentRefDto[];
}

class PublicGoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
}

export class PublicActionPlanDto implements PublicActionPlan {
  @ApiProperty({ format: 'uuid', description: 'Stable; the public page is /handleplan/{id}' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When it was co-created' }) coCreationDate: string | null;
  @ApiProperty() coCreationMethod: string;
  @ApiProperty({ type: ParticipantsDto, description: 'Who took part in the co-creation, by group' }) participants: ParticipantsDto;
  @ApiProperty({ type: [PublicGoalDto] }) goals: PublicGoalDto[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Its published initiatives' }) initiativeIds: string[];
}
