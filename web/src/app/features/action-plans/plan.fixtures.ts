import type { ActionPlan, InitiativeSummary, UserRole } from '@fremdrift/contracts';
import type { Principal } from '@fremdrift/access';

/** Test data for the action plan pages' unit tests. */
export function aPlan(overrides: Partial<ActionPlan> = {}): ActionPlan {
  return {
    id: 'p1',
    title: 'Flygtningehandleplan 2016',
    description: 'Samskabt med borgere og foreninger.',
    coCreationDate: '2016-03-15',
    coCreationMethod: 'Design Thinking',
    participants: { citizens: 35, volunteers: 25, companies: 15, civilSociety: 20, staff: 25 },
    goals: [
      { id: 'g1', actionPlanId: 'p1', title: 'Et sundt og aktivt liv', description: 'Motion og trivsel', sortOrder: 0 },
      { id: 'g2', actionPlanId: 'p1', title: 'Uddannelse og job', description: '', sortOrder: 1 },
    ],
    initiativeCount: 3,
    reportingPeriod: 'monthly',
    leadsPublishDirectly: false,
    remindersEnabled: true,
    reminderDaysBefore: 5,
    escalationGraceDays: 3,
    archived: false,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** Just what the plan pages read of an initiative. */
export function anInitiativeSummary(overrides: Partial<InitiativeSummary>): InitiativeSummary {
  return {
    id: 'i1',
    actionPlanId: 'p1',
    goalId: null,
    title: 'Sprogcafé',
    summary: '',
    leadDepartment: { id: 'd1', code: 'MKB', name: 'Kultur og Borgerservice' },
    participatingDepartments: [],
    ownerName: '',
    status: 'in_progress',
    health: 'on_track',
    startDate: null,
    targetDate: null,
    published: false,
    progress: 0.5,
    expectedProgress: null,
    suggestedHealth: 'on_track',
    milestoneCount: 0,
    completedMilestoneCount: 0,
    overdueMilestoneCount: 0,
    returnedPublicTexts: 0,
    nextMilestone: null,
    reporting: { state: 'due', period: 'monthly', periodStart: '2026-11-01', periodEnd: '2026-11-30', lastReportedPeriodEnd: null, daysOverdue: 0 },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  };
}

/** An Auth stand-in that answers access rules for one role. */
export function authAs(role: UserRole) {
  return { allows: (rule: (principal: Principal) => boolean) => rule({ role, departmentIds: [] }) };
}
