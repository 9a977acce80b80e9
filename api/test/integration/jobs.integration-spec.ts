import type { JobStatus } from '@fremdrift/contracts';
import { HttpAdapterHost } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { APP_CONFIG, type AppConfig } from '../../src/core/config/app-config.provider';
import { Database } from '../../src/core/database/database';
import { SYSTEM_ACTOR, TransactionRunner } from '../../src/core/database/transaction-runner';
import { Scheduler } from '../../src/core/jobs/scheduler';
import { OutboxSender } from '../../src/modules/outbox/outbox-sender';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestApp, type TestApp } from '../support/test-app';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Jobs in PostgreSQL (pg-boss)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ jobsEnabled: true, mail: { smtpUrl: smtp.url, from: 'Fremdrift <noreply@test.example>' } });
  });
  beforeEach(async () => {
    await t.reset();
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const sendJob = async (): Promise<JobStatus> => ((await t.get('/api/jobs')).body as JobStatus[]).find((job) => job.name === 'outbox.send') as JobStatus;

  it('keeps its queue in its own schema beside the migrated one', async () => {
    const [{ installed }] = await t.dataSource.query(`SELECT count(*)::int AS installed FROM information_schema.tables WHERE table_schema = 'pgboss'`);
    expect(installed).toBeGreaterThan(0);
    const schedules = await t.dataSource.query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'outbox.send'`);
    expect(schedules).toEqual([{ name: 'outbox.send', cron: '* * * * *', timezone: 'Europe/Copenhagen' }]);
  });

  it('lists each job with its schedule and next run for admins', async () => {
    const response = await t.get('/api/jobs');
    expect(response.status).toBe(200);
    const job = await sendJob();
    expect(job).toMatchObject({ name: 'outbox.send', schedule: '* * * * *', enabled: true, failures: 0, lastError: null });
    const next = new Date(job.nextRunAt ?? 0).getTime();
    expect(next).toBeGreaterThan(Date.now() - 1_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it('runs a job on "run now" in the background and records the run', async () => {
    expect((await t.post('/api/jobs/outbox.send/run')).status).toBe(202);
    const job = await eventually(sendJob, (value) => value.lastState === 'succeeded');
    expect(new Date(job.lastRunAt ?? 0).getTime()).toBeGreaterThan(Date.now() - 30_000);
  });

  it('delivers a message right after its transaction commits, without waiting for the minute', async () => {
    await t.app.get(TransactionRunner).run(SYSTEM_ACTOR, () =>
      t.app.get(OutboxService).enqueue({
        idempotencyKey: 'reminder:jobs:2026-11',
        kind: 'reminder',
        recipientUserId: null,
        to: 'leder@test.example',
        language: 'da',
        subject: 'Påmindelse',
        text: 'Husk at rapportere.',
        html: '<p>Husk at rapportere.</p>',
        initiativeIds: [],
      }),
    );
    await smtp.waitFor(1, 15_000);
    expect(smtp.received[0].subject).toBe('Påmindelse');
  });

  it('records a failed run with its error for admins, and clears it after a success', async () => {
    const sender = t.app.get(OutboxSender);
    const spy = jest.spyOn(sender, 'sendDue').mockRejectedValueOnce(new Error('SMTP is on fire'));
    await t.post('/api/jobs/outbox.send/run');
    const failed = await eventually(sendJob, (value) => value.lastState === 'failed');
    expect(failed).toMatchObject({ failures: 1, lastError: 'SMTP is on fire' });
    spy.mockRestore();
    await t.post('/api/jobs/outbox.send/run');
    expect(await eventually(sendJob, (value) => value.lastState === 'succeeded')).toMatchObject({ failures: 0, lastError: null });
  });

  it('answers 404 for a job that does not exist and 403 to anyone but admins', async () => {
    const unknown = await t.post('/api/jobs/no.such.job/run');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('notFound');
    const lead = await t.signedIn('department_lead');
    expect((await lead.get('/api/jobs')).status).toBe(403);
    expect((await lead.post('/api/jobs/outbox.send/run')).status).toBe(403);
    expect((await t.anonymous.get('/api/jobs')).status).toBe(401);
  });
});

describe('Jobs with two processes on one database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs each queued run in exactly one of them, and a run asked for before the start once it has started', async () => {
    const runs: string[] = [];
    const config = { ...t.app.get<AppConfig>(APP_CONFIG), jobsEnabled: true };
    const server = { httpAdapter: {} } as HttpAdapterHost;
    // Two schedulers, each with its own pg-boss and pool: what two app processes have.
    const [first, second] = ['first', 'second'].map((process) => {
      const scheduler = new Scheduler(config, t.app.get(Database), t.app.get(ClsService), server);
      scheduler.register('test.count', async () => {
        runs.push(process);
      });
      return scheduler;
    });
    try {
      await first.runNow('test.count');
      expect(runs).toEqual([]);
      await Promise.all([first.onApplicationBootstrap(), second.onApplicationBootstrap()]);
      await eventually(
        async () => runs.length,
        (count) => count === 1,
      );

      await second.runNow('test.count');
      await eventually(
        async () => runs.length,
        (count) => count === 2,
      );
      // Both workers poll every two seconds: long enough for a second taker to show up, if there were one.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(runs).toHaveLength(2);
    } finally {
      await Promise.all([first.onModuleDestroy(), second.onModuleDestroy()]);
    }
  });
});

describe('Jobs switched off (JOBS_ENABLED=false, as in most tests)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('schedules nothing, shows no next run, and runs a job at once on "run now"', async () => {
    const before = await t.get('/api/jobs');
    expect(before.body.find((job: { name: string }) => job.name === 'outbox.send')).toMatchObject({ enabled: false, nextRunAt: null });
    expect((await t.post('/api/jobs/outbox.send/run')).status).toBe(202);
    const after = await t.get('/api/jobs');
    expect(after.body.find((job: { name: string }) => job.name === 'outbox.send')).toMatchObject({ lastState: 'succeeded' });
  });
});
