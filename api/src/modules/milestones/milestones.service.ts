import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
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
  ) {}

  async list(initiativeId: string, query: PageQueryDto): Promise<Page<MilestoneDto>> {
    await this.initiatives.assertExists(initiativeId);
    const window = pageWindow(query);
    const [rows, total] = await this.milestones.findPage(initiativeId, window);
    const today = this.clock.today();
    return toPage(rows.map((row) => toMilestoneDto(row, today)), total, window);
  }

  async get(initiativeId: string, id: string): Promise<MilestoneDto> {
    return toMilestoneDto(await this.require(initiativeId, id), this.clock.today());
  }

  async create(initiativeId: string, input: CreateMilestoneDto): Promise<MilestoneDto> {
    await this.initiatives.assertExists(initiativeId);
    this.checkCompletedDate(input.completedDate);
    const position = input.position ?? (await this.milestones.nextPosition(initiativeId));
    const saved = await this.milestones.save({ ...input, position, initiativeId });
    return this.get(initiativeId, saved.id);
  }

  async update(initiativeId: string, id: string, input: UpdateMilestoneDto): Promise<MilestoneDto> {
    const milestone = await this.require(initiativeId, id);
    this.checkCompletedDate(input.completedDate);
    await this.milestones.save(Object.assign(milestone, input));
    return this.get(initiativeId, id);
  }

  async remove(initiativeId: string, id: string): Promise<void> {
    await this.require(initiativeId, id);
    await this.milestones.delete(id);
  }

  private checkCompletedDate(completedDate: string | null | undefined): void {
    if (completedDate && completedDate > this.clock.today()) {
      throw invalidField('completedDate', 'completedDate cannot be in the future');
    }
  }

  private async require(initiativeId: string, id: string): Promise<MilestoneEntity> {
    await this.initiatives.assertExists(initiativeId);
    const milestone = await this.milestones.findOne(initiativeId, id);
    if (!milestone) throw new ResourceNotFoundException('Milestone', id);
    return milestone;
  }
}
