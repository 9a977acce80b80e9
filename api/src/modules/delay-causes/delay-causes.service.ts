import { Injectable } from '@nestjs/common';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { invalidField, ResourceNotFoundException } from '../../core/http/problem';
import { DelayCausesRepository } from './delay-causes.repository';
import { type CreateDelayCauseDto, type DelayCauseDto, type UpdateDelayCauseDto, toDelayCauseDto } from './dto/delay-cause.dto';

/** The municipality's list of reasons for a drop in health. Causes are deactivated, never deleted: old updates name them. */
@Injectable()
export class DelayCausesService {
  constructor(
    private readonly causes: DelayCausesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(): Promise<DelayCauseDto[]> {
    return (await this.causes.findAll()).map(toDelayCauseDto);
  }

  async create(user: AuthenticatedUser, input: CreateDelayCauseDto): Promise<DelayCauseDto> {
    return toDelayCauseDto(await this.tx.run(actorOf(user), () => this.causes.save(input)));
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateDelayCauseDto): Promise<DelayCauseDto> {
    const cause = await this.causes.findById(id);
    if (!cause) throw new ResourceNotFoundException('Delay cause', id);
    return toDelayCauseDto(await this.tx.run(actorOf(user), () => this.causes.save(Object.assign(cause, input))));
  }

  /** 400 on delayCauseId unless it names an active cause. */
  async assertUsable(id: string): Promise<void> {
    const cause = await this.causes.findById(id);
    if (!cause || !cause.active) throw invalidField('delayCauseId', 'inactiveDelayCause', 'delayCauseId must be one of the active delay causes');
  }
}
