import type { IsoDateTime } from './common';

/** How a job's last run ended; `running` while it runs, null before its first run. */
export const JOB_RUN_STATES = ['running', 'succeeded', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

/** A scheduled or on-demand job as admins see it. */
export interface JobStatus {
  name: string;
  /** The cron expression, in the municipality's time zone; null for a job that only runs when asked. */
  schedule: string | null;
  lastRunAt: IsoDateTime | null;
  lastState: JobRunState | null;
  /** The next scheduled run; null without a schedule or while jobs are switched off. */
  nextRunAt: IsoDateTime | null;
  /** Failed runs in a row since the last one that succeeded. */
  failures: number;
  lastError: string | null;
  /** Whether jobs run in this installation (JOBS_ENABLED); when off, "run now" runs the job at once in the request. */
  enabled: boolean;
}
