import { Injectable } from '@nestjs/common';
import { canEditInitiative, canReportOn } from '@fremdrift/access';
import { LIMITS, type Health, type Page } from '@fremdrift/contracts';
import { isHealthDrop } from '@fremdrift/progress';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { ConflictProblemException, invalidField, InvalidFieldsException, ResourceNotFoundException } from '../../core/http/problem';
import { DelayCausesService } from '../delay-causes/delay-causes.service';
import { InitiativesService } from '../initiatives/initiatives.service';
import {
  type CreateStatusUpdateDto,
  type PendingApprovalDto,
  type ReviewPublicTextDto,
  type StatusUpdateDto,
  type UpdateStatusUpdateDto,
  toStatusUpdateDto,
} from './dto/status-update.dto';
import { initialPublicTextState } from './public-text';
import type { StatusUpdateEntity } from './status-update.entity';
import { StatusUpdatesRepository } from './status-updates.repository';

@Injectable()
export class StatusUpdatesService {
  constructor(
    private readonly updates: StatusUpdatesRepository,
    private readonly initiatives: InitiativesService,
    private readonly tx: TransactionRunner,
    private readonly delayCauses: DelayCausesService,
  ) {}

  async list(initiativeId: string, query: PageQueryDto): Promise<Page<StatusUpdateDto>> {
    await this.initiatives.assertExists(initiativeId);
    const window = pageWindow(query);
    const [rows, total] = await this.updates.findPage(initiativeId, window);
    return toPage(rows.map(toStatusUpdateDto), total, window);
  }

  async get(initiativeId: string, id: string): Promise<StatusUpdateDto> {
    return toStatusUpdateDto(await this.require(initiativeId, id));
  }

  /**
   * Leads of the lead and the participating departments report; the author is the signed-in user.
   * The update sets the initiative's health; a drop needs a delay cause and a reason. Its public
   * text waits for management unless the plan lets leads publish directly.
   */
  async create(user: AuthenticatedUser, initiativeId: string, input: CreateStatusUpdateDto): Promise<StatusUpdateDto> {
    await this.initiatives.requireAccess(user, initiativeId, canReportOn);
    checkPeriod(input.periodStart, input.periodEnd);
    const context = await this.initiatives.reportingContext(initiativeId);
    await this.checkDelayExplanation(context.health, input);
    const saved = await this.tx.run(actorOf(user), async () => {
      const created = await this.updates.create({
        ...input,
        authorName: input.authorName ?? user.displayName,
        authorId: user.id,
        initiativeId,
        publicTextState: initialPublicTextState(input.publicText ?? '', context.leadsPublishDirectly),
      });
      if (input.health !== context.health) await this.initiatives.recordReportedHealth(initiativeId, input.health);
      return created;
    });
    return this.get(initiativeId, saved.id);
  }

  async update(user: AuthenticatedUser, initiativeId: string, id: string, version: number, input: UpdateStatusUpdateDto): Promise<StatusUpdateDto> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    const update = await this.require(initiativeId, id);
    checkPeriod(input.periodStart ?? update.periodStart, input.periodEnd ?? update.periodEnd);
    if (input.delayCauseId) await this.delayCauses.assertUsable(input.delayCauseId);
    const changes: Partial<StatusUpdateEntity> = { ...input };
    if (input.publicText !== undefined && input.publicText !== update.publicText) {
      // A changed public text is a new text: it is reviewed afresh.
      const { leadsPublishDirectly } = await this.initiatives.reportingContext(initiativeId);
      Object.assign(changes, { publicTextState: initialPublicTextState(input.publicText, leadsPublishDirectly), ...NOT_REVIEWED });
    }
    await this.writeIfCurrent(user, initiativeId, id, version, () => this.updates.update(id, changes));
    return this.get(initiativeId, id);
  }

  async remove(user: AuthenticatedUser, initiativeId: string, id: string, version: number): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditInitiative);
    await this.writeIfCurrent(user, initiativeId, id, version, () => this.updates.delete(id));
  }

  /** Management approves a waiting public text, or returns it to the lead with a comment. */
  async review(user: AuthenticatedUser, initiativeId: string, id: string, input: ReviewPublicTextDto): Promise<StatusUpdateDto> {
    const update = await this.require(initiativeId, id);
    if (update.publicTextState !== 'pending') {
      throw new ConflictProblemException('This status update has no public text waiting for approval.', { current: toStatusUpdateDto(update) });
    }
    const comment = input.comment ?? '';
    if (input.decision === 'return' && comment.length < LIMITS.reviewComment.min) {
      throw invalidField('comment', `comment must tell the lead what to change (at least ${LIMITS.reviewComment.min} characters)`);
    }
    const review = {
      publicTextState: input.decision === 'approve' ? ('approved' as const) : ('returned' as const),
      reviewComment: comment,
      reviewedAt: new Date(),
      reviewerId: user.id,
      reviewerName: user.displayName,
    };
    await this.writeIfCurrent(user, initiativeId, id, update.version, () => this.updates.update(id, review));
    return this.get(initiativeId, id);
  }

  async pendingApprovals(query: PageQueryDto): Promise<Page<PendingApprovalDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.updates.findPendingApprovals(window);
    return toPage(
      rows.map(({ update, initiative }) => ({ statusUpdate: toStatusUpdateDto(update), initiative })),
      total,
      window,
    );
  }

  /** When health drops, the reporter must say why: a cause from the list and a reason in words. */
  private async checkDelayExplanation(currentHealth: Health, input: CreateStatusUpdateDto): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (isHealthDrop(currentHealth, input.health)) {
      if (!input.delayCauseId) errors['delayCauseId'] = ['delayCauseId is required when health drops'];
      if ((input.delayReason ?? '').length < LIMITS.delayReason.min) {
        errors['delayReason'] = [`delayReason must explain the drop in health (at least ${LIMITS.delayReason.min} characters)`];
      }
    }
    if (Object.keys(errors).length > 0) throw new InvalidFieldsException(errors);
    if (input.delayCauseId) await this.delayCauses.assertUsable(input.delayCauseId);
  }

  private writeIfCurrent(user: AuthenticatedUser, initiativeId: string, id: string, version: number, write: () => Promise<void>) {
    const target = { table: 'status_update', resource: 'Status update', id, initiativeId, expectedVersion: version, current: () => this.get(initiativeId, id) } as const;
    return this.tx.writeIfCurrent(actorOf(user), target, write);
  }

  private async require(initiativeId: string, id: string): Promise<StatusUpdateEntity> {
    await this.initiatives.assertExists(initiativeId);
    const update = await this.updates.findOne(initiativeId, id);
    if (!update) throw new ResourceNotFoundException('Status update', id);
    return update;
  }
}

function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) throw invalidField('periodEnd', 'periodEnd must be on or after periodStart');
}

const NOT_REVIEWED = { reviewComment: '', reviewedAt: null, reviewerId: null, reviewerName: null } as const;
