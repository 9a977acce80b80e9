import { CONSENT_METHODS, type ConsentMethod } from '@fremdrift/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PartnerEntity } from './partner.entity';

/** A partner's part in one initiative, and whether it may be named publicly there (see `applyConsentChange`). */
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

  @Column({ name: 'consent_given_on', type: 'date', nullable: true })
  consentGivenOn: string | null;

  @Column({ name: 'consent_method', type: 'enum', enum: CONSENT_METHODS, enumName: 'consent_method', nullable: true })
  consentMethod: ConsentMethod | null;

  @Column({ name: 'consent_withdrawn_on', type: 'date', nullable: true })
  consentWithdrawnOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
