import { computeInitiativeMetrics, computeReporting } from '@fremdrift/progress';
import type { DepartmentRef } from '@fremdrift/contracts';
import { toDepartmentRef } from '../departments/dto/department.dto';
import type { MilestoneEntity } from '../milestones/milestone.entity';
import type { InitiativeDto, InitiativeSummaryDto, PublicProposalDto } from './dto/initiative.dto';
import type { InitiativeEntity } from './initiative.entity';
import type { ReportingFacts } from './initiatives.repository';

export interface InitiativeRelations {
  participatingDepartments: DepartmentRef[];
  milestones: MilestoneEntity[];
  reporting: ReportingFacts;
  /** Public texts management returned to the lead. */
  returnedPublicTexts: number;
}

export function toInitiativeSummaryDto(entity: InitiativeEntity, relations: InitiativeRelations, today: string): InitiativeSummaryDto {
  if (!entity.leadDepartment) throw new Error('The lead department must be loaded');
  return {
    id: entity.id,
    actionPlanId: entity.actionPlanId,
    goalId: entity.goalId,
    title: entity.title,
    summary: entity.summary,
    leadDepartment: toDepartmentRef(entity.leadDepartment),
    participatingDepartments: relations.participatingDepartments,
    ownerName: entity.ownerName,
    status: entity.status,
    health: entity.health,
    startDate: entity.startDate,
    targetDate: entity.targetDate,
    published: entity.published,
    ...computeInitiativeMetrics(entity, relations.milestones, today),
    reporting: computeReporting({ ...relations.reporting, status: entity.status, startDate: entity.startDate }, today),
    returnedPublicTexts: relations.returnedPublicTexts,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

export function toInitiativeDto(entity: InitiativeEntity, relations: InitiativeRelations, today: string): InitiativeDto {
  return {
    ...toInitiativeSummaryDto(entity, relations, today),
    description: entity.description,
    publicSummary: entity.publicSummary,
    internalNotes: entity.internalNotes,
    cancellationReason: entity.cancellationReason,
    externalReference: entity.externalReference,
    publicProposal: toPublicProposal(entity),
  };
}

export function toPublicProposal(entity: InitiativeEntity): PublicProposalDto | null {
  if (entity.publicReviewState !== 'pending' && entity.publicReviewState !== 'returned') return null;
  return {
    published: entity.proposedPublished,
    publicSummary: entity.proposedPublicSummary,
    state: entity.publicReviewState,
    proposedAt: (entity.publicProposedAt ?? entity.updatedAt).toISOString(),
    proposerName: entity.publicProposerName ?? '',
    reviewComment: entity.publicReviewComment,
    reviewedAt: entity.publicReviewedAt ? entity.publicReviewedAt.toISOString() : null,
    reviewerName: entity.publicReviewerName,
  };
}
