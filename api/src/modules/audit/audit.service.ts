import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { InitiativesService } from '../initiatives/initiatives.service';
import { AuditRepository } from './audit.repository';
import { type AuditEventDto, type AuditQueryDto, toAuditEventDto } from './dto/audit-event.dto';

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly initiatives: InitiativesService,
  ) {}

  async list(query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.audit.findPage(query, window);
    return toPage(rows.map(toAuditEventDto), total, window);
  }

  /** Every change to an initiative, its milestones, status updates, departments and partner links, newest first. */
  async historyOf(initiativeId: string, query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.initiatives.assertExists(initiativeId);
    return this.list({ ...query, initiativeId });
  }
}
