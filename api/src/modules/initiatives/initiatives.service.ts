import { Injectable } from '@nestjs/common';
import { canCreateInitiative, canEditInitiative, canReportOn, publishesDirectly, type InitiativeDepartments } from '@fremdrift/access';
import { LIMITS, type FieldError, type FieldErrorCode, type Health, type Page } from '@fremdrift/contracts';
import { decideLifecycle, type LifecycleInput } from '@fremdrift/progress';
import { actorOf, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { Clock } from '../../core/clock/clock';
import { pageWindow, toPage } from '../../core/http/pagination';
import {
  ConflictProblemException,
  fieldError,
  ForbiddenProblemException,
  invalidField,
  InvalidFieldsException,
  ResourceNotFoundException,
} from '../../core/http/problem';
import type { ActionPlanEntity } from '../action-plans/action-plan.entity';
import { ActionPlansRepository } from '../action-plans/action-plans.repository';
import type { ReviewPublicTextDto } from '../approvals/dto/approval.dto';
import { recordReview } from '../approvals/review';
import { DepartmentsRepository } from '../departments/departments.repository';
import type { CreateInitiativeDto, InitiativeDto, InitiativeQueryDto, InitiativeSummaryDto, UpdateInitiativeDto } from './dto/initiative.dto';
import type { InitiativeEntity } from './initiative.entity';
import { type InitiativeRelations, toInitiativeDto, toInitiativeSummaryDto } from './initiative.mapper';
import { InitiativesRepository, type InitiativeAccess, type InitiativeFields } from './initiatives.repository';
import { approvedFace, changePublicFace, type ProposedFace, type PublicFace } from './public-proposal';

@Injectable()
export class InitiativesService {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly plans: ActionPlansRepository,
    private readonly departments: DepartmentsRepository,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async list(query: InitiativeQueryDto, user: AuthenticatedUser): Promise<Page<InitiativeSummaryDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.initiatives.findPage(query, window, user.departmentIds);
    const relations = await this.relationsOf(rows.map((row) => row.id));
    const today = this.clock.today();
    return toPage(
      rows.map((row) => toInitiativeSummaryDto(row, relations(row.id), today)),
      total,
      window,
    );
  }

  async get(id: string): Promise<InitiativeDto> {
    const initiative = await this.require(id);
    return toInitiativeDto(initiative, (await this.relationsOf([id]))(id), this.clock.today());
  }

  /** Departments, milestones, reporting and returned public texts of several initiatives: four queries, however many initiatives. */
  private async relationsOf(ids: string[]): Promise<(id: string) => InitiativeRelations> {
    const [participants, milestones, reporting, returned] = await this.initiatives.relations(ids);
    return (id) => ({
      participatingDepartments: participants.get(id) ?? [],
      milestones: milestones.get(id) ?? [],
      reporting: reporting.get(id) ?? { period: 'monthly', lastReportedPeriodEnd: null },
      returnedPublicTexts: returned.get(id) ?? 0,
    });
  }

  async create(user: AuthenticatedUser, input: CreateInitiativeDto): Promise<InitiativeDto> {
    const { participatingDepartmentIds = [], published, publicSummary, ...fields } = input;
    if (!canCreateInitiative(user, fields.leadDepartmentId)) {
      throw new ForbiddenProblemException('You can create initiatives led by your own department only.');
    }
    const plan = await this.checkReferences({ ...fields, participatingDepartmentIds });
    const lifecycle = lifecycleOrThrow({ current: null, requested: fields, openMilestoneCount: 0 });
    const face = publicFaceWrite(user, plan, NOT_PUBLIC, null, { published, publicSummary });
    const id = await this.tx.run(actorOf(user), () =>
      this.initiatives.create({ ...fields, cancellationReason: lifecycle.cancellationReason, ...face }, participatingDepartmentIds),
    );
    return this.get(id);
  }

  async update(user: AuthenticatedUser, id: string, expectedVersion: number, input: UpdateInitiativeDto): Promise<InitiativeDto> {
    const current = await this.require(id);
    const { participatingDepartmentIds, published, publicSummary, openMilestones, ...fields } = input;
    const currentParticipants = (await this.initiatives.participatingDepartments([id])).get(id) ?? [];
    if (!canEditInitiative(user, { leadDepartmentId: current.leadDepartmentId, participatingDepartmentIds: currentParticipants.map((d) => d.id) })) {
      throw new ForbiddenProblemException('Only the lead department can change this initiative.');
    }
    if (fields.leadDepartmentId && fields.leadDepartmentId !== current.leadDepartmentId && !canCreateInitiative(user, fields.leadDepartmentId)) {
      throw new ForbiddenProblemException('You can hand an initiative over to a department of your own only.');
    }
    const plan = await this.checkReferences({
      actionPlanId: fields.actionPlanId ?? current.actionPlanId,
      currentActionPlanId: current.actionPlanId,
      // Moving to another plan drops a goal that belongs to the old one, unless a new goal is given.
      goalId: fields.goalId !== undefined ? fields.goalId : fields.actionPlanId && fields.actionPlanId !== current.actionPlanId ? null : current.goalId,
      leadDepartmentId: fields.leadDepartmentId ?? current.leadDepartmentId,
      participatingDepartmentIds: participatingDepartmentIds ?? currentParticipants.map((d) => d.id),
      startDate: fields.startDate !== undefined ? fields.startDate : current.startDate,
      targetDate: fields.targetDate !== undefined ? fields.targetDate : current.targetDate,
      kept: { leadDepartmentId: current.leadDepartmentId, participatingDepartmentIds: currentParticipants.map((d) => d.id) },
    });
    if (fields.actionPlanId && fields.actionPlanId !== current.actionPlanId && fields.goalId === undefined) fields.goalId = null;
    const requested = { status: fields.status, cancellationReason: fields.cancellationReason, openMilestones };
    // The reason is checked before the version (a 400 like the other fields); the open milestones
    // are counted again under lock, so that the decision and the milestones' change commit together.
    lifecycleOrThrow({ current, requested, openMilestoneCount: 0 });
    const face = publicFaceWrite(user, plan, current, proposedFaceOf(current), { published, publicSummary });
    await this.writeIfCurrent(user, id, expectedVersion, async () => {
      const lifecycle = lifecycleOrThrow({ current, requested, openMilestoneCount: await this.initiatives.lockOpenMilestones(id) });
      const { cancellationReason: _sent, ...rest } = fields;
      const reason = lifecycle.cancellationReason !== current.cancellationReason ? { cancellationReason: lifecycle.cancellationReason } : {};
      if (lifecycle.completeOpenMilestones) await this.initiatives.completeOpenMilestones(id, this.clock.today());
      await this.initiatives.update(id, { ...rest, ...reason, ...face }, participatingDepartmentIds);
    });
    return this.get(id);
  }

  /**
   * Management approves a lead's change to the initiative's public face, or returns it with a
   * comment. The decision is on the version management read.
   */
  async reviewPublicProposal(user: AuthenticatedUser, id: string, expectedVersion: number, input: ReviewPublicTextDto): Promise<InitiativeDto> {
    const current = await this.require(id);
    const proposal = proposedFaceOf(current);
    if (current.version === expectedVersion && (current.publicReviewState !== 'pending' || !proposal)) {
      throw new ConflictProblemException('This initiative has no public change waiting for approval.', {
        code: 'nothingToReview',
        current: await this.get(id),
      });
    }
    const review = recordReview(user, input);
    const decided: InitiativeFields =
      review.state === 'approved' && proposal
        ? { ...approvedFace(current, proposal), ...NO_PROPOSAL, publicReviewState: 'approved' }
        : { publicReviewState: 'returned' };
    await this.writeIfCurrent(user, id, expectedVersion, () =>
      this.initiatives.update(id, {
        ...decided,
        publicReviewComment: review.comment,
        publicReviewedAt: review.reviewedAt,
        publicReviewerName: review.reviewerName,
      }),
    );
    return this.get(id);
  }

  /** Only admins get here (canDeleteInitiatives on the route). */
  async remove(user: AuthenticatedUser, id: string, expectedVersion: number): Promise<void> {
    await this.assertExists(id);
    await this.writeIfCurrent(user, id, expectedVersion, () => this.initiatives.delete(id));
  }

  /**
   * 404 unless the initiative exists, 403 unless the rule admits the user to its departments. Answers
   * its departments with what a new status update is judged by (one query for all of it).
   */
  async requireAccess(user: AuthenticatedUser, id: string, rule: typeof canEditInitiative | typeof canReportOn): Promise<InitiativeAccess> {
    const access = await this.initiatives.access(id);
    if (!access) throw new ResourceNotFoundException('Initiative', id);
    if (!rule(user, access)) {
      throw new ForbiddenProblemException(
        rule === canReportOn
          ? 'Only the lead and participating departments can report on this initiative.'
          : 'Only the lead department can change this initiative.',
      );
    }
    return access;
  }

  private writeIfCurrent(user: AuthenticatedUser, id: string, expectedVersion: number, write: () => Promise<void>) {
    return this.tx.writeIfCurrent(actorOf(user), { table: 'initiative', resource: 'Initiative', id, expectedVersion, current: () => this.get(id) }, write);
  }

  /** The health a new status update is compared with, and whether its public text needs approval. */
  async reportingContext(id: string): Promise<{ health: Health; leadsPublishDirectly: boolean }> {
    const context = await this.initiatives.reportingContext(id);
    if (!context) throw new ResourceNotFoundException('Initiative', id);
    return context;
  }

  /** A status update sets the initiative's health, in the update's own transaction. */
  async recordReportedHealth(id: string, health: Health): Promise<void> {
    await this.initiatives.update(id, { health });
  }

  /** Throws 404 unless the initiative exists; for the nested resources. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.initiatives.exists(id))) throw new ResourceNotFoundException('Initiative', id);
  }

  private async require(id: string): Promise<InitiativeEntity> {
    const initiative = await this.initiatives.findById(id);
    if (!initiative) throw new ResourceNotFoundException('Initiative', id);
    return initiative;
  }

  /** The rules that span fields and tables; each broken rule is reported on its field. Answers the plan. */
  private async checkReferences(state: {
    actionPlanId: string;
    /** The plan the initiative is in now, when it is being changed: staying in an archived plan is allowed. */
    currentActionPlanId?: string;
    goalId?: string | null;
    leadDepartmentId: string;
    participatingDepartmentIds: string[];
    startDate?: string | null;
    targetDate?: string | null;
    /** The departments the initiative has now: they stay allowed when deactivated since. */
    kept?: InitiativeDepartments;
  }): Promise<ActionPlanEntity> {
    const errors: Record<string, FieldError[]> = {};
    const add = (field: string, code: FieldErrorCode, message: string) => (errors[field] ??= []).push(fieldError(code, message));

    const plan = await this.plans.findById(state.actionPlanId);
    if (!plan) add('actionPlanId', 'unknownReference', 'actionPlanId refers to an action plan that does not exist');
    if (plan?.archivedAt && state.actionPlanId !== state.currentActionPlanId) {
      add('actionPlanId', 'archivedPlan', 'actionPlanId refers to an archived action plan, which takes no new initiatives');
    }
    if (plan && state.goalId && !plan.goals.some((goal) => goal.id === state.goalId)) {
      add('goalId', 'goalOfOtherPlan', 'goalId must be a goal of the initiative’s action plan');
    }
    const departmentIds = [state.leadDepartmentId, ...state.participatingDepartmentIds];
    const found = new Map((await this.departments.findByIds(departmentIds)).map((d) => [d.id, d]));
    const lead = found.get(state.leadDepartmentId);
    if (!lead) add('leadDepartmentId', 'unknownReference', 'leadDepartmentId refers to a department that does not exist');
    else if (!lead.active && lead.id !== state.kept?.leadDepartmentId) {
      add('leadDepartmentId', 'inactiveDepartment', 'leadDepartmentId refers to a department that is no longer active');
    }
    if (state.participatingDepartmentIds.some((departmentId) => !found.has(departmentId))) {
      add('participatingDepartmentIds', 'unknownReference', 'participatingDepartmentIds refers to a department that does not exist');
    } else if (state.participatingDepartmentIds.some((id) => !found.get(id)?.active && !state.kept?.participatingDepartmentIds.includes(id))) {
      add('participatingDepartmentIds', 'inactiveDepartment', 'participatingDepartmentIds refers to a department that is no longer active');
    }
    if (state.participatingDepartmentIds.includes(state.leadDepartmentId)) {
      add('participatingDepartmentIds', 'leadAlsoParticipating', 'the lead department cannot also be a participating department');
    }
    if (state.startDate && state.targetDate && state.targetDate < state.startDate) {
      add('targetDate', 'dateOrder', 'targetDate must be on or after startDate');
    }
    if (Object.keys(errors).length > 0 || !plan) throw new InvalidFieldsException(errors);
    return plan;
  }
}

/** The lifecycle rule's decision, or the problem that refuses the change: 400 for the reason, 409 for open milestones. */
function lifecycleOrThrow(input: LifecycleInput) {
  const decision = decideLifecycle(input);
  if (decision.ok) return decision;
  if (decision.problem === 'cancellationReason') {
    const { min, max } = LIMITS.cancellationReason;
    throw invalidField('cancellationReason', 'cancellationReason', `a cancelled initiative needs a cancellationReason of ${min} to ${max} characters`, {
      min,
      max,
    });
  }
  throw new ConflictProblemException(
    `${decision.count} milestone(s) are not completed. Send openMilestones: "complete" to mark them completed today, or "keep" to leave them open.`,
    { code: 'openMilestones', params: { count: decision.count } },
  );
}

const NOT_PUBLIC: PublicFace = { published: false, publicSummary: '' };

const NO_PROPOSAL = { proposedPublished: null, proposedPublicSummary: null, publicProposedAt: null, publicProposerName: null } as const;

function proposedFaceOf(initiative: InitiativeEntity): ProposedFace | null {
  if (initiative.publicReviewState !== 'pending' && initiative.publicReviewState !== 'returned') return null;
  return { published: initiative.proposedPublished, publicSummary: initiative.proposedPublicSummary };
}

/** The columns a write to the public face sets: what applies now, and the proposal that waits. */
function publicFaceWrite(
  user: AuthenticatedUser,
  plan: ActionPlanEntity,
  approved: PublicFace,
  pending: ProposedFace | null,
  change: Partial<PublicFace>,
): InitiativeFields {
  const { apply, proposal } = changePublicFace(approved, pending, change, publishesDirectly(user, plan));
  if (proposal === undefined) return apply;
  if (proposal === null) return { ...apply, ...NO_PROPOSAL, publicReviewState: 'none', publicReviewComment: '' };
  return {
    ...apply,
    proposedPublished: proposal.published,
    proposedPublicSummary: proposal.publicSummary,
    publicReviewState: 'pending',
    publicReviewComment: '',
    publicProposedAt: new Date(),
    publicProposerName: user.displayName,
    publicReviewedAt: null,
    publicReviewerName: null,
  };
}
