import { HEALTHS, type Health } from '@fremdrift/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'status_update' })
export class StatusUpdateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Column({ name: 'author_name', type: 'varchar', length: 120 })
  authorName: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  reportedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
