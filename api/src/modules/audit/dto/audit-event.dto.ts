import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDITED_ENTITIES,
  type AuditAction,
  type AuditedEntity,
  type AuditEvent,
  type AuditQuery,
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

export function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurredAt).toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    entityType: row.entityType,
    entityId: row.entityId,
    initiativeId: row.initiativeId,
    action: row.action,
    changes: Object.fromEntries(Object.entries(row.changes).map(([field, change]) => [camelCase(field), change])),
  };
}

export type { AuditRow };
