import { REPORTING_PERIODS, type ReportingPeriod } from '@fremdrift/contracts';
import { Column, Entity, OneToMany } from 'typeorm';
import { VersionedEntity } from '../../core/database/record-entity';
import { GoalEntity } from './goal.entity';

@Entity({ name: 'action_plan' })
export class ActionPlanEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'co_creation_date', type: 'date', nullable: true })
  coCreationDate: string | null;

  @Column({ name: 'co_creation_method', type: 'varchar', length: 200, default: '' })
  coCreationMethod: string;

  @Column({ name: 'participants_citizens', type: 'integer', default: 0 })
  participantsCitizens: number;

  @Column({ name: 'participants_volunteers', type: 'integer', default: 0 })
  participantsVolunteers: number;

  @Column({ name: 'participants_companies', type: 'integer', default: 0 })
  participantsCompanies: number;

  @Column({ name: 'participants_civil_society', type: 'integer', default: 0 })
  participantsCivilSociety: number;

  @Column({ name: 'participants_staff', type: 'integer', default: 0 })
  participantsStaff: number;

  @OneToMany(() => GoalEntity, (goal) => goal.actionPlan)
  goals: GoalEntity[];

  @Column({ name: 'reporting_period', type: 'enum', enum: REPORTING_PERIODS, enumName: 'reporting_period', default: 'monthly' })
  reportingPeriod: ReportingPeriod;

  @Column({ name: 'leads_publish_directly', type: 'boolean', default: false })
  leadsPublishDirectly: boolean;

  @Column({ name: 'reminders_enabled', type: 'boolean', default: true })
  remindersEnabled: boolean;

  @Column({ name: 'reminder_days_before', type: 'integer', default: 5 })
  reminderDaysBefore: number;

  @Column({ name: 'escalation_grace_days', type: 'integer', default: 3 })
  escalationGraceDays: number;

  /** When the plan was archived: it keeps its initiatives but takes no new ones. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
