import { Clock } from '../../src/core/clock/clock';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { Scheduler } from '../../src/core/jobs/scheduler';
import { SEND_JOB } from '../../src/modules/outbox/outbox.service';
import { CYCLE_JOB, RemindersService } from '../../src/modules/reminders/reminders.service';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { type Factories, factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('The reporting cycle’s mails on their way', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ mail: { smtpUrl: smtp.url, from: 'Fremdrift <fremdrift@kommune.example>' }, publicUrl: 'https://fremdrift.kommune.example' });
    make = factories(t);
  });
  beforeEach(async () => {
    await t.reset();
    await t.dataSource.query('TRUNCATE reminder_run');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const sql = (query: string, params: unknown[] = []) =>
    t.dataSource.transaction(async (manager) => {
      await attributeTo(manager, SYSTEM_ACTOR);
      return manager.query(query, params);
    });

  it('arrive over SMTP with the initiatives, the link to the prefilled form and a working unsubscribe link', async () => {
    const department = await make.department();
    const plan = await make.plan();
    const initiative = await make.initiative(
      { actionPlanId: plan.id, leadDepartmentId: department.id },
      { title: 'Lektiecafé', status: 'in_progress', startDate: '2026-01-01' },
    );
    await sql(
      `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, author_name)
               VALUES ($1, '2026-11-01', '2026-11-30', 'on_track', 'on_track', 'Som planlagt.', 'Mette Holm')`,
      [initiative.id],
    );
    const lead = await t.signedIn('department_lead', [department.id]);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-28T07:00:00Z'));
    try {
      await t.app.get(RemindersService).runCycle();
    } finally {
      clock.mockRestore();
    }
    await t.app.get(Scheduler).runNow(SEND_JOB);
    const [mail] = await smtp.waitFor(1);

    expect(mail.to).toMatchObject({ value: [{ address: lead.user.email }] });
    expect(mail.subject).toBe('Påmindelse: statusopdatering for december 2026 mangler');
    const reportLink = `https://fremdrift.kommune.example/initiativer/${initiative.id}?opdatering=ingen-aendringer#ny-statusopdatering`;
    expect(mail.text).toContain('Lektiecafé');
    expect(mail.text).toContain(reportLink);
    expect(mail.html).toContain(`href="${reportLink}"`);
    const unsubscribe = new URL(/https:\/\/fremdrift\.kommune\.example\/api\/reminders\/unsubscribe\?[^\s"]+/.exec(mail.text ?? '')![0]);
    // Mail programs offer the same link, and unsubscribe with one click (RFC 8058).
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe.href}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const done = await t.anonymous.send(
      'POST',
      `${unsubscribe.pathname}${unsubscribe.search}`,
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
    );
    expect(done.status).toBe(200);
    expect((await t.dataSource.query('SELECT reminders_enabled FROM app_user WHERE id = $1', [lead.user.id]))[0].reminders_enabled).toBe(false);
  });

  it('runs at start-up when jobs are on and the cycle has not run today, so the outbox holds this period’s messages', async () => {
    const department = await make.department();
    await sql(`UPDATE department SET management_contact_email = 'ledelse@kommune.example' WHERE id = $1`, [department.id]);
    // Never reported and escalated at once: a message is due whatever today's date.
    const plan = await make.plan({ escalationGraceDays: 0 });
    await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { status: 'in_progress', startDate: '2025-01-01' });

    const withJobs = await startTestApp({ jobsEnabled: true, mail: { smtpUrl: null, from: 'fremdrift@kommune.example' } });
    try {
      const deadline = Date.now() + 15_000;
      let rows: { kind: string; to: string }[] = [];
      while (Date.now() < deadline) {
        rows = await t.dataSource.query(`SELECT kind, "to" FROM outbox_message WHERE kind = 'escalation'`);
        const [ran] = await t.dataSource.query('SELECT count(*)::int AS n FROM reminder_run WHERE job = $1', [CYCLE_JOB]);
        if (rows.length > 0 && ran.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(rows).toEqual([{ kind: 'escalation', to: 'ledelse@kommune.example' }]);
    } finally {
      await withJobs.close();
    }
  });
});
