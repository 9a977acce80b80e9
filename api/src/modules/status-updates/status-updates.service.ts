import { Injectable } from '@nestjs/common';
import { canEditStatusUpdates, canReportOn, publishesDirectly } from '@fremdrift/access';
import { LIMITS, type FieldError, type Health, type Page } from '@fremdrift/contracts';
import { carryOver, isHealthDrop } from '@fremdrift/progress';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { PageQueryDto, pageWindow, toPage } from '../../core/http/pagination';
import { ConflictProblemException, fieldError, invalidField, InvalidFieldsException, ResourceNotFoundException } from '../../core/http/problem';
import { recordReview } from '../approvals/review';
import type { ReviewPublicTextDto } from '../approvals/dto/approval.dto';
import { DelayCausesService } from '../delay-causes/delay-causes.service';
import { FollowService } from '../follow/follow.service';
import { InitiativesService } from '../initiatives/initiatives.service';
import {
  type CreateStatusUpdateDto,
  type RecordNoChangeDto,
  type StatusUpdateDto,
  type UpdateStatusUpdateDto,
  toStatusUpdateDto,
} from './dto/status-update.dto';
import { writePublicText } from './public-text';
import type { StatusUpdateEntity } from './status-update.entity';
import { StatusUpdatesRepository } from './status-updates.repository';

/** What the health-drop rule reads of a status update, as it will be after the write. */
interface DelayExplanation {
  health: Health;
  delayCauseId?: string | null;
  delayReason?: string;
}

@Injectable()
export class StatusUpdatesService {
  constructor(
    private readonly updates: StatusUpdatesRepository,
    private readonly initiatives: InitiativesService,
    private readonly tx: TransactionRunner,
    private readonly delayCauses: DelayCausesService,
    private readonly followers: FollowService,
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
   * text waits for management unless the author publishes directly.
   */
  async create(user: AuthenticatedUser, initiativeId: string, input: CreateStatusUpdateDto): Promise<StatusUpdateDto> {
    const context = await this.initiatives.requireAccess(user, initiativeId, canReportOn);
    checkPeriod(input.periodStart, input.periodEnd);
    await this.checkDelayExplanation(context.health, input);
    const created = await this.tx.run(
      actorOf(user),
      async () => {
        const created = await this.updates.create({
          ...input,
          authorName: input.authorName ?? user.displayName,
          authorId: user.id,
          initiativeId,
          baselineHealth: context.health,
          ...writePublicText(input.publicText ?? '', publishesDirectly(user, context)),
        });
        if (input.health !== context.health) await this.initiatives.recordReportedHealth(initiativeId, input.health);
        // Followers get approved public texts only; asking for any other update would find nothing.
        if (created.publicTextState === 'approved') await this.followers.statusUpdateApproved(created.id);
        return created;
      },
      { initiativeId },
    );
    return toStatusUpdateDto(created);
  }

  /**
   * "No changes since last time": this period's update repeats the latest one (`carryOver`), with
   * the optional note as its internal remark. It brings no new public text, so nothing waits for
   * approval and the public keeps reading the latest approved text. Health that has changed since
   * the latest update is a change after all: refused with the health-drop codes, for the full form.
   */
  async recordNoChange(user: AuthenticatedUser, initiativeId: string, input: RecordNoChangeDto): Promise<StatusUpdateDto> {
    await this.initiatives.requireAccess(user, initiativeId, canReportOn);
    const { reporting } = await this.initiatives.get(initiativeId);
    const created = await this.tx.run(
      actorOf(user),
      async () => {
        await this.updates.lockInitiative(initiativeId);
        const previous = await this.updates.latest(initiativeId);
        if (!previous) {
          throw new ConflictProblemException('There is no earlier status update to carry over; write the first one in full.', { code: 'nothingToCarryOver' });
        }
        if (previous.periodEnd >= reporting.periodStart) {
          throw new ConflictProblemException(`A status update for the period ${reporting.periodStart} to ${reporting.periodEnd} has already been sent.`, {
            code: 'alreadyReported',
          });
        }
        const context = await this.initiatives.reportingContext(initiativeId);
        if (previous.health !== context.health) {
          throw new InvalidFieldsException(
            missingDropExplanation({ health: previous.health }),
            'Health has changed since the latest status update: send a full status update with the cause and a reason.',
          );
        }
        const update = carryOver(previous, { start: reporting.periodStart, end: reporting.periodEnd }, input.note);
        return this.updates.create({
          ...update,
          authorName: user.displayName,
          authorId: user.id,
          initiativeId,
          baselineHealth: context.health,
          ...writePublicText(update.publicText, publishesDirectly(user, context)),
        });
      },
      { initiativeId },
    );
    return toStatusUpdateDto(created);
  }

  async update(user: AuthenticatedUser, initiativeId: string, id: string, version: number, input: UpdateStatusUpdateDto): Promise<StatusUpdateDto> {
    const context = await this.initiatives.requireAccess(user, initiativeId, canEditStatusUpdates);
    const update = await this.require(initiativeId, id);
    checkPeriod(input.periodStart ?? update.periodStart, input.periodEnd ?? update.periodEnd);
    if (input.health !== undefined || input.delayCauseId !== undefined || input.delayReason !== undefined) {
      await this.checkDelayExplanation(update.baselineHealth, {
        health: input.health ?? update.health,
        delayCauseId: input.delayCauseId !== undefined ? input.delayCauseId : update.delayCauseId,
        delayReason: input.delayReason ?? update.delayReason,
      });
    }
    const changes: Partial<StatusUpdateEntity> = { ...input };
    if (input.publicText !== undefined && input.publicText !== update.publicText) {
      // A changed public text is a new text: it is reviewed afresh.
      Object.assign(changes, writePublicText(input.publicText, publishesDirectly(user, context)), NOT_REVIEWED);
    }
    await this.writeIfCurrent(user, initiativeId, id, version, async () => {
      await this.updates.update(id, changes);
      if (changes.publicTextState === 'approved') await this.followers.statusUpdateApproved(id);
      if (input.health !== undefined && input.health !== update.health && (await this.updates.isLatest(initiativeId, id))) {
        await this.initiatives.recordReportedHealth(initiativeId, input.health);
      }
    });
    return this.get(initiativeId, id);
  }

  async remove(user: AuthenticatedUser, initiativeId: string, id: string, version: number): Promise<void> {
    await this.initiatives.requireAccess(user, initiativeId, canEditStatusUpdates);
    await this.writeIfCurrent(user, initiativeId, id, version, () => this.updates.delete(id));
  }

  /**
   * Management approves a waiting public text, or returns it to the lead with a comment. The
   * decision is on the version management read: a text changed since is not approved unread.
   */
  async review(user: AuthenticatedUser, initiativeId: string, id: string, version: number, input: ReviewPublicTextDto): Promise<StatusUpdateDto> {
    const update = await this.require(initiativeId, id);
    if (update.version === version && update.publicTextState !== 'pending') {
      throw new ConflictProblemException('This status update has no public text waiting for approval.', {
        code: 'nothingToReview',
        current: toStatusUpdateDto(update),
      });
    }
    const review = recordReview(user, input);
    await this.writeIfCurrent(user, initiativeId, id, version, async () => {
      await this.updates.update(id, {
        publicTextState: review.state,
        ...(review.state === 'approved' ? { approvedPublicText: update.publicText } : {}),
        reviewComment: review.comment,
        reviewedAt: review.reviewedAt,
        reviewerId: review.reviewerId,
        reviewerName: review.reviewerName,
      });
      if (review.state === 'approved') await this.followers.statusUpdateApproved(id);
    });
    return this.get(initiativeId, id);
  }

  /** When health drops, the reporter must say why: a cause from the list and a reason in words. */
  private async checkDelayExplanation(baseline: Health, update: DelayExplanation): Promise<void> {
    const errors = isHealthDrop(baseline, update.health) ? missingDropExplanation(update) : {};
    if (Object.keys(errors).length > 0) throw new InvalidFieldsException(errors);
    if (update.delayCauseId) await this.delayCauses.assertUsable(update.delayCauseId);
  }

  private writeIfCurrent(user: AuthenticatedUser, initiativeId: string, id: string, version: number, write: () => Promise<void>) {
    const target = {
      table: 'status_update',
      resource: 'Status update',
      id,
      initiativeId,
      expectedVersion: version,
      current: () => this.get(initiativeId, id),
    } as const;
    return this.tx.writeIfCurrent(actorOf(user), target, write);
  }

  private async require(initiativeId: string, id: string): Promise<StatusUpdateEntity> {
    await this.initiatives.assertExists(initiativeId);
    const update = await this.updates.findOne(initiativeId, id);
    if (!update) throw new ResourceNotFoundException('Status update', id);
    return update;
  }
}

/** The cause and the reason a drop in health still lacks, on their fields. */
function missingDropExplanation(update: DelayExplanation): Record<string, FieldError[]> {
  const errors: Record<string, FieldError[]> = {};
  if (!update.delayCauseId) errors['delayCauseId'] = [fieldError('healthDropCause', 'delayCauseId is required when health drops')];
  if ((update.delayReason ?? '').length < LIMITS.delayReason.min) {
    errors['delayReason'] = [
      fieldError('healthDropReason', `delayReason must explain the drop in health (at least ${LIMITS.delayReason.min} characters)`, {
        min: LIMITS.delayReason.min,
      }),
    ];
  }
  return errors;
}

function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodEnd < periodStart) throw invalidField('periodEnd', 'dateOrder', 'periodEnd must be on or after periodStart');
}

const NOT_REVIEWED = { reviewComment: '', reviewedAt: null, reviewerId: null, reviewerName: null } as const;
