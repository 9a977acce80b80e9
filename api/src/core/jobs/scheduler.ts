import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JobRunState, JobStatus } from '@fremdrift/contracts';
import { parseExpression } from 'cron-parser';
import { HttpAdapterHost } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config.provider';
import { Database } from '../database/database';
import { ResourceNotFoundException } from '../http/problem';

export interface JobSchedule {
  /** A five-field cron expression in the municipality's time zone. */
  cron: string;
}

interface RegisteredJob {
  handler: () => Promise<void>;
  schedule: JobSchedule | null;
}

/** pg-boss keeps its tables here, apart from the app's schema and migrations. */
export const PG_BOSS_SCHEMA = 'pgboss';
const POOL_SIZE = 3;
/** A run that has not finished after this long is given up by pg-boss (and counted as failed). */
const JOB_EXPIRY_SECONDS = 15 * 60;
const MAX_ERROR_LENGTH = 2_000;
/** Any constant, the same in every process: app processes starting together set up the queues one at a time. */
const QUEUE_SETUP_LOCK_KEY = 7_211_947;

/**
 * Scheduled and on-demand jobs, queued in PostgreSQL by pg-boss: no server of its own, every job
 * run is fetched by exactly one of the app's processes (SKIP LOCKED), and schedules and queued runs
 * survive restarts. Modules register their handlers in `onModuleInit`; the queue starts once the
 * application has bootstrapped. With `jobsEnabled` off nothing is queued or scheduled, and
 * `runNow` runs the handler at once in the caller.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Scheduler.name);
  private readonly jobs = new Map<string, RegisteredJob>();
  private boss: PgBoss | null = null;
  private starting = false;
  /** Runs asked for before the queue had started (another module's onApplicationBootstrap): sent once it has. */
  private readonly earlyRuns = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly cls: ClsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Jobs run in the app's server processes; a command line that borrows the app's modules (user:create) runs none. */
  get enabled(): boolean {
    return this.config.jobsEnabled && Boolean(this.adapterHost.httpAdapter);
  }

  register(name: string, handler: () => Promise<void>, schedule?: { cron: string }): void {
    if (this.jobs.has(name)) throw new Error(`The job ${name} is registered twice`);
    if (schedule) parseExpression(schedule.cron, { tz: this.config.timeZone });
    if (this.starting) throw new Error(`The job ${name} was registered after the scheduler started; register in onModuleInit`);
    this.jobs.set(name, { handler, schedule: schedule ?? null });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    this.starting = true;
    const boss = new PgBoss({
      // The app's own database, embedded or DATABASE_URL, as TypeORM was given it.
      connectionString: (this.db.manager.connection.options as { url?: string }).url,
      schema: PG_BOSS_SCHEMA,
      max: POOL_SIZE,
      application_name: 'fremdrift-jobs',
    });
    boss.on('error', (error) => this.logger.error(`Job queue: ${error.message}`));
    await boss.start();
    // Creating the same queue in two processes at once deadlocks in PostgreSQL (each creates a partition).
    const lock = this.db.manager.connection.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK_KEY]);
      for (const [name, job] of this.jobs) {
        // 'stately': at most one run queued and one running per job, so a burst of "run now" is one run.
        await boss.createQueue(name, { name, policy: 'stately', retryLimit: 0, expireInSeconds: JOB_EXPIRY_SECONDS });
        if (job.schedule) await boss.schedule(name, job.schedule.cron, {}, { tz: this.config.timeZone });
        else await boss.unschedule(name);
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK_KEY]).catch(() => undefined);
      await lock.release();
    }
    for (const [name, job] of this.jobs) {
      await boss.work(name, async (runs) => {
        for (let i = 0; i < runs.length; i++) await this.execute(name, job);
      });
    }
    this.boss = boss;
    for (const name of this.earlyRuns) await boss.send(name, {});
    this.earlyRuns.clear();
    this.logger.log(`Jobs are running: ${[...this.jobs.keys()].join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 }).catch((error: unknown) => this.logger.warn(`Stopping the job queue: ${String(error)}`));
  }

  /** Queues a run at once; with jobs switched off, runs the job here and waits for it. */
  async runNow(name: string): Promise<void> {
    const job = this.jobFor(name);
    if (this.boss) {
      await this.boss.send(name, {});
    } else if (this.enabled) {
      this.earlyRuns.add(name);
    } else {
      await this.execute(name, job);
    }
  }

  /** Queues a run in a moment (after the caller's transaction has likely committed); nothing when jobs are off. */
  nudge(name: string): void {
    this.jobFor(name);
    void this.boss?.sendAfter(name, {}, {}, 1).catch((error: unknown) => this.logger.warn(`Queueing ${name}: ${String(error)}`));
  }

  async status(): Promise<JobStatus[]> {
    const rows: { name: string; last_started_at: Date | null; last_state: JobRunState | null; failures: number; last_error: string | null }[] =
      await this.db.manager.query('SELECT name, last_started_at, last_state, failures, last_error FROM scheduled_job WHERE name = ANY($1)', [
        [...this.jobs.keys()],
      ]);
    const byName = new Map(rows.map((row) => [row.name, row]));
    return [...this.jobs.entries()]
      .map(([name, job]) => {
        const row = byName.get(name);
        return {
          name,
          schedule: job.schedule?.cron ?? null,
          lastRunAt: row?.last_started_at?.toISOString() ?? null,
          lastState: row?.last_state ?? null,
          nextRunAt: this.enabled && job.schedule ? this.nextRun(job.schedule.cron) : null,
          failures: row?.failures ?? 0,
          lastError: row?.last_error ?? null,
          enabled: this.enabled,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private jobFor(name: string): RegisteredJob {
    const job = this.jobs.get(name);
    if (!job) throw new ResourceNotFoundException('Job', name);
    return job;
  }

  private nextRun(cron: string): string {
    return parseExpression(cron, { tz: this.config.timeZone, currentDate: new Date() }).next().toDate().toISOString();
  }

  /** Runs a handler and records the run; a failure is recorded and rethrown, so that pg-boss marks the run failed. */
  private async execute(name: string, job: RegisteredJob): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO scheduled_job (name, last_started_at, last_state) VALUES ($1, now(), 'running')
       ON CONFLICT (name) DO UPDATE SET last_started_at = now(), last_state = 'running'`,
      [name],
    );
    try {
      await this.cls.run(() => job.handler());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const shortened = message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)} … (${message.length} characters)` : message;
      this.logger.error(`Job ${name} failed: ${message}`);
      await this.db.manager.query(
        `UPDATE scheduled_job SET last_finished_at = now(), last_state = 'failed', failures = failures + 1, last_error = $2 WHERE name = $1`,
        [name, shortened],
      );
      throw error;
    }
    await this.db.manager.query(
      `UPDATE scheduled_job SET last_finished_at = now(), last_state = 'succeeded', failures = 0, last_error = NULL WHERE name = $1`,
      [name],
    );
  }
}
