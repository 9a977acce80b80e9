import { PARTNER_TYPES, type PartnerType } from '@fremdrift/contracts';
import { Column, Entity } from 'typeorm';
import { RecordEntity } from '../../core/database/record-entity';

@Entity({ name: 'partner' })
export class PartnerEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: PARTNER_TYPES, enumName: 'partner_type' })
  type: PartnerType;

  @Column({ type: 'text', default: '' })
  description: string;
}
