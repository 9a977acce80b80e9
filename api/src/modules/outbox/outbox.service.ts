import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { MailKind, OutboxMessage, OutboxMessageSummary, OutboxState, OutgoingMail, Page, SentMailRecord } from '@fremdrift/contracts';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { Scheduler } from '../../core/jobs/scheduler';
import { ConflictProblemException, ResourceNotFoundException } from '../../core/http/problem';
import { pageWindow, toPage, type PageQueryDto } from '../../core/http/pagination';
import { OutboxRepository } from './outbox.repository';
import { OutboxSender } from './outbox-sender';
import type { LatestSentRecord } from './sent-mail-rows';

export const SEND_JOB = 'outbox.send';

@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    private readonly repository: OutboxRepository,
    private readonly sender: OutboxSender,
    private readonly scheduler: Scheduler,
    private readonly transactions: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(
      SEND_JOB,
      async () => {
        await this.sender.sendDue();
      },
      { cron: '* * * * *' },
    );
  }

  /**
   * Writes one message in the running transaction (so it is kept only if the decision to send it
   * commits); false when a message with its idempotency key already exists. Without an SMTP server
   * the message is held for admins to read.
   */
  async enqueue(mail: OutgoingMail): Promise<boolean> {
    const written = await this.repository.insert(mail, this.sender.configured ? 'pending' : 'held');
    if (written && this.sender.configured) this.scheduler.nudge(SEND_JOB);
    return written;
  }

  /** Per initiative and group of kinds (e.g. every kind of reminder), the latest message recorded for it, with its group. */
  latestSentFor(initiativeIds: string[], groups: Readonly<Record<string, readonly MailKind[]>>): Promise<LatestSentRecord[]> {
    return this.repository.latestSentFor(initiativeIds, groups);
  }

  /** The messages recorded for these initiatives, newest first: one entry per message and initiative. */
  sentFor(initiativeIds: string[]): Promise<SentMailRecord[]> {
    return this.repository.sentFor(initiativeIds);
  }

  async list(query: PageQueryDto & { state?: OutboxState; kind?: MailKind }): Promise<Page<OutboxMessageSummary>> {
    const window = pageWindow(query);
    const { items, total } = await this.repository.list({ state: query.state, kind: query.kind }, window);
    return toPage(items, total, window);
  }

  async get(id: string): Promise<OutboxMessage> {
    const message = await this.repository.findById(id);
    if (!message) throw new ResourceNotFoundException('Outbox message', id);
    return message;
  }

  /** Sends a failed message again (with the same Message-ID); without an SMTP server it is held instead. */
  async retry(id: string): Promise<OutboxMessage> {
    const requeued = await this.transactions.runBookkeeping(() => this.repository.requeueFailed(id, this.sender.configured ? 'pending' : 'held'));
    if (!requeued) {
      await this.get(id);
      throw new ConflictProblemException('Only a failed message can be sent again.');
    }
    if (this.sender.configured) this.scheduler.nudge(SEND_JOB);
    return this.get(id);
  }
}
