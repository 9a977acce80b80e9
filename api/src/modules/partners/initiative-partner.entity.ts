import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PartnerEntity } from './partner.entity';

/** A partner's part in one initiative, and whether it may be named publicly there. */
@Entity({ name: 'initiative_partner' })
export class InitiativePartnerEntity {
  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @PrimaryColumn({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  @Column({ type: 'varchar', length: 500, default: '' })
  role: string;

  @Column({ name: 'public_consent', type: 'boolean', default: false })
  publicConsent: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
