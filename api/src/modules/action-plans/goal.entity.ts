import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { RecordEntity } from '../../core/database/record-entity';
import type { ActionPlanEntity } from './action-plan.entity';

@Entity({ name: 'goal' })
export class GoalEntity extends RecordEntity {
  @Column({ name: 'action_plan_id', type: 'uuid' })
  actionPlanId: string;

  @ManyToOne('ActionPlanEntity', 'goals', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_plan_id' })
  actionPlan?: ActionPlanEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;
}
