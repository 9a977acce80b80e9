import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  SNAPSHOT_NAME_LIMITS,
  SNAPSHOT_NOW,
  type CreateReportingSnapshotRequest,
  type Health,
  type InitiativeStatus,
  type ReportingSnapshot,
  type ReportingSnapshotSummary,
  type SnapshotDelayCauseLabels,
  type SnapshotDiff,
  type SnapshotDiffInitiativeRef,
  type SnapshotInitiative,
} from '@fremdrift/contracts';
import { IsOptional, Matches } from 'class-validator';
import { NullableUuidField, TextField, ToLowerCase } from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';

export class CreateReportingSnapshotDto implements CreateReportingSnapshotRequest {
  @TextField(SNAPSHOT_NAME_LIMITS, { example: 'Status pr. 1. december 2026' })
  name: string;

  @NullableUuidField({ description: 'Freeze only this plan; left out or null for every plan' })
  actionPlanId: string | null;
}

export class SnapshotDiffQueryDto {
  @ApiPropertyOptional({ description: `A later (or earlier) snapshot's id, or \`${SNAPSHOT_NOW}\` for the current state`, default: SNAPSHOT_NOW })
  @IsOptional()
  @ToLowerCase()
  @Matches(/^(now|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: 'to must be a snapshot id or "now"' })
  to?: string;
}

export class ReportingSnapshotSummaryDto implements ReportingSnapshotSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Status pr. 1. december 2026' }) name: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ description: 'The name of who froze it, as it was then' }) takenBy: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The plan it covers; null for every plan' }) actionPlanId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The plan’s title when frozen' }) actionPlanTitle: string | null;
  @ApiProperty() initiativeCount: number;
}

class DelayCauseLabelsDto implements SnapshotDelayCauseLabels {
  @ApiProperty() da: string;
  @ApiProperty() en: string;
}

export class SnapshotInitiativeDto implements SnapshotInitiative {
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) actionPlanId: string;
  @ApiProperty({ type: DepartmentRefDto }) leadDepartment: DepartmentRefDto;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: InitiativeStatus;
  @ApiProperty({ enum: HEALTHS, nullable: true }) health: Health | null;
  @ApiProperty({ description: '0–100' }) progress: number;
  @ApiProperty({ type: Number, nullable: true, description: '0–100' }) expectedProgress: number | null;
  @ApiProperty({ type: String, nullable: true }) latestPublicText: string | null;
  @ApiProperty({ type: String, nullable: true }) latestInternalText: string | null;
  @ApiProperty() milestonesCompleted: number;
  @ApiProperty() milestonesOverdue: number;
  @ApiProperty({ type: String, nullable: true, description: 'In Danish' }) delayCause: string | null;
  @ApiProperty({ type: DelayCauseLabelsDto, nullable: true }) delayCauseLabels: DelayCauseLabelsDto | null;
}

export class ReportingSnapshotDto extends ReportingSnapshotSummaryDto implements ReportingSnapshot {
  @ApiProperty({ type: [SnapshotInitiativeDto] }) initiatives: SnapshotInitiativeDto[];
}

class DiffInitiativeRefDto implements SnapshotDiffInitiativeRef {
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: DepartmentRefDto }) leadDepartment: DepartmentRefDto;
}

class DiffFromDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
}

class DiffToDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for now' }) id: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
}

class HealthChangeDto extends DiffInitiativeRefDto {
  @ApiProperty({ enum: HEALTHS, nullable: true }) before: Health | null;
  @ApiProperty({ enum: HEALTHS, nullable: true }) after: Health | null;
  @ApiProperty({ enum: ['better', 'worse'] }) direction: 'better' | 'worse';
}

class CompletedMilestonesDto extends DiffInitiativeRefDto {
  @ApiProperty() count: number;
}

class NewDelayDto extends DiffInitiativeRefDto {
  @ApiProperty({ enum: HEALTHS }) health: Health;
  @ApiProperty({ type: String, nullable: true }) delayCause: string | null;
  @ApiProperty({ type: DelayCauseLabelsDto, nullable: true }) delayCauseLabels: DelayCauseLabelsDto | null;
}

export class SnapshotDiffDto implements SnapshotDiff {
  @ApiProperty({ type: DiffFromDto }) from: DiffFromDto;
  @ApiProperty({ type: DiffToDto }) to: DiffToDto;
  @ApiProperty({ type: [HealthChangeDto] }) healthChanges: HealthChangeDto[];
  @ApiProperty({ type: [DiffInitiativeRefDto] }) completedInitiatives: DiffInitiativeRefDto[];
  @ApiProperty({ type: [CompletedMilestonesDto] }) completedMilestones: CompletedMilestonesDto[];
  @ApiProperty({ type: [NewDelayDto] }) newDelays: NewDelayDto[];
  @ApiProperty({ type: [DiffInitiativeRefDto] }) added: DiffInitiativeRefDto[];
  @ApiProperty({ type: [DiffInitiativeRefDto] }) cancelled: DiffInitiativeRefDto[];
  @ApiProperty({ type: [DiffInitiativeRefDto], description: 'Deleted since' }) removed: DiffInitiativeRefDto[];
}
