import { Injectable } from '@nestjs/common';
import { canEditInitiative, canReportOn } from '@fremdrift/access';
import type { Page } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { Clock } from '../../core/clock/clock';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { invalidField, ResourceNotFoundException } from '../../core/http/problem';
import { InitiativesService } from '../initiatives/initiatives.service';
import { type CreateMilestoneDto, type MilestoneDto, type UpdateMilestoneDto, toMilestoneDto } from './dto/milestone.dto';
import type { MilestoneEntity } from './milestone.entity';
import { MilestonesRepository } from './milestones.repository';

@Injectable()
export class MilestonesService {
  constructor(
    private readonly milestones: MilestonesRepository,
    private readonly initiatives: InitiativesService,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async list(initiativeId: string, query: PageQueryDto): Promise<Page<MilestoneDto>> {
    await this.initiatives.assertExists(initiativeId);
    const window = pageWindow(query);
    const [rows, total] = await this.milestones.findPage(initiativeId, window);
    const today = this.clock.today();
    return toPage(
      rows.map((row) => toMilestoneDto(row, today)),
      total,
      window,
    );
  }

  async get(initiativeId: string, id: string): Promise<MilestoneDto> {
    return toMilestoneDto(await this.require(initiativeId, id), this.clock.today());
  }

  async create(user: AuthenticatedUser, initiativeId: string, input: CreateMilestoneDto): Promise<MilestoneDto> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    this.checkCompletedDate(input.completedDate);
    const saved = await this.tx.run(
      actorOf(user),
      async () => {
        const position = input.position ?? (await this.milestones.nextPosition(initiativeId));
        return this.milestones.create({ ...input, position, initiativeId });
      },
      { initiativeId },
    );
    return this.get(initiativeId, saved.id);
  }

  /** Recording progress (the completed date alone) is open to participating departments too. */
  async update(user: AuthenticatedUser, initiativeId: string, id: string, version: number, input: UpdateMilestoneDto): Promise<MilestoneDto> {
    const progressOnly = Object.keys(input).every((field) => field === 'completedDate');
    await this.initiatives.requireAccess(user, initiativeId, progressOnly ? canReportOn : canEditInitiative);
    this.checkCompletedDate(input.completedDate);
    await this.writeIfCurrent(user, initiativeId, id, version, () => this.milestones.update(id, input));
    return this.get(initiativeId, id);
  }

  async remove(user: AuthenticatedUser, initiativeId: string, id: string, version: number): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    await this.writeIfCurrent(user, initiativeId, id, version, () => this.milestones.delete(id));
  }

  private writeIfCurrent(user: AuthenticatedUser, initiativeId: string, id: string, version: number, write: () => Promise<void>) {
    const target = {
      table: 'milestone',
      resource: 'Milestone',
      id,
      initiativeId,
      expectedVersion: version,
      current: () => this.get(initiativeId, id),
    } as const;
    return this.tx.writeIfCurrent(actorOf(user), target, write);
  }

  private checkCompletedDate(completedDate: string | null | undefined): void {
    if (completedDate && completedDate > this.clock.today()) {
      throw invalidField('completedDate', 'notInFuture', 'completedDate cannot be in the future');
    }
  }

  private async require(initiativeId: string, id: string): Promise<MilestoneEntity> {
    await this.initiatives.assertExists(initiativeId);
    const milestone = await this.milestones.findOne(initiativeId, id);
    if (!milestone) throw new ResourceNotFoundException('Milestone', id);
    return milestone;
  }
}
