import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { toPublicProposal } from '../initiatives/initiative.mapper';
import { toStatusUpdateDto } from '../status-updates/dto/status-update.dto';
import type { PendingApprovalDto } from './dto/approval.dto';
import { ApprovalsRepository } from './approvals.repository';

@Injectable()
export class ApprovalsService {
  constructor(private readonly approvals: ApprovalsRepository) {}

  async pending(query: PageQueryDto): Promise<Page<PendingApprovalDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.approvals.findPending(window);
    const items = rows.map((row): PendingApprovalDto =>
      row.kind === 'status_update'
        ? { kind: row.kind, statusUpdate: toStatusUpdateDto(row.update), initiative: row.initiative }
        : { kind: row.kind, proposal: toPublicProposal(row.entity)!, initiative: row.initiative },
    );
    return toPage(items, total, window);
  }
}
