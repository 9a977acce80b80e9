import { Injectable } from '@nestjs/common';
import type { Page } from '@fremdrift/contracts';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { pageWindow, toPage } from '../../core/http/pagination';
import { ResourceNotFoundException } from '../../core/http/problem';
import type { ActionPlanEntity } from './action-plan.entity';
import { ActionPlansRepository } from './action-plans.repository';
import {
  type ActionPlanDto,
  type ActionPlanQueryDto,
  type CreateActionPlanDto,
  type CreateGoalDto,
  type GoalDto,
  type UpdateActionPlanDto,
  type UpdateGoalDto,
  inGoalOrder,
  participantColumns,
  toActionPlanDto,
  toGoalDto,
} from './dto/action-plan.dto';
import type { GoalEntity } from './goal.entity';

@Injectable()
export class ActionPlansService {
  constructor(
    private readonly plans: ActionPlansRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** One page of the plans still in use, or of the archived ones. */
  async list(query: ActionPlanQueryDto): Promise<Page<ActionPlanDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.plans.findPage(window, query.archived ?? false);
    const counts = await this.plans.countInitiatives(rows.map((plan) => plan.id));
    return toPage(
      rows.map((plan) => toActionPlanDto(plan, counts.get(plan.id) ?? 0)),
      total,
      window,
    );
  }

  async get(id: string): Promise<ActionPlanDto> {
    const plan = await this.require(id);
    const counts = await this.plans.countInitiatives([id]);
    return toActionPlanDto(plan, counts.get(id) ?? 0);
  }

  async create(user: AuthenticatedUser, input: CreateActionPlanDto): Promise<ActionPlanDto> {
    const { goals = [], participants = {}, ...fields } = input;
    const id = await this.tx.run(actorOf(user), () =>
      this.plans.createWithGoals(
        { ...fields, ...participantColumns(participants) },
        goals.map((goal, index) => ({ ...goal, sortOrder: goal.sortOrder ?? index })),
      ),
    );
    return this.get(id);
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateActionPlanDto): Promise<ActionPlanDto> {
    const current = await this.require(id);
    const { participants = {}, archived, ...fields } = input;
    // Archiving keeps the first date; bringing a plan back clears it.
    const archivedAt = archived === undefined ? current.archivedAt : archived ? (current.archivedAt ?? new Date()) : null;
    await this.tx.run(actorOf(user), () => this.plans.update(id, { ...fields, ...participantColumns(participants), archivedAt }));
    return this.get(id);
  }

  /** A plan with initiatives cannot be removed (409); its goals go with it. */
  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.require(id);
    await this.tx.run(actorOf(user), () => this.plans.delete(id));
  }

  async listGoals(planId: string): Promise<GoalDto[]> {
    await this.require(planId);
    return inGoalOrder(await this.plans.findGoals(planId)).map(toGoalDto);
  }

  async createGoal(user: AuthenticatedUser, planId: string, input: CreateGoalDto): Promise<GoalDto> {
    const plan = await this.require(planId);
    const sortOrder = input.sortOrder ?? plan.goals.length;
    return toGoalDto(await this.tx.run(actorOf(user), () => this.plans.saveGoal({ ...input, sortOrder, actionPlanId: planId })));
  }

  async updateGoal(user: AuthenticatedUser, planId: string, goalId: string, input: UpdateGoalDto): Promise<GoalDto> {
    const goal = await this.requireGoal(planId, goalId);
    return toGoalDto(await this.tx.run(actorOf(user), () => this.plans.saveGoal(Object.assign(goal, input))));
  }

  /** Initiatives under a removed goal stay in the plan without a goal. */
  async removeGoal(user: AuthenticatedUser, planId: string, goalId: string): Promise<void> {
    await this.requireGoal(planId, goalId);
    await this.tx.run(actorOf(user), () => this.plans.deleteGoal(goalId));
  }

  private async require(id: string): Promise<ActionPlanEntity> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new ResourceNotFoundException('Action plan', id);
    return plan;
  }

  private async requireGoal(planId: string, goalId: string): Promise<GoalEntity> {
    await this.require(planId);
    const goal = await this.plans.findGoal(planId, goalId);
    if (!goal) throw new ResourceNotFoundException('Goal', goalId);
    return goal;
  }
}
