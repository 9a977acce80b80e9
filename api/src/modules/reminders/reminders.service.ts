import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { MailKind, OutgoingMail, SentMailRecord } from '@fremdrift/contracts';
import {
  awaitsReport,
  computeReporting,
  digestKey,
  digestWeekOf,
  isDigestDay,
  manualReminderKey,
  planCycleMails,
  type CycleCase,
  type PlannedMail,
} from '@fremdrift/progress';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { ConflictProblemException, ForbiddenProblemException, ResourceNotFoundException } from '../../core/http/problem';
import { TransactionRunner, type Actor } from '../../core/database/transaction-runner';
import { Scheduler } from '../../core/jobs/scheduler';
import { OutboxService } from '../outbox/outbox.service';
import type { MailSettingsDto, UpdateMailSettingsDto } from './dto/reminders.dto';
import { renderDigest, renderEscalation, renderReminder, type MailInitiative } from './mail-templates';
import { RemindersRepository, type CycleLead, type CycleRow, type Recipient } from './reminders.repository';
import { UnsubscribeSigner, type UnsubscribeScope } from './unsubscribe-signer';

export const CYCLE_JOB = 'reminders.cycle';
export const DIGEST_JOB = 'reminders.digest';
/** 07:00 every day, and Mondays at 07:00, in the municipality's time zone. */
export const CYCLE_SCHEDULE = { cron: '0 7 * * *' };
export const DIGEST_SCHEDULE = { cron: '0 7 * * 1' };

const CYCLE_ACTOR: Actor = { id: null, name: 'Påmindelser' };

export interface CycleResult {
  today: string;
  /** Messages written now; a message already in the outbox is not counted again. */
  enqueued: number;
}

export interface ManualReminderResult {
  /** The leads who were sent a reminder now. */
  sentTo: { id: string; name: string; email: string }[];
  /** The leads who had already had a manual reminder today. */
  alreadyRemindedToday: { id: string; name: string; email: string }[];
}

@Injectable()
export class RemindersService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly outbox: OutboxService,
    private readonly scheduler: Scheduler,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly signer: UnsubscribeSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(CYCLE_JOB, () => this.runCycle().then(() => undefined), CYCLE_SCHEDULE);
    this.scheduler.register(DIGEST_JOB, () => this.runDigest().then(() => undefined), DIGEST_SCHEDULE);
  }

  /** A run missed while the app was down (or a fresh installation, the demo) happens at start rather than tomorrow at 07:00. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.scheduler.enabled) return;
    const today = this.clock.today();
    try {
      if (!(await this.reminders.hasRun(CYCLE_JOB, today))) await this.scheduler.runNow(CYCLE_JOB);
      if (isDigestDay(today) && !(await this.reminders.hasRun(DIGEST_JOB, today))) await this.scheduler.runNow(DIGEST_JOB);
    } catch (error) {
      this.logger.error(`Could not start the missed reminder runs: ${String(error)}`);
    }
  }

  /** Decides and enqueues today's reminders, final reminders and escalations, in one transaction. */
  runCycle(): Promise<CycleResult> {
    const today = this.clock.today();
    return this.tx.run(CYCLE_ACTOR, async () => {
      const rows = await this.reminders.cycleRows(today);
      // A department without a management contact escalates to management, so that no late report goes unnoticed.
      const managementUsers = await this.reminders.managementUsers();
      const management = managementUsers.map((user) => user.email);
      const usersByEmail = new Map<string, Recipient>(managementUsers.map((user) => [user.email, user]));
      const byId = new Map(rows.map((row) => [row.id, row]));
      const leads = new Map<string, CycleLead>();
      const cases: CycleCase[] = rows.map((row) => {
        for (const lead of row.leads) leads.set(lead.id, lead);
        return {
          initiativeId: row.id,
          settings: { remindersEnabled: row.remindersEnabled, reminderDaysBefore: row.reminderDaysBefore, escalationGraceDays: row.escalationGraceDays },
          reporting: computeReporting(row, today),
          leadIds: row.leads.filter((lead) => lead.remindersEnabled).map((lead) => lead.id),
          escalateTo: row.escalateTo ? [row.escalateTo] : management,
        };
      });
      let enqueued = 0;
      for (const planned of planCycleMails(cases, today)) {
        // Every id and recipient in a plan comes from these rows.
        const initiatives = planned.initiativeIds.flatMap((id) => byId.get(id) ?? []);
        const lead = leads.get(planned.recipient);
        const mail =
          planned.kind === 'escalation'
            ? this.escalationMail(planned, initiatives, usersByEmail.get(planned.recipient) ?? null)
            : lead
              ? await this.reminderMail(planned, initiatives, lead)
              : null;
        if (mail && (await this.outbox.enqueue(mail))) enqueued++;
      }
      await this.reminders.markRun(CYCLE_JOB, today);
      return { today, enqueued };
    });
  }

  /** The Monday digest to management: initiatives that are late, whose health dropped, and that were completed in the past week. */
  runDigest(): Promise<CycleResult> {
    const today = this.clock.today();
    const since = new Date(this.clock.now().getTime() - 7 * 86_400_000);
    return this.tx.run(CYCLE_ACTOR, async () => {
      const recipients = await this.reminders.digestRecipients();
      let enqueued = 0;
      if (recipients.length > 0) {
        // One transaction, one connection: one query at a time.
        const rows = await this.reminders.cycleRows(today);
        const healthDrops = await this.reminders.healthDrops(since);
        const completed = await this.reminders.completedSince(since);
        const late = rows
          .map((row) => ({ row, reporting: computeReporting(row, today) }))
          .filter(({ reporting }) => reporting.state === 'overdue')
          .sort((a, b) => b.reporting.daysOverdue - a.reporting.daysOverdue || a.row.title.localeCompare(b.row.title, 'da'))
          .map(({ row, reporting }) => ({ ...initiativeOf(row), daysOverdue: reporting.daysOverdue }));
        const content = { weekStart: digestWeekOf(today), late, healthDrops, completed };
        const initiativeIds = [...new Set([...late, ...healthDrops, ...completed].map((i) => i.id))];
        for (const recipient of recipients) {
          const rendered = renderDigest(content, {
            language: recipient.language,
            publicUrl: this.config.publicUrl,
            recipientName: recipient.name,
            unsubscribeUrl: await this.signer.url(recipient.id, 'digest'),
          });
          const mail: OutgoingMail = {
            idempotencyKey: digestKey(recipient.id, today),
            kind: 'digest',
            recipientUserId: recipient.id,
            to: recipient.email,
            language: recipient.language,
            ...rendered,
            initiativeIds,
          };
          if (await this.outbox.enqueue(mail)) enqueued++;
        }
      }
      await this.reminders.markRun(DIGEST_JOB, today);
      return { today, enqueued };
    });
  }

  /**
   * Management's reminder from the compliance table: to every lead of the initiative's department,
   * listing all their initiatives that have not reported; at most one per lead per day. Unlike the
   * scheduled reminders it reaches leads who turned those off: it is a person's request, not a routine.
   */
  async sendManual(user: AuthenticatedUser, initiativeId: string): Promise<ManualReminderResult> {
    const today = this.clock.today();
    return this.tx.run(actorOf(user), async () => {
      const row = await this.reminders.cycleRow(initiativeId);
      if (!row) throw new ResourceNotFoundException('Initiative', initiativeId);
      const reporting = computeReporting(row, today);
      if (!awaitsReport(reporting)) {
        throw new ConflictProblemException('This initiative has reported for the current period, or does not report.', { code: 'alreadyReported' });
      }
      if (row.leads.length === 0) throw new ConflictProblemException('No department lead reports on this initiative.', { code: 'noLeadToRemind' });

      const late = (await this.reminders.cycleRows(today)).filter((other) => awaitsReport(computeReporting(other, today)));
      const result: ManualReminderResult = { sentTo: [], alreadyRemindedToday: [] };
      for (const lead of row.leads) {
        const theirs = late.filter((other) => other.id !== row.id && other.leads.some((l) => l.id === lead.id));
        const initiatives = [row, ...theirs];
        const rendered = renderReminder(
          {
            kind: 'manual_reminder',
            period: row.period,
            periodStart: reporting.periodStart,
            periodEnd: reporting.periodEnd,
            initiatives: initiatives.map(initiativeOf),
            senderName: user.displayName,
          },
          { language: lead.language, publicUrl: this.config.publicUrl, recipientName: lead.name, unsubscribeUrl: await this.signer.url(lead.id, 'reminders') },
        );
        const sent = await this.outbox.enqueue({
          idempotencyKey: manualReminderKey(lead.id, today),
          kind: 'manual_reminder',
          recipientUserId: lead.id,
          to: lead.email,
          language: lead.language,
          ...rendered,
          initiativeIds: initiatives.map((i) => i.id),
        });
        (sent ? result.sentTo : result.alreadyRemindedToday).push({ id: lead.id, name: lead.name, email: lead.email });
      }
      if (result.sentTo.length === 0) {
        throw new ConflictProblemException('Every lead of this initiative has already had a reminder today.', { code: 'reminderAlreadySent' });
      }
      return result;
    });
  }

  /** Checks the link's signature before anything else, so that a forged link learns nothing. */
  async verifyUnsubscribe(userId: string, scope: UnsubscribeScope, signature: string): Promise<void> {
    if (!(await this.signer.verify(userId, scope, signature))) throw new ForbiddenProblemException('This unsubscribe link is not valid.');
  }

  async unsubscribe(userId: string, scope: UnsubscribeScope, signature: string): Promise<void> {
    await this.verifyUnsubscribe(userId, scope, signature);
    await this.tx.run({ id: userId, name: 'Afmelding via e-mail-link' }, async () => {
      if (!(await this.reminders.setUnsubscribed(userId, scope))) throw new ResourceNotFoundException('User', userId);
    });
  }

  /** What the initiative page shows: the reminders and escalations about it (scheduled, final, manual), newest first. */
  async sentFor(initiativeId: string): Promise<SentMailRecord[]> {
    if (!(await this.reminders.cycleRow(initiativeId))) throw new ResourceNotFoundException('Initiative', initiativeId);
    const kinds: MailKind[] = ['reminder', 'final_reminder', 'manual_reminder', 'escalation'];
    return (await this.outbox.sentFor([initiativeId])).filter((record) => kinds.includes(record.kind));
  }

  async mailSettings(user: AuthenticatedUser): Promise<MailSettingsDto> {
    const settings = await this.reminders.mailSettings(user.id);
    if (!settings) throw new ResourceNotFoundException('User', user.id);
    return settings;
  }

  async updateMailSettings(user: AuthenticatedUser, changes: UpdateMailSettingsDto): Promise<MailSettingsDto> {
    await this.tx.run(actorOf(user), () => this.reminders.updateMailSettings(user.id, changes));
    return this.mailSettings(user);
  }

  /** The language to answer an unsubscribe link in. */
  async languageOf(userId: string): Promise<'da' | 'en'> {
    return (await this.reminders.mailSettings(userId))?.language ?? 'da';
  }

  private async reminderMail(planned: PlannedMail, initiatives: CycleRow[], lead: CycleLead): Promise<OutgoingMail> {
    const rendered = renderReminder(
      {
        kind: planned.kind as 'reminder' | 'final_reminder',
        period: initiatives[0].period,
        periodStart: planned.periodStart,
        periodEnd: planned.periodEnd,
        initiatives: initiatives.map(initiativeOf),
      },
      { language: lead.language, publicUrl: this.config.publicUrl, recipientName: lead.name, unsubscribeUrl: await this.signer.url(lead.id, 'reminders') },
    );
    return {
      idempotencyKey: planned.idempotencyKey,
      kind: planned.kind,
      recipientUserId: lead.id,
      to: lead.email,
      language: lead.language,
      ...rendered,
      initiativeIds: planned.initiativeIds,
    };
  }

  /** To a management contact (an address: Danish, the municipality's language) or, for a department without one, to a management user. */
  private escalationMail(planned: PlannedMail, initiatives: CycleRow[], user: Recipient | null): OutgoingMail {
    const language = user?.language ?? 'da';
    const departments = [...new Set(initiatives.map((i) => i.departmentName))];
    const rendered = renderEscalation(
      {
        departmentName: departments.join(', '),
        period: initiatives[0].period,
        periodStart: planned.periodStart,
        periodEnd: planned.periodEnd,
        initiatives: initiatives.map((i) => ({ ...initiativeOf(i), leadNames: i.leads.map((lead) => lead.name) })),
        graceDays: Math.min(...initiatives.map((i) => i.escalationGraceDays)),
      },
      // Escalations cannot be turned off: a late report must reach someone.
      { language, publicUrl: this.config.publicUrl, recipientName: user?.name ?? null, unsubscribeUrl: null },
    );
    return {
      idempotencyKey: planned.idempotencyKey,
      kind: 'escalation',
      recipientUserId: user?.id ?? null,
      to: planned.recipient,
      language,
      ...rendered,
      initiativeIds: planned.initiativeIds,
    };
  }
}

function initiativeOf(row: CycleRow): MailInitiative {
  return { id: row.id, title: row.title, departmentName: row.departmentName };
}
