import { HEALTHS, PUBLIC_TEXT_STATES, type Health, type PublicTextState } from '@fremdrift/contracts';
import { Column, Entity } from 'typeorm';
import { VersionedEntity } from '../../core/database/record-entity';

@Entity({ name: 'status_update' })
export class StatusUpdateEntity extends VersionedEntity {
  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'enum', enum: HEALTHS, enumName: 'health' })
  health: Health;

  @Column({ type: 'text' })
  narrative: string;

  @Column({ type: 'text', default: '' })
  blockers: string;

  @Column({ name: 'next_steps', type: 'text', default: '' })
  nextSteps: string;

  @Column({ name: 'internal_text', type: 'text', default: '' })
  internalText: string;

  @Column({ name: 'public_text', type: 'text', default: '' })
  publicText: string;

  @Column({ name: 'public_text_state', type: 'enum', enum: PUBLIC_TEXT_STATES, enumName: 'public_text_state', default: 'none' })
  publicTextState: PublicTextState;

  @Column({ name: 'approved_public_text', type: 'text', default: '' })
  approvedPublicText: string;

  @Column({ name: 'review_comment', type: 'text', default: '' })
  reviewComment: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ name: 'reviewer_name', type: 'varchar', length: 120, nullable: true })
  reviewerName: string | null;

  /** The initiative's health when this update was made: what a drop is measured from. */
  @Column({ name: 'baseline_health', type: 'enum', enum: HEALTHS, enumName: 'health' })
  baselineHealth: Health;

  @Column({ name: 'delay_cause_id', type: 'uuid', nullable: true })
  delayCauseId: string | null;

  @Column({ name: 'delay_reason', type: 'text', default: '' })
  delayReason: string;

  /** Recorded as "no changes since last time": the previous update carried over. */
  @Column({ name: 'no_change', type: 'boolean', default: false })
  noChange: boolean;

  @Column({ name: 'author_name', type: 'varchar', length: 120 })
  authorName: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  reportedAt: Date;
}
