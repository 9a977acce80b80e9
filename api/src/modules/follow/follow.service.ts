import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { Scheduler } from '../../core/jobs/scheduler';
import { ForbiddenProblemException, invalidField, ResourceNotFoundException } from '../../core/http/problem';
import { OutboxService } from '../outbox/outbox.service';
import type { MailLanguage } from '../reminders/mail-templates';
import { FollowLinks, hashToken, newConfirmationToken } from './follow-links';
import { consentText, renderConfirmation, renderUpdate, type FollowTarget } from './follow-mails';
import { FollowRepository, messageKeyPrefix, type Subscription } from './follow.repository';
import { FollowThrottle } from './follow-throttle';
import type { FollowRequestDto } from './dto/follow.dto';

export const EXPIRE_JOB = 'follow.expire';

/**
 * Citizens follow a published initiative or an action plan by e-mail: a request sends a
 * confirmation link (double opt-in); once confirmed, each newly approved public status update of
 * what they follow is written to the outbox in the transaction that approves it; unsubscribing
 * deletes the subscription and its messages.
 */
@Injectable()
export class FollowService implements OnModuleInit {
  private readonly logger = new Logger(FollowService.name);

  constructor(
    private readonly repository: FollowRepository,
    private readonly throttle: FollowThrottle,
    private readonly links: FollowLinks,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly scheduler: Scheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(
      EXPIRE_JOB,
      async () => {
        const deleted = await this.tx.runBookkeeping(() => this.repository.deleteExpired());
        if (deleted > 0) this.logger.log(`Deleted ${deleted} unconfirmed follow request(s)`);
      },
      { cron: '23 * * * *' },
    );
  }

  /**
   * Sends a confirmation link, unless the address already follows the target. The caller learns
   * nothing either way: whether an address follows something is the follower's business.
   */
  async request(input: FollowRequestDto, ip: string): Promise<void> {
    if (Boolean(input.initiativeId) === Boolean(input.actionPlanId)) {
      throw invalidField(input.initiativeId ? 'actionPlanId' : 'initiativeId', 'followTarget', 'Give exactly one of initiativeId and actionPlanId');
    }
    const ref = input.initiativeId ? ({ kind: 'initiative', id: input.initiativeId } as const) : ({ kind: 'plan', id: String(input.actionPlanId) } as const);
    const target = await this.repository.publicTarget(ref);
    if (!target) throw new ResourceNotFoundException(ref.kind === 'initiative' ? 'Initiative' : 'Action plan', ref.id);
    await this.throttle.admit(input.email, ip);
    const { token, hash } = newConfirmationToken();
    await this.tx.runBookkeeping(async () => {
      const id = await this.repository.request(input.email, ref, input.language, hash);
      if (!id) return;
      const mail = renderConfirmation(target, this.links.confirmUrl(token), input.language);
      await this.outbox.enqueue({
        idempotencyKey: `${messageKeyPrefix(id)}confirm:${hash.toString('hex').slice(0, 32)}`,
        kind: 'follow_confirmation',
        recipientUserId: null,
        to: input.email,
        language: input.language,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        initiativeIds: [],
      });
    });
  }

  /** The request a confirmation link belongs to, with the consent text to show; null when the link is spent or expired. */
  async pendingConfirmation(token: string): Promise<{ subscription: Subscription; consent: string } | null> {
    const subscription = await this.repository.byConfirmationToken(hashToken(token));
    return subscription ? { subscription, consent: consentText(subscription.target, subscription.language) } : null;
  }

  /** Confirms with the consent text shown on the confirmation page; null when the link is spent or expired. */
  async confirm(token: string): Promise<Subscription | null> {
    const hash = hashToken(token);
    return this.tx.runBookkeeping(async () => {
      const subscription = await this.repository.byConfirmationToken(hash);
      if (!subscription) return null;
      const confirmed = await this.repository.confirm(subscription.id, hash, consentText(subscription.target, subscription.language));
      return confirmed ? { ...subscription, confirmed: true } : null;
    });
  }

  /** The subscription a signed unsubscribe link names (null when it is gone already); 403 for a link that was not signed by us. */
  async unsubscribeTarget(token: string): Promise<{ target: FollowTarget | null; language: MailLanguage }> {
    const id = await this.verify(token);
    const subscription = await this.repository.byId(id);
    return { target: subscription?.target ?? null, language: subscription?.language ?? 'da' };
  }

  /** Deletes the subscription and every message to it. Idempotent: a second click finds it gone. */
  async unsubscribe(token: string): Promise<MailLanguage> {
    const id = await this.verify(token);
    return this.tx.runBookkeeping(async () => {
      const subscription = await this.repository.byId(id);
      await this.repository.delete(id);
      return subscription?.language ?? 'da';
    });
  }

  /**
   * Called in the transaction that approves a status update's public text (or publishes it
   * directly): one mail per follower of the initiative or its plan, keyed by subscription and
   * update, so that a repeat writes nothing. Nothing for an initiative the public cannot see.
   */
  async statusUpdateApproved(statusUpdateId: string): Promise<void> {
    const update = await this.repository.publishedUpdate(statusUpdateId);
    if (!update) return;
    for (const follower of await this.repository.followers(update.initiativeId, update.planId)) {
      const unsubscribeUrl = await this.links.unsubscribeUrl(follower.subscriptionId);
      const mail = renderUpdate(update, follower.target, this.config.publicUrl, unsubscribeUrl, follower.language);
      await this.outbox.enqueue({
        idempotencyKey: `${messageKeyPrefix(follower.subscriptionId)}update:${statusUpdateId}`,
        kind: 'follow_update',
        recipientUserId: null,
        to: follower.email,
        language: follower.language,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Not listed with the initiative's reminders: followers' addresses stay out of the internal pages.
        initiativeIds: [],
        unsubscribeUrl,
      });
    }
  }

  get publicUrl(): string {
    return this.config.publicUrl;
  }

  private async verify(token: string): Promise<string> {
    const id = await this.links.verifyUnsubscribe(token);
    if (!id) throw new ForbiddenProblemException('This unsubscribe link is not valid.');
    return id;
  }
}
