import { Injectable } from '@nestjs/common';
import { canEditInitiative, canReportOn } from '@fremdrift/access';
import type { Page } from '@fremdrift/contracts';
import type { EntityManager } from 'typeorm';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { writeIfCurrent } from '../../core/database/optimistic-lock';
import { TransactionRunner } from '../../core/database/transaction-runner';
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
    private readonly tx: TransactionRunner,
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

  /** Leads of the lead and the participating departments report; the author is the signed-in user. */
  async create(user: AuthenticatedUser, initiativeId: string, input: CreateStatusUpdateDto): Promise<StatusUpdateDto> {
    await this.initiatives.requireAccess(user, initiativeId, canReportOn);
    checkPeriod(input.periodStart, input.periodEnd);
    const saved = await this.tx.run(actorOf(user), (manager) =>
      this.updates.create(manager, { ...input, authorName: input.authorName ?? user.displayName, authorId: user.id, initiativeId }),
    );
    return this.get(initiativeId, saved.id);
  }

  async update(user: AuthenticatedUser, initiativeId: string, id: string, version: number, input: UpdateStatusUpdateDto): Promise<StatusUpdateDto> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    const update = await this.require(initiativeId, id);
    checkPeriod(input.periodStart ?? update.periodStart, input.periodEnd ?? update.periodEnd);
    await this.writeIfCurrent(user, initiativeId, id, version, (manager) => this.updates.update(manager, id, input));
    return this.get(initiativeId, id);
  }

  async remove(user: AuthenticatedUser, initiativeId: string, id: string, version: number): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    await this.writeIfCurrent(user, initiativeId, id, version, (manager) => this.updates.delete(manager, id));
  }

  private writeIfCurrent(user: AuthenticatedUser, initiativeId: string, id: string, version: number, write: (manager: EntityManager) => Promise<void>) {
    const target = { table: 'status_update', resource: 'Status update', id, initiativeId, expectedVersion: version, current: () => this.get(initiativeId, id) } as const;
    return writeIfCurrent(this.tx, actorOf(user), target, write);
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
