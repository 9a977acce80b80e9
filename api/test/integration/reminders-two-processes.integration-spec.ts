import { isDigestDay } from '@fremdrift/progress';
import type { ParsedMail } from 'mailparser';
import { Clock } from '../../src/core/clock/clock';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { messageIdFor, OutboxSender } from '../../src/modules/outbox/outbox-sender';
import { RemindersService } from '../../src/modules/reminders/reminders.service';
import { factories } from '../support/factories';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestApp, type TestApp } from '../support/test-app';

const FROM = 'Fremdrift <fremdrift@kommune.example>';
const CONTACT = 'ledelse@kommune.example';
const TITLES = ['Aktive seniorer', 'Bedre cykelstier', 'Cafe for unge', 'Sommerbadning'];

describe('The reporting cycle with two processes and an SMTP server', () => {
  let smtp: TestSmtpServer;
  let first: TestApp;
  let second: TestApp;
  let now = new Date();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const config = { mail: { smtpUrl: smtp.url, from: FROM }, publicUrl: 'https://fremdrift.kommune.example' };
    first = await startTestApp(config);
    second = await startTestApp(config);
    for (const app of [first, second]) jest.spyOn(app.app.get(Clock), 'now').mockImplementation(() => now);
    await first.reset();
    await first.dataSource.query('TRUNCATE reminder_run');
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await smtp?.close();
  });

  const sql = (query: string, params: unknown[] = []) =>
    first.dataSource.transaction(async (manager) => {
      await attributeTo(manager, SYSTEM_ACTOR);
      return manager.query(query, params);
    });
  const reportFor = (initiativeId: string, periodStart: string, periodEnd: string) =>
    sql(
      `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, author_name)
       VALUES ($1, $2, $3, 'on_track', 'on_track', 'Som planlagt.', 'Mette Holm')`,
      [initiativeId, periodStart, periodEnd],
    );
  const unsent = async (): Promise<number> => (await first.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE state <> 'sent'`))[0].n;

  /** One line per mail: who got it, its subject and the initiatives it lists. */
  const describeMail = (mail: ParsedMail) => {
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((address) => address.address).join(', ') : '?';
    const listed = TITLES.filter((title) => mail.text?.includes(title));
    return `${to} | ${mail.subject} | ${listed.join(', ')}`;
  };

  /**
   * Sets both processes' clocks to 08:00 in Copenhagen on `day`, runs the day's jobs in both at the
   * same time (the digest on Mondays, as its schedule does), lets both senders deliver at the same
   * time, and answers the mails that arrived in this step.
   */
  async function step(day: string): Promise<string[]> {
    now = new Date(`${day}T07:00:00Z`);
    const before = smtp.received.length;
    const services = [first, second].map((app) => app.app.get(RemindersService));
    const runs = await Promise.all(services.map((service) => service.runCycle()));
    if (isDigestDay(day)) runs.push(...(await Promise.all(services.map((service) => service.runDigest()))));
    const senders = [first, second].map((app) => app.app.get(OutboxSender));
    await Promise.all([...senders, ...senders].map((sender) => sender.sendDue()));
    expect(await unsent()).toBe(0);
    const [{ total }] = await first.dataSource.query('SELECT count(*)::int AS total FROM outbox_message');
    // A sender returns once the server has accepted its mails, so all of them are here now.
    await smtp.waitFor(total, 1_000);
    const arrived = smtp.received.slice(before);
    // Both processes decided; between them they wrote each message once.
    expect(runs.reduce((sum, run) => sum + run.enqueued, 0)).toBe(arrived.length);
    return arrived.map(describeMail).sort();
  }

  it('sends each reminder, final reminder, escalation and digest of a monthly period exactly once', async () => {
    const make = factories(first);
    const d1 = await make.department();
    const d2 = await make.department();
    const d3 = await make.department();
    await sql(`UPDATE department SET management_contact_email = $2 WHERE id = $1`, [d1.id, CONTACT]);
    const plan = await make.plan({ reportingPeriod: 'monthly', remindersEnabled: true, reminderDaysBefore: 5, escalationGraceDays: 3 });
    const running = { status: 'in_progress', startDate: '2026-01-01' };
    const initiatives: { id: string }[] = [];
    for (const [title, department] of [
      [TITLES[0], d1],
      [TITLES[1], d1],
      [TITLES[2], d2],
      [TITLES[3], d3],
    ] as const) {
      initiatives.push(await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title, ...running }));
    }
    // All reported for November; the fourth has reported for December too.
    for (const initiative of initiatives) await reportFor(initiative.id, '2026-11-01', '2026-11-30');
    await reportFor(initiatives[3].id, '2026-12-01', '2026-12-31');
    const lead1 = (await first.signedIn('department_lead', [d1.id])).user.email;
    const lead2 = (await first.signedIn('department_lead', [d2.id])).user.email;
    const reportingLead = (await first.signedIn('department_lead', [d3.id])).user.email;
    const management = await first.signedIn('management');
    const settings = await management.get('/api/account/mail-settings');
    expect(settings.body).toMatchObject({ digestEnabled: true, language: 'da' });
    const boss = management.user.email;

    const reminder = 'Påmindelse: statusopdatering for december 2026 mangler';
    const final = 'Sidste dag: statusopdatering for december 2026';
    const escalation = (name: string) => `Manglende statusopdatering for december 2026: ${name}`;
    const digest = 'Ugens overblik over handleplanerne (uge fra 4. januar 2027)';

    // Friday, six days before the period ends: outside the five-day window.
    expect(await step('2026-12-25')).toEqual([]);
    // The window opens: one mail per lead, listing all their late initiatives.
    expect(await step('2026-12-26')).toEqual([`${lead1} | ${reminder} | Aktive seniorer, Bedre cykelstier`, `${lead2} | ${reminder} | Cafe for unge`].sort());
    // Tuesday, still inside the window: the reminders went out already.
    expect(await step('2026-12-29')).toEqual([]);
    expect(await step('2026-12-31')).toEqual([`${lead1} | ${final} | Aktive seniorer, Bedre cykelstier`, `${lead2} | ${final} | Cafe for unge`].sort());
    // Two days after the period, one short of the grace days.
    expect(await step('2027-01-02')).toEqual([]);
    // D1 escalates to its management contact; D2 has none, so to management.
    expect(await step('2027-01-03')).toEqual(
      [`${CONTACT} | ${escalation(d1.name)} | Aktive seniorer, Bedre cykelstier`, `${boss} | ${escalation(d2.name)} | Cafe for unge`].sort(),
    );
    // Monday: the digest, and no escalation again.
    expect(await step('2027-01-04')).toEqual([`${boss} | ${digest} | Aktive seniorer, Bedre cykelstier, Cafe for unge`]);

    const received = smtp.received;
    expect(received).toHaveLength(7);
    const ids = received.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys: { key: string }[] = await first.dataSource.query('SELECT idempotency_key AS key FROM outbox_message');
    expect(new Set(ids)).toEqual(new Set(keys.map(({ key }) => messageIdFor(key))));
    expect(received.map(describeMail).filter((line) => line.startsWith(reportingLead))).toEqual([]);
    expect(received.some((mail) => mail.text?.includes(TITLES[3]))).toBe(false);
  });
});
