import { Injectable } from '@nestjs/common';
import type { AuditLabel, AuditRecord, Page } from '@fremdrift/contracts';
import { invalidField } from '../../core/http/problem';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { InitiativesService } from '../initiatives/initiatives.service';
import { isUuid, labelKey, labelOf, type LabelledKind, referencedIds, subjectKind } from './audit-labels';
import { AuditRepository, type LabelValues } from './audit.repository';
import { type AuditEventDto, type AuditFilterOptionsDto, type AuditQueryDto, type AuditRow, toAuditEventDto } from './dto/audit-event.dto';

/** The names of the records one page of events mentions; `deleted` holds the keys of those that no longer exist. */
interface NameBook {
  labels: Map<string, AuditLabel>;
  deleted: Set<string>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly initiatives: InitiativesService,
  ) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    if (query.from && query.to && Date.parse(query.to) < Date.parse(query.from)) {
      throw invalidField('to', 'dateOrder', 'to must be on or after from');
    }
    const window = pageWindow(query);
    const [rows, total] = await this.audit.findPage(query, window);
    const names = await this.namesFor(rows);
    return toPage(
      rows.map((row) => {
        const references: Record<string, AuditLabel> = {};
        for (const [kind, id] of referencedIds(row.entityType, row.changes)) {
          const label = names.labels.get(labelKey(kind, id));
          if (label) references[id] = label;
        }
        return toAuditEventDto(row, {
          subject: record(names, subjectKind(row.entityType), row.entityId),
          initiative: row.initiativeId ? record(names, 'initiative', row.initiativeId) : null,
          references,
        });
      }),
      total,
      window,
    );
  }

  /** Every change to an initiative, its milestones, status updates, departments and partner links, newest first. */
  async historyOf(initiativeId: string, query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.initiatives.assertExists(initiativeId);
    return this.list({ ...query, initiativeId });
  }

  async filterOptions(): Promise<AuditFilterOptionsDto> {
    const [actors, initiatives] = await Promise.all([this.audit.actors(), this.audit.initiatives()]);
    return { actors, initiatives: initiatives.map(({ id, title, deleted }) => ({ id, label: labelOf('initiative', { title }), deleted })) };
  }

  /**
   * The names of every record a page mentions, in two queries whatever the page's size: the
   * records that exist, then what the trail last recorded of those that do not.
   */
  private async namesFor(rows: AuditRow[]): Promise<NameBook> {
    const wanted = new Map<LabelledKind, Set<string>>();
    const want = (kind: LabelledKind, id: string | null) => {
      if (!isUuid(id)) return;
      const ids = wanted.get(kind) ?? new Set<string>();
      ids.add(id.toLowerCase());
      wanted.set(kind, ids);
    };
    for (const row of rows) {
      want(subjectKind(row.entityType), row.entityId);
      want('initiative', row.initiativeId);
      for (const [kind, id] of referencedIds(row.entityType, row.changes)) want(kind, id);
    }
    const labels = new Map<string, AuditLabel>();
    const keep = (found: LabelValues[]) => {
      for (const { kind, id, values } of found) {
        const label = labelOf(kind, values);
        if (label) labels.set(labelKey(kind, id), label);
      }
    };
    const current = await this.audit.currentLabels(new Map([...wanted].map(([kind, ids]) => [kind, [...ids]])));
    keep(current);
    const existing = new Set(current.map(({ kind, id }) => labelKey(kind, id)));
    const missing = [...wanted].flatMap(([kind, ids]) => [...ids].filter((id) => !existing.has(labelKey(kind, id))).map((id) => ({ kind, id })));
    keep(await this.audit.trailLabels(missing));
    return { labels, deleted: new Set(missing.map(({ kind, id }) => labelKey(kind, id))) };
  }
}

function record(names: NameBook, kind: LabelledKind, id: string): AuditRecord {
  const key = labelKey(kind, id);
  return { id, label: names.labels.get(key) ?? null, deleted: names.deleted.has(key) };
}
