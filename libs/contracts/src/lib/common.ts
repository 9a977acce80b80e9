import type { FieldError, ProblemCode } from './errors';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO timestamp with time zone. */
export type IsoDateTime = string;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** Error body, RFC 9457 `application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  /** What went wrong, for a client to translate. */
  code: ProblemCode;
  /** In English, for developers and logs. */
  detail?: string;
  /** What is wrong per field, keyed by the field's path (`milestones.0.title`). */
  errors?: Record<string, FieldError[]>;
  /** The current state of the resource, on a conflict. */
  current?: unknown;
  /** Figures a translation of the code needs, e.g. `{ count: 3 }` for `openMilestones`. */
  params?: Record<string, string | number>;
  /** Finds the request in the server's log. */
  requestId?: string;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  version: string;
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
