import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDITED_ENTITIES,
  type AuditAction,
  type AuditedEntity,
  type AuditEvent,
  type AuditFilterOptions,
  type AuditLabel,
  type AuditQuery,
  type AuditRecord,
  type FieldChange,
} from '@fremdrift/contracts';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ToLowerCase } from '../../../core/http/validation';
import { PageQueryDto } from '../../../core/http/pagination';

export class AuditActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system (demo data, command line)' })
  id: string | null;

  @ApiProperty({ example: 'Mette Holm <leder.mso@fremdrift.example>' })
  name: string;
}

export class AuditLabelDto implements AuditLabel {
  @ApiProperty({ example: 'Sprogcafé for nye borgere' })
  da: string;

  @ApiProperty({ example: 'Sprogcafé for nye borgere', description: 'The same as `da` unless the record has an English name (delay causes)' })
  en: string;
}

export class AuditRecordDto implements AuditRecord {
  @ApiProperty()
  id: string;

  @ApiProperty({
    type: AuditLabelDto,
    nullable: true,
    description: 'A title or name; for a status update its period, `2026-10-01/2026-10-31`; null when nothing knows it',
  })
  label: AuditLabelDto | null;

  @ApiProperty({ description: 'The record no longer exists; its label is the last one the trail recorded' })
  deleted: boolean;
}

@ApiExtraModels(AuditLabelDto)
export class AuditEventDto implements AuditEvent {
  @ApiProperty({ description: 'Increasing with time' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ enum: AUDITED_ENTITIES })
  entityType: AuditedEntity;

  @ApiProperty({ description: 'The changed record; for links, the linked department, partner or user' })
  entityId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  initiativeId: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({
    description: 'Changed fields (camelCase) with their values before and after',
    type: 'object',
    additionalProperties: { type: 'object', properties: { before: {}, after: {} } },
    example: { health: { before: 'on_track', after: 'at_risk' } },
  })
  changes: Record<string, FieldChange>;

  @ApiProperty({ type: AuditRecordDto, description: 'The changed record in words; for a link row the linked department, partner or user' })
  subject: AuditRecordDto;

  @ApiProperty({ type: AuditRecordDto, nullable: true, description: 'The initiative the record belongs to' })
  initiative: AuditRecordDto | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(AuditLabelDto) },
    description: 'The name of each record an id in `changes` refers to, by id',
    example: { '0b7c1e2a-1111-2222-3333-444455556666': { da: 'Børn og Unge', en: 'Børn og Unge' } },
  })
  references: Record<string, AuditLabel>;
}

export class AuditActorOptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Mette Holm' })
  name: string;

  @ApiProperty({ example: 'leder.mso@fremdrift.example' })
  email: string;
}

export class AuditFilterOptionsDto implements AuditFilterOptions {
  @ApiProperty({ type: [AuditActorOptionDto], description: 'Everyone who has changed something, by name' })
  actors: AuditActorOptionDto[];

  @ApiProperty({ type: [AuditRecordDto], description: 'Every initiative, deleted ones included, by title' })
  initiatives: AuditRecordDto[];
}

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entityType?: AuditedEntity;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @ToLowerCase()
  @IsUUID('all')
  initiativeId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time (inclusive)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date or time' })
  to?: string;
}

interface AuditRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  entityType: AuditedEntity;
  entityId: string;
  initiativeId: string | null;
  action: AuditAction;
  changes: Record<string, FieldChange>;
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** What an event is about, in words. */
export interface AuditNames {
  subject: AuditRecord;
  initiative: AuditRecord | null;
  references: Record<string, AuditLabel>;
}

export function toAuditEventDto(row: AuditRow, names: AuditNames): AuditEventDto {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurredAt).toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    entityType: row.entityType,
    entityId: row.entityId,
    initiativeId: row.initiativeId,
    action: row.action,
    changes: Object.fromEntries(Object.entries(row.changes).map(([field, change]) => [camelCase(field), change])),
    subject: names.subject,
    initiative: names.initiative,
    references: names.references,
  };
}

export type { AuditRow };
