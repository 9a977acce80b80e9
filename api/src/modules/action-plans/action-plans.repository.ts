import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { Database } from '../../core/database/database';

import type { PageWindow } from '../../core/http/pagination';
import { InitiativeEntity } from '../initiatives/initiative.entity';
import { ActionPlanEntity } from './action-plan.entity';
import { GoalEntity } from './goal.entity';

@Injectable()
export class ActionPlansRepository {
  constructor(private readonly db: Database) {}

  findPage(window: PageWindow, archived: boolean): Promise<[ActionPlanEntity[], number]> {
    return this.db.manager.getRepository(ActionPlanEntity).findAndCount({
      where: { archivedAt: archived ? Not(IsNull()) : IsNull() },
      relations: { goals: true },
      order: { coCreationDate: { direction: 'DESC', nulls: 'LAST' }, title: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
  }

  findById(id: string): Promise<ActionPlanEntity | null> {
    return this.db.manager.getRepository(ActionPlanEntity).findOne({ where: { id }, relations: { goals: true } });
  }

  async countInitiatives(planIds: string[]): Promise<Map<string, number>> {
    if (planIds.length === 0) return new Map();
    const rows = await this.db.manager
      .getRepository(InitiativeEntity)
      .createQueryBuilder('i')
      .select('i.action_plan_id', 'planId')
      .addSelect('count(*)::int', 'count')
      .where('i.action_plan_id IN (:...planIds)', { planIds })
      .groupBy('i.action_plan_id')
      .getRawMany<{ planId: string; count: number }>();
    return new Map(rows.map((row) => [row.planId, row.count]));
  }

  /** Creates a plan and its goals; the caller's transaction keeps them together. */
  async createWithGoals(plan: Partial<ActionPlanEntity>, goals: Partial<GoalEntity>[]): Promise<string> {
    const { manager } = this.db;
    const saved = await manager.save(ActionPlanEntity, manager.create(ActionPlanEntity, plan));
    if (goals.length > 0) {
      await manager.save(
        GoalEntity,
        goals.map((goal) => manager.create(GoalEntity, { ...goal, actionPlanId: saved.id })),
      );
    }
    return saved.id;
  }

  async update(id: string, values: Partial<ActionPlanEntity>): Promise<void> {
    const { manager } = this.db;
    const plan = await manager.findOneByOrFail(ActionPlanEntity, { id });
    await manager.save(ActionPlanEntity, Object.assign(plan, values));
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(ActionPlanEntity, { id });
  }

  findGoals(planId: string): Promise<GoalEntity[]> {
    return this.db.manager.getRepository(GoalEntity).find({ where: { actionPlanId: planId }, order: { sortOrder: 'ASC', title: 'ASC' } });
  }

  findGoal(planId: string, goalId: string): Promise<GoalEntity | null> {
    return this.db.manager.getRepository(GoalEntity).findOneBy({ id: goalId, actionPlanId: planId });
  }

  saveGoal(goal: Partial<GoalEntity>): Promise<GoalEntity> {
    const { manager } = this.db;
    return manager.save(GoalEntity, manager.create(GoalEntity, goal));
  }

  async deleteGoal(goalId: string): Promise<void> {
    await this.db.manager.delete(GoalEntity, { id: goalId });
  }
}
