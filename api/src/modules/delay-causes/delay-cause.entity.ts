import { Column, Entity } from 'typeorm';
import { RecordEntity } from '../../core/database/record-entity';

@Entity({ name: 'delay_cause' })
export class DelayCauseEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'label_da', type: 'varchar', length: 120 })
  labelDa: string;

  @Column({ name: 'label_en', type: 'varchar', length: 120 })
  labelEn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;
}
