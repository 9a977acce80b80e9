import { Injectable } from '@nestjs/common';
import { Database } from '../../core/database/database';

import type { PageWindow } from '../../core/http/pagination';
import { LABEL_FIELDS, type LabelledKind } from './audit-labels';
import type { AuditQueryDto, AuditRow } from './dto/audit-event.dto';

const COLUMNS = `id, occurred_at AS "occurredAt", actor_id AS "actorId", actor_name AS "actorName", entity_type AS "entityType",
  entity_id AS "entityId", initiative_id AS "initiativeId", action, changes`;

/** The current name of each kind of record, as the values of its label fields. */
const CURRENT_LABELS: Record<LabelledKind, string> = {
  initiative: `SELECT id, title AS a, NULL AS b FROM initiative`,
  milestone: `SELECT id, title AS a, NULL AS b FROM milestone`,
  goal: `SELECT id, title AS a, NULL AS b FROM goal`,
  action_plan: `SELECT id, title AS a, NULL AS b FROM action_plan`,
  department: `SELECT id, name AS a, NULL AS b FROM department`,
  partner: `SELECT id, name AS a, NULL AS b FROM partner`,
  user: `SELECT id, display_name AS a, NULL AS b FROM app_user`,
  status_update: `SELECT id, to_char(period_start, 'YYYY-MM-DD') AS a, to_char(period_end, 'YYYY-MM-DD') AS b FROM status_update`,
  delay_cause: `SELECT id, label_da AS a, label_en AS b FROM delay_cause`,
  identity_role_mapping: `SELECT id, claim_value AS a, NULL AS b FROM identity_role_mapping`,
  reporting_snapshot: `SELECT id, name AS a, NULL AS b FROM reporting_snapshot`,
};

export interface LabelValues {
  kind: LabelledKind;
  id: string;
  values: Record<string, string | null>;
}

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

  /** The label fields of the records that still exist, in one query over every kind asked for. */
  async currentLabels(ids: Map<LabelledKind, string[]>): Promise<LabelValues[]> {
    const parts: string[] = [];
    const params: string[][] = [];
    for (const [kind, list] of ids) {
      if (list.length === 0) continue;
      params.push(list);
      parts.push(`SELECT '${kind}' AS kind, id::text AS id, a, b FROM (${CURRENT_LABELS[kind]}) AS k WHERE id = ANY($${params.length}::uuid[])`);
    }
    if (parts.length === 0) return [];
    const rows: { kind: LabelledKind; id: string; a: string | null; b: string | null }[] = await this.db.manager.query(parts.join(' UNION ALL '), params);
    return rows.map(({ kind, id, a, b }) => {
      const [first, second] = LABEL_FIELDS[kind];
      return { kind, id, values: { [first]: a, ...(second ? { [second]: b } : {}) } };
    });
  }

  /**
   * What the trail last knew of the label fields of records that no longer exist: per record and
   * field, the newest value recorded (a delete records the values the record had).
   */
  async trailLabels(records: { kind: LabelledKind; id: string }[]): Promise<LabelValues[]> {
    if (records.length === 0) return [];
    const fields = [...new Set(records.flatMap(({ kind }) => LABEL_FIELDS[kind]))];
    const rows: { kind: LabelledKind; id: string; field: string; value: string | null }[] = await this.db.manager.query(
      `SELECT DISTINCT ON (e.entity_type, e.entity_id, f.key) e.entity_type AS kind, e.entity_id AS id, f.key AS field,
         CASE WHEN e.action = 'delete' THEN f.value ->> 'before' ELSE f.value ->> 'after' END AS value
       FROM audit_event e CROSS JOIN LATERAL jsonb_each(e.changes) AS f
       WHERE (e.entity_type, e.entity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         AND f.key = ANY($3::text[])
       ORDER BY e.entity_type, e.entity_id, f.key, e.id DESC`,
      [records.map(({ kind }) => kind), records.map(({ id }) => id), fields],
    );
    const byRecord = new Map<string, LabelValues>();
    for (const { kind, id, field, value } of rows) {
      if (!LABEL_FIELDS[kind]?.includes(field)) continue;
      const key = `${kind}:${id}`;
      const entry = byRecord.get(key) ?? { kind, id, values: {} };
      entry.values[field] = value;
      byRecord.set(key, entry);
    }
    return [...byRecord.values()];
  }

  /** Everyone who has written something, as they are named now. */
  async actors(): Promise<{ id: string; name: string; email: string }[]> {
    return this.db.manager.query(
      `SELECT u.id, u.display_name AS name, u.email FROM app_user u
       WHERE EXISTS (SELECT 1 FROM audit_event e WHERE e.actor_id = u.id)
       ORDER BY u.display_name, u.email`,
    );
  }

  /** Every initiative: those that exist, and those deleted with the title they had. */
  async initiatives(): Promise<{ id: string; title: string; deleted: boolean }[]> {
    return this.db.manager.query(
      `SELECT id::text AS id, title, false AS deleted FROM initiative
       UNION ALL
       SELECT e.entity_id AS id, e.changes -> 'title' ->> 'before' AS title, true AS deleted
       FROM audit_event e
       WHERE e.entity_type = 'initiative' AND e.action = 'delete' AND NOT EXISTS (SELECT 1 FROM initiative i WHERE i.id::text = e.entity_id)
       ORDER BY title, id`,
    );
  }
}
