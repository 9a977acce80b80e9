import { Column, Entity } from 'typeorm';
import { RecordEntity } from '../../core/database/record-entity';

@Entity({ name: 'department' })
export class DepartmentEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  /** Inactive departments stay where they are used but cannot be chosen anew. */
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
