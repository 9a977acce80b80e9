import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  COMPLIANCE_LIST_LIMIT,
  MAIL_KINDS,
  OUTBOX_STATES,
  type ComplianceMail,
  type MailKind,
  type OutboxState,
  type ComplianceCounts,
  type ComplianceRow,
  type Dashboard,
  type DashboardHeadline,
  type DashboardQuery,
  type DepartmentProgress,
  type HealthCounts,
  type HealthOverTime,
  type InitiativeStatus,
  type MilestoneWeek,
  type DepartmentRole,
} from '@fremdrift/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate, ToLowerCase } from '../../../core/http/validation';
import { DepartmentRefDto } from '../../departments/dto/department.dto';
import { DepartmentParameter, DepartmentRoleParameter } from '../../initiatives/department-filter';
import type { ExportLanguage } from '../../../core/export/labels';
import { EXPORT_LANGUAGES } from '../../initiative-transfer/dto/initiative-transfer.dto';
import { EXPORT_TABLES, type ExportTable } from '../dashboard-export';

class HealthCountsDto implements HealthCounts {
  @ApiProperty() on_track: number;
  @ApiProperty() at_risk: number;
  @ApiProperty() off_track: number;
}

class StatusCountsDto implements Record<InitiativeStatus, number> {
  @ApiProperty() idea: number;
  @ApiProperty() planned: number;
  @ApiProperty() in_progress: number;
  @ApiProperty() on_hold: number;
  @ApiProperty() completed: number;
  @ApiProperty() cancelled: number;
}

export class DashboardQueryDto implements DashboardQuery {
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

  @DepartmentParameter()
  department?: string;

  @DepartmentRoleParameter()
  departmentRole?: DepartmentRole;

  @ApiPropertyOptional({ format: 'date', description: 'Start of "health over time" (default: the first status update)' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'End of "health over time" (default: today)' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

/** An export's view, its language and, for the workbook, the snapshot whose changes since it are listed. */
export class DashboardExportQueryDto extends DashboardQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'The language of the headings and words; default the user’s own language setting, else Danish' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A reporting snapshot: the workbook adds a sheet of the changes since it (400 unknownReference if none)',
  })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  since?: string;
}

export class ExportCsvQueryDto extends OmitType(DashboardExportQueryDto, ['since'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_TABLES, default: 'departments' })
  @IsOptional()
  @IsIn(EXPORT_TABLES)
  table?: ExportTable;
}

class MilestoneFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Completed on or before the due date (or without one)' }) completedOnTime: number;
  @ApiProperty({ type: Number, nullable: true, description: 'completedOnTime / completed' }) onTimeShare: number | null;
  @ApiProperty() overdue: number;
  @ApiProperty() dueNext90Days: number;
}

export class DashboardHeadlineDto implements DashboardHeadline {
  @ApiProperty() initiatives: number;
  @ApiProperty({ type: StatusCountsDto }) byStatus: StatusCountsDto;
  @ApiProperty({ type: HealthCountsDto }) byHealth: HealthCountsDto;
  @ApiProperty({ type: Number, nullable: true }) averageProgress: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageExpectedProgress: number | null;
  @ApiProperty({ type: MilestoneFiguresDto }) milestones: MilestoneFiguresDto;
}

class LeadFiguresDto {
  @ApiProperty() initiatives: number;
  @ApiProperty({ type: Number, nullable: true }) averageProgress: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageExpectedProgress: number | null;
  @ApiProperty({ type: HealthCountsDto }) byHealth: HealthCountsDto;
}

class ParticipatingFiguresDto {
  @ApiProperty() initiatives: number;
  @ApiProperty({ type: Number, nullable: true }) averageProgress: number | null;
}

export class DepartmentProgressDto implements DepartmentProgress {
  @ApiProperty({ type: DepartmentRefDto }) department: DepartmentRefDto;
  @ApiProperty({ type: LeadFiguresDto, description: 'Initiatives the department leads' }) lead: LeadFiguresDto;
  @ApiProperty({ type: ParticipatingFiguresDto, description: 'Initiatives it takes part in without leading' }) participating: ParticipatingFiguresDto;
}

export class HealthOverTimeDto implements HealthOverTime {
  @ApiProperty({ example: '2017-03' }) month: string;
  @ApiProperty({ type: HealthCountsDto }) byHealth: HealthCountsDto;
  @ApiProperty({ description: 'Initiatives that had reported by the end of the month' }) reported: number;
}

export class MilestoneWeekDto implements MilestoneWeek {
  @ApiProperty({ format: 'date', description: 'Monday of the week' }) weekStart: string;
  @ApiProperty() due: number;
}

class ComplianceInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

class ComplianceMailDto implements ComplianceMail {
  @ApiProperty({ enum: MAIL_KINDS }) kind: MailKind;
  @ApiProperty() to: string;
  @ApiProperty({ type: String, nullable: true }) recipientName: string | null;
  @ApiProperty({ format: 'date-time', description: 'When it was sent, or written to the outbox if not sent yet' }) at: string;
  @ApiProperty({ enum: OUTBOX_STATES }) state: OutboxState;
}

export class ComplianceRowDto implements ComplianceRow {
  @ApiProperty({ type: ComplianceInitiativeDto }) initiative: ComplianceInitiativeDto;
  @ApiProperty({ type: DepartmentRefDto }) leadDepartment: DepartmentRefDto;
  @ApiProperty({ enum: ['due', 'overdue'] }) state: 'due' | 'overdue';
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastReportedPeriodEnd: string | null;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ type: ComplianceMailDto, nullable: true, description: 'The latest reminder about it, scheduled or manual' })
  lastReminder: ComplianceMailDto | null;
  @ApiProperty({ type: ComplianceMailDto, nullable: true, description: 'The latest escalation about it' }) lastEscalation: ComplianceMailDto | null;
}

class ComplianceCountsDto implements ComplianceCounts {
  @ApiProperty() awaiting: number;
  @ApiProperty({ description: 'Of them, those with an earlier period missing too' }) overdue: number;
}

export class DashboardDto implements Dashboard {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: DashboardQueryDto }) filters: DashboardQueryDto;
  @ApiProperty({ type: DashboardHeadlineDto }) headline: DashboardHeadlineDto;
  @ApiProperty({ type: [DepartmentProgressDto] }) departments: DepartmentProgressDto[];
  @ApiProperty({ type: [HealthOverTimeDto] }) healthOverTime: HealthOverTimeDto[];
  @ApiProperty({ type: [MilestoneWeekDto], description: 'Open milestones due in each week of the next 90 days' }) milestoneWeeks: MilestoneWeekDto[];
  @ApiProperty({
    type: [ComplianceRowDto],
    description: `Initiatives without a status update for the current period, most overdue first: at most ${COMPLIANCE_LIST_LIMIT} (all of them in the exports)`,
  })
  compliance: ComplianceRowDto[];
  @ApiProperty({ type: ComplianceCountsDto, description: 'All the initiatives of the view without a status update for the current period' })
  complianceCounts: ComplianceCountsDto;
}
