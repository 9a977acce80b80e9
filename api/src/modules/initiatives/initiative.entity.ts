import { HEALTHS, INITIATIVE_STATUSES, PUBLIC_TEXT_STATES, type Health, type InitiativeStatus, type PublicTextState } from '@fremdrift/contracts';
import { Column, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../../core/database/record-entity';
import { DepartmentEntity } from '../departments/department.entity';

@Entity({ name: 'initiative' })
export class InitiativeEntity extends VersionedEntity {
  @Column({ name: 'action_plan_id', type: 'uuid' })
  actionPlanId: string;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'lead_department_id', type: 'uuid' })
  leadDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: DepartmentEntity;

  @ManyToMany(() => DepartmentEntity)
  @JoinTable({
    name: 'initiative_department',
    joinColumn: { name: 'initiative_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'department_id', referencedColumnName: 'id' },
  })
  participatingDepartments?: DepartmentEntity[];

  @Column({ name: 'owner_name', type: 'varchar', length: 120, default: '' })
  ownerName: string;

  @Column({ type: 'enum', enum: INITIATIVE_STATUSES, enumName: 'initiative_status', default: 'planned' })
  status: InitiativeStatus;

  @Column({ type: 'enum', enum: HEALTHS, enumName: 'health', default: 'on_track' })
  health: Health;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Column({ name: 'public_summary', type: 'varchar', length: 1000, default: '' })
  publicSummary: string;

  @Column({ name: 'internal_notes', type: 'text', default: '' })
  internalNotes: string;

  @Column({ name: 'cancellation_reason', type: 'text', default: '' })
  cancellationReason: string;

  @Column({ name: 'external_reference', type: 'varchar', length: 100, nullable: true })
  externalReference: string | null;

  @Column({ name: 'proposed_published', type: 'boolean', nullable: true })
  proposedPublished: boolean | null;

  @Column({ name: 'proposed_public_summary', type: 'varchar', length: 1000, nullable: true })
  proposedPublicSummary: string | null;

  @Column({ name: 'public_review_state', type: 'enum', enum: PUBLIC_TEXT_STATES, enumName: 'public_text_state', default: 'none' })
  publicReviewState: PublicTextState;

  @Column({ name: 'public_review_comment', type: 'text', default: '' })
  publicReviewComment: string;

  @Column({ name: 'public_proposed_at', type: 'timestamptz', nullable: true })
  publicProposedAt: Date | null;

  @Column({ name: 'public_proposer_name', type: 'varchar', length: 120, nullable: true })
  publicProposerName: string | null;

  @Column({ name: 'public_reviewed_at', type: 'timestamptz', nullable: true })
  publicReviewedAt: Date | null;

  @Column({ name: 'public_reviewer_name', type: 'varchar', length: 120, nullable: true })
  publicReviewerName: string | null;
}
