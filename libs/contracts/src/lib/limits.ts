/** Field limits shared by the API's validation, the database schema and the web forms. */
export const LIMITS = {
  departmentCode: { min: 2, max: 10, pattern: /^[A-ZÆØÅ0-9]+$/ },
  departmentName: { min: 2, max: 120 },
  title: { min: 3, max: 200 },
  summary: { max: 1000 },
  longText: { max: 10000 },
  ownerName: { max: 120 },
  externalReference: { max: 100 },
  cancellationReason: { min: 10, max: 2000 },
  authorName: { max: 120 },
  partnerName: { min: 2, max: 200 },
  partnerRole: { max: 500 },
  coCreationMethod: { max: 200 },
  participants: { max: 100000 },
  milestoneWeight: { min: 0, max: 100 },
  position: { min: 0, max: 10000 },
  searchText: { max: 200 },
  email: { max: 254 },
  displayName: { min: 2, max: 120 },
  password: { min: 12, max: 256 },
  delayReason: { min: 10, max: 2000 },
  reviewComment: { min: 5, max: 2000 },
  delayCauseCode: { min: 2, max: 40 },
  delayCauseLabel: { min: 2, max: 120 },
  page: { min: 1, max: 100000 },
  pageSize: { min: 1, max: 100, default: 25 },
} as const;

/** ISO calendar date, `YYYY-MM-DD`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
