import type { Initiative, InitiativeSummary, Milestone, PendingApprovalInitiative, PublicProposal, SessionUser, StatusUpdate } from '@fremdrift/contracts';

/** Test data for initiatives and what belongs to them: the initiative pages' and the approval queue's unit tests. */
export const leadMso: SessionUser = {
  hasPassword: true,
  id: 'u-mso',
  email: 'leder.mso@fremdrift.example',
  displayName: 'Mette Holm',
  role: 'department_lead',
  departments: [{ id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' }],
};

export function anInitiative(overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: 'i1',
    actionPlanId: 'p1',
    goalId: null,
    title: 'Psykosocial støtte',
    summary: 'Støtte til traumatiserede flygtninge.',
    description: '',
    leadDepartment: { id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' },
    participatingDepartments: [{ id: 'd-msb', code: 'MSB', name: 'Sociale Forhold og Beskæftigelse' }],
    ownerName: 'Jette Hvid',
    status: 'in_progress',
    health: 'on_track',
    startDate: '2026-01-01',
    targetDate: '2026-12-31',
    published: true,
    publicSummary: '',
    internalNotes: '',
    cancellationReason: '',
    externalReference: null,
    publicProposal: null,
    progress: 0.42,
    expectedProgress: 0.6,
    suggestedHealth: 'at_risk',
    milestoneCount: 2,
    completedMilestoneCount: 1,
    overdueMilestoneCount: 1,
    returnedPublicTexts: 0,
    nextMilestone: { id: 'm2', title: 'Samtalegrupper', dueDate: '2026-11-30' },
    reporting: {
      state: 'due',
      period: 'monthly',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      lastReportedPeriodEnd: '2026-10-31',
      daysOverdue: 0,
    },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 3,
    ...overrides,
  };
}

export function aSummary(overrides: Partial<InitiativeSummary> = {}): InitiativeSummary {
  const { description: _d, publicSummary: _p, internalNotes: _n, publicProposal: _pp, ...summary } = anInitiative();
  return { ...summary, ...overrides };
}

export function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'm1',
    initiativeId: 'i1',
    title: 'Screening for traumer',
    description: '',
    dueDate: '2026-04-30',
    completedDate: null,
    weight: 1,
    position: 0,
    overdue: true,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function aStatusUpdate(overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return {
    id: 's1',
    initiativeId: 'i1',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    health: 'on_track',
    narrative: 'Det går godt.',
    blockers: '',
    nextSteps: '',
    internalText: '',
    publicText: '',
    publicTextState: 'none',
    approvedPublicText: '',
    reviewComment: '',
    reviewedAt: null,
    reviewerName: null,
    delayCauseId: null,
    delayReason: '',
    authorName: 'Mette Holm',
    reportedAt: '2026-11-23T10:00:00Z',
    createdAt: '2026-11-23T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    version: 1,
    ...overrides,
  };
}

/** A lead's change to the public face, waiting for management: by default a new public summary. */
export function aProposal(overrides: Partial<PublicProposal> = {}): PublicProposal {
  return {
    published: null,
    publicSummary: 'Flygtninge med traumer får hurtigere hjælp i samtalegrupper.',
    state: 'pending',
    proposedAt: '2026-11-24T09:30:00Z',
    proposerName: 'Mette Holm',
    reviewComment: '',
    reviewedAt: null,
    reviewerName: null,
    ...overrides,
  };
}

/** An initiative as the approval queue shows it. */
export function anApprovalInitiative(overrides: Partial<PendingApprovalInitiative> = {}): PendingApprovalInitiative {
  return {
    id: 'i9',
    title: 'Sundhedstjek ved ankomst',
    leadDepartment: { id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' },
    published: false,
    publicSummary: '',
    version: 7,
    ...overrides,
  };
}
