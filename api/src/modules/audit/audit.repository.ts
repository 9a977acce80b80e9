import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import type { PageWindow } from '../../core/http/pagination';
import type { AuditQueryDto, AuditRow } from './dto/audit-event.dto';

const COLUMNS = `id, occurred_at AS "occurredAt", actor_id AS "actorId", actor_name AS "actorName", entity_type AS "entityType",
  entity_id AS "entityId", initiative_id AS "initiativeId", action, changes`;

/** Reads the audit trail; the triggers of the AccountsAndAudit migration write it. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async findPage(query: AuditQueryDto, window: PageWindow): Promise<[AuditRow[], number]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entityType) add('entity_type = ?', query.entityType);
    if (query.action) add('action = ?', query.action);
    if (query.actorId) add('actor_id = ?', query.actorId);
    if (query.initiativeId) add('initiative_id = ?', query.initiativeId);
    if (query.from) add('occurred_at >= ?', query.from);
    if (query.to) add('occurred_at < ?', query.to);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.db.manager.query(`SELECT count(*)::int AS total FROM audit_event ${where}`, params);
    const rows = await this.db.manager.query(
      `SELECT ${COLUMNS} FROM audit_event ${where} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, window.pageSize, window.offset],
    );
    return [rows, total];
  }
}
