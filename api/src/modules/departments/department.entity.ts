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

  /** Where late reports are escalated: an address, so that it may be a shared mailbox without an account. */
  @Column({ name: 'management_contact_email', type: 'varchar', length: 254, nullable: true })
  managementContactEmail: string | null;
}
