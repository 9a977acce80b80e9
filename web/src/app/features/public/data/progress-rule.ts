import { INITIATIVE_STATUSES, type InitiativeStatus } from '@fremdrift/contracts';
import { PROGRESS_BY_STATUS } from '@fremdrift/progress';

/** The progress an initiative without milestones has in each status: the rule's own numbers (libs/progress). */
export const PROGRESS_WITHOUT_MILESTONES: { status: InitiativeStatus; share: number }[] = INITIATIVE_STATUSES.map((status) => ({
  status,
  share: PROGRESS_BY_STATUS[status],
}));

/** Where the public pages explain the rule: "Om data", at this fragment. */
export const PROGRESS_RULE_LINK = { path: '/om-data', fragment: 'beregning' } as const;
