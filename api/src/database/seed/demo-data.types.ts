import type { Health, InitiativeStatus, Participants, PartnerType, ReportingPeriod } from '@fremdrift/contracts';

export interface DemoDepartment {
  code: string;
  name: string;
}

export interface DemoPartner {
  /** Stable key used by initiatives to refer to the partner. */
  key: string;
  name: string;
  type: PartnerType;
  description: string;
}

export interface DemoMilestone {
  title: string;
  description: string;
  dueDate: string;
  completedDate: string | null;
  weight: number;
}

export interface DemoStatusUpdate {
  periodStart: string;
  periodEnd: string;
  health: Health;
  narrative: string;
  blockers: string;
  nextSteps: string;
  internalText: string;
  publicText: string;
  /** One of the department's demo leads (DEMO_LEAD_NAMES): the update is attributed to that account. */
  authorName: string;
  /** ISO timestamp. */
  reportedAt: string;
  /** Code of the delay cause; required when health drops (the health-drop rule), the blockers then say why. */
  delayCause?: string;
}

export interface DemoInitiativePartner {
  partner: string;
  role: string;
  publicConsent: boolean;
}

export interface DemoInitiative {
  title: string;
  summary: string;
  description: string;
  /** Title of one of the plan's goals. */
  goal: string;
  leadDepartment: string;
  participatingDepartments: string[];
  ownerName: string;
  status: InitiativeStatus;
  health: Health;
  startDate: string;
  targetDate: string;
  published: boolean;
  publicSummary: string;
  internalNotes: string;
  /** Why it was cancelled; required when the status is `cancelled` (the lifecycle rule). */
  cancellationReason?: string;
  milestones: DemoMilestone[];
  statusUpdates: DemoStatusUpdate[];
  partners: DemoInitiativePartner[];
}

export interface DemoPlan {
  title: string;
  description: string;
  coCreationDate: string;
  coCreationMethod: string;
  /** The demo calendar counts status-update periods in quarters. */
  reportingPeriod: ReportingPeriod;
  participants: Participants;
  goals: { title: string; description: string }[];
  initiatives: DemoInitiative[];
}

export interface DemoData {
  departments: DemoDepartment[];
  partners: DemoPartner[];
  plans: DemoPlan[];
}
