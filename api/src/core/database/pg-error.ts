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
