import type { Health, InitiativeStatus, Participants, PartnerType } from '@fremdrift/contracts';

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
  authorName: string;
  /** ISO timestamp. */
  reportedAt: string;
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
  participants: Participants;
  goals: { title: string; description: string }[];
  initiatives: DemoInitiative[];
}

export interface DemoData {
  departments: DemoDepartment[];
  partners: DemoPartner[];
  plans: DemoPlan[];
}
