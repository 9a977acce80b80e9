import { Column, Entity } from 'typeorm';
import { VersionedEntity } from '../../core/database/record-entity';

@Entity({ name: 'milestone' })
export class MilestoneEntity extends VersionedEntity {
  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'completed_date', type: 'date', nullable: true })
  completedDate: string | null;

  @Column({ type: 'integer', default: 1 })
  weight: number;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
