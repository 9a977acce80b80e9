import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { invalidField, ResourceNotFoundException } from '../../core/http/problem';
import { InitiativesService } from '../initiatives/initiatives.service';
import { type CreateStatusUpdateDto, type StatusUpdateDto, type UpdateStatusUpdateDto, toStatusUpdateDto } from './dto/status-update.dto';
import type { StatusUpdateEntity } from './status-update.entity';
import { StatusUpdatesRepository } from './status-updates.repository';

@Injectable()
export class StatusUpdatesService {
  constructor(
    private readonly updates: StatusUpdatesRepository,
    private readonly initiatives: InitiativesService,
  ) {}

  async list(initiativeId: string, query: PageQueryDto): Promise<Page<StatusUpdateDto>> {
    await this.initiatives.assertExists(initiativeId);
    const window = pageWindow(query);
    const [rows, total] = await this.updates.findPage(initiativeId, window);
    return toPage(rows.map(toStatusUpdateDto), total, window);
  }

  async get(initiativeId: string, id: string): Promise<StatusUpdateDto> {
    return toStatusUpdateDto(await this.require(initiativeId, id));
  }

  async create(initiativeId: string, input: CreateStatusUpdateDto): Promise<StatusUpdateDto> {
    await this.initiatives.assertExists(initiativeId);
    checkPeriod(input.periodStart, input.periodEnd);
    return toStatusUpdateDto(await this.updates.save({ ...input, initiativeId }));
  }

  async update(initiativeId: string, id: string, input: UpdateStatusUpdateDto): Promise<StatusUpdateDto> {
    const update = await this.require(initiativeId, id);
    checkPeriod(input.periodStart ?? update.periodStart, input.periodEnd ?? update.periodEnd);
    return toStatusUpdateDto(await this.updates.save(Object.assign(update, input)));
  }

  async remove(initiativeId: string, id: string): Promise<void> {
    await this.require(initiativeId, id);
    await this.updates.delete(id);
  }

  private async require(initiativeId: string, id: string): Promise<StatusUpdateEntity> {
    await this.initiatives.assertExists(initiativeId);
    const update = await this.updates.findOne(initiativeId, id);
    if (!update) throw new ResourceNotFoundException('Status update', id);
    return update;
  }
}

function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) throw invalidField('periodEnd', 'periodEnd must be on or after periodStart');
}
