import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes (SQLSTATE) that a client's input can cause. */
export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  restrictViolation: '23001',
  notNullViolation: '23502',
  checkViolation: '23514',
} as const;

export interface PgDriverError {
  code: string;
  constraint?: string;
  detail?: string;
}

export function pgErrorOf(error: unknown): PgDriverError | null {
  if (error instanceof QueryFailedError) {
    const driverError = (error as QueryFailedError & { driverError?: PgDriverError }).driverError;
    if (driverError && typeof driverError.code === 'string') return driverError;
  }
  return null;
}

/** How long a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Class 08 is "connection exception"; the others mean the server is shutting down, starting or full. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and pg-pool throw, without a code, when a connection cannot be had or is lost. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
];

/**
 * Whether `error` says the database could not be reached, dropped the session or had no connection
 * free in time, rather than that the request was wrong: the same request may well succeed later.
 * Looks through TypeORM's `driverError`, `cause` and the `errors` of an AggregateError.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const candidate = pending.pop();
    if (typeof candidate !== 'object' || candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    const { code, message, driverError, cause, errors } = candidate as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.includes(message)) return true;
    pending.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
