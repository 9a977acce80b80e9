import type { OutgoingMail } from '@fremdrift/contracts';
import { SYSTEM_ACTOR, TransactionRunner } from '../../src/core/database/transaction-runner';
import { messageIdFor, OutboxSender, SENDING_LEASE_MINUTES } from '../../src/modules/outbox/outbox-sender';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { factories, type Factories } from '../support/factories';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestApp, type TestApp } from '../support/test-app';

const FROM = 'Fremdrift <noreply@test.example>';

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    idempotencyKey: `reminder:${Math.random().toString(36).slice(2)}:2026-11`,
    kind: 'reminder',
    recipientUserId: null,
    to: 'leder@test.example',
    language: 'da',
    subject: 'Påmindelse: rapportér på dine indsatser',
    text: 'Husk at rapportere for november.',
    html: '<p>Husk at rapportere for <strong>november</strong>.</p>',
    initiativeIds: [],
    ...overrides,
  };
}

describe('Outbox with an SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let make: Factories;
  let outbox: OutboxService;
  let sender: OutboxSender;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ mail: { smtpUrl: smtp.url, from: FROM } });
    make = factories(t);
    outbox = t.app.get(OutboxService);
    sender = t.app.get(OutboxSender);
    transactions = t.app.get(TransactionRunner);
  });
  beforeEach(async () => {
    await t.reset();
    smtp.received.length = 0;
    smtp.refusing = false;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const rows = () => t.dataSource.query(`SELECT * FROM outbox_message ORDER BY created_at`);
  /** Makes every waiting message due now, as if its backoff had passed. */
  const timePasses = () => t.dataSource.query(`UPDATE outbox_message SET next_attempt_at = now() - interval '1 second' WHERE state = 'pending'`);

  it('delivers an enqueued message once over SMTP, with a Message-ID derived from its idempotency key', async () => {
    const message = mail();
    expect(await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue(message))).toBe(true);
    expect((await rows())[0].state).toBe('pending');

    expect(await sender.sendDue()).toMatchObject({ sent: 1 });
    await sender.sendDue();

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received.subject).toBe(message.subject);
    expect(received.text?.trim()).toBe(message.text);
    expect(received.html).toContain('<strong>november</strong>');
    expect(received.messageId).toBe(messageIdFor(message.idempotencyKey));
    expect(received.from?.value).toEqual([{ name: 'Fremdrift', address: 'noreply@test.example' }]);
    const [row] = await rows();
    expect(row).toMatchObject({ state: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('writes nothing and answers false for a key that is already there', async () => {
    const message = mail();
    await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue(message));
    expect(await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue({ ...message, subject: 'Another subject' }))).toBe(false);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0].subject).toBe(message.subject);
  });

  it('keeps no message when the transaction that decided to send it rolls back', async () => {
    await expect(
      transactions.run(SYSTEM_ACTOR, async () => {
        await outbox.enqueue(mail());
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await rows()).toHaveLength(0);
  });

  it('retries after 1, 5, 30 and 120 minutes while the server refuses, then fails for an admin to send again', async () => {
    await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue(mail()));
    smtp.refusing = true;
    for (const minutes of [1, 5, 30, 120]) {
      await sender.sendDue();
      const [row] = await t.dataSource.query(
        `SELECT state, last_error, round(extract(epoch FROM next_attempt_at - now()) / 60)::int AS wait_minutes FROM outbox_message`,
      );
      expect(row).toMatchObject({ state: 'pending', wait_minutes: minutes });
      expect(row.last_error).toMatch(/Try again later/);
      await sender.sendDue();
      expect((await rows())[0].state).toBe('pending');
      await timePasses();
    }
    await sender.sendDue();
    const [failed] = await rows();
    expect(failed).toMatchObject({ state: 'failed', attempts: 5 });
    expect(smtp.received).toHaveLength(0);

    const list = await t.get('/api/outbox?state=failed');
    expect(list.body).toMatchObject({ total: 1, items: [{ id: failed.id, state: 'failed', attempts: 5 }] });
    expect(list.body.items[0].lastError).toMatch(/Try again later/);

    smtp.refusing = false;
    const retried = await t.post(`/api/outbox/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('pending');
    await sender.sendDue();
    expect(smtp.received).toHaveLength(1);
    expect((await rows())[0].state).toBe('sent');
  });

  it('delivers each of 50 messages exactly once with two app instances sending at the same time', async () => {
    const second = await startTestApp({ mail: { smtpUrl: smtp.url, from: FROM } });
    try {
      const messages = Array.from({ length: 50 }, (_, i) => mail({ idempotencyKey: `digest:user-${i}:2026-11`, kind: 'digest' }));
      await transactions.run(SYSTEM_ACTOR, async () => {
        for (const message of messages) await outbox.enqueue(message);
      });
      const otherSender = second.app.get(OutboxSender);
      const rounds = await Promise.all([sender.sendDue(), otherSender.sendDue(), sender.sendDue(), otherSender.sendDue()]);
      expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(50);
      // Both instances took part: the claim hands each message to exactly one of them.
      expect(rounds.filter((round) => round.sent > 0).length).toBeGreaterThan(1);
      await smtp.waitFor(50);
      const ids = smtp.received.map((received) => received.messageId);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
      expect(new Set(ids)).toEqual(new Set(messages.map((message) => messageIdFor(message.idempotencyKey))));
      const [{ sent }] = await t.dataSource.query(`SELECT count(*)::int AS sent FROM outbox_message WHERE state = 'sent'`);
      expect(sent).toBe(50);
    } finally {
      await second.close();
    }
  });

  it('does not send again after a crash between sending and recording it, and tells admins after the lease', async () => {
    await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue(mail()));
    const mark = jest.spyOn(sender as unknown as { markSent(id: string): Promise<void> }, 'markSent').mockRejectedValueOnce(new Error('process killed'));
    await expect(sender.sendDue()).rejects.toThrow('process killed');
    mark.mockRestore();
    expect(smtp.received).toHaveLength(1);
    expect((await rows())[0].state).toBe('sending');

    await sender.sendDue();
    expect(smtp.received).toHaveLength(1);
    expect((await rows())[0].state).toBe('sending');

    await t.dataSource.query(`UPDATE outbox_message SET claimed_at = now() - make_interval(mins => $1 + 1)`, [SENDING_LEASE_MINUTES]);
    expect(await sender.sendDue()).toMatchObject({ abandoned: 1, sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const [row] = await rows();
    expect(row.state).toBe('failed');
    expect(row.last_error).toMatch(/may or may not have been delivered/);
  });

  it('lists, filters, pages and shows messages to admins', async () => {
    const user = await t.signedIn('department_lead');
    const { initiative } = await make.world();
    await transactions.run(SYSTEM_ACTOR, async () => {
      await outbox.enqueue(mail({ kind: 'reminder', recipientUserId: user.user.id, to: user.user.email, initiativeIds: [initiative.id] }));
      await outbox.enqueue(mail({ kind: 'escalation', subject: 'Eskalering' }));
      await outbox.enqueue(mail({ kind: 'digest', subject: 'Overblik' }));
    });

    const all = await t.get('/api/outbox?pageSize=2');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);

    const reminders = await t.get('/api/outbox?kind=reminder&state=pending');
    expect(reminders.body.total).toBe(1);
    const [summary] = reminders.body.items;
    expect(summary).toMatchObject({ kind: 'reminder', to: user.user.email, recipientName: expect.stringContaining('Test department_lead'), state: 'pending' });
    expect(summary).not.toHaveProperty('html');

    const detail = await t.get(`/api/outbox/${summary.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: summary.id, language: 'da', text: 'Husk at rapportere for november.', initiativeIds: [initiative.id] });
    expect(detail.body.html).toContain('<strong>');

    expect((await t.get('/api/outbox?state=sent')).body.total).toBe(0);

    const records = await outbox.sentFor([initiative.id]);
    expect(records).toEqual([expect.objectContaining({ initiativeId: initiative.id, kind: 'reminder', to: user.user.email, state: 'pending', sentAt: null })]);
    expect(await outbox.sentFor([])).toEqual([]);
  });

  it('finds per initiative and group of kinds only the latest message, by when it was sent or else written', async () => {
    const { initiative, plan, department } = await make.world();
    const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
    const write = (key: string, kind: string, initiativeIds: string[], createdAt: string, sentAt: string | null) =>
      t.dataSource.query(
        `INSERT INTO outbox_message (idempotency_key, kind, "to", language, subject, text, html, initiative_ids, state, created_at, sent_at)
         VALUES ($1::text, $2, $1::text || '@test.example', 'da', 'Emne', 'x', '<p>x</p>', $3::uuid[], $4, $5, $6)`,
        [key, kind, initiativeIds, sentAt ? 'sent' : 'held', createdAt, sentAt],
      );
    await write('first', 'reminder', [initiative.id, other.id], '2026-10-01T08:00:00Z', '2026-10-01T08:01:00Z');
    // Written before the manual reminder, but sent after it.
    await write('final', 'final_reminder', [initiative.id], '2026-10-05T08:00:00Z', '2026-10-09T08:00:00Z');
    await write('manual', 'manual_reminder', [initiative.id], '2026-10-08T08:00:00Z', null);
    await write('escalation', 'escalation', [initiative.id], '2026-10-02T08:00:00Z', '2026-10-02T08:00:00Z');
    await write('digest', 'digest', [initiative.id], '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z');

    const groups = { reminder: ['reminder', 'final_reminder', 'manual_reminder'], escalation: ['escalation'] } as const;
    const latest = await outbox.latestSentFor([initiative.id, other.id], groups);
    const found = latest.map(({ initiativeId, group, to }) => ({ initiativeId, group, to })).sort((a, b) => (a.to < b.to ? -1 : 1));
    expect(found).toEqual(
      [
        { initiativeId: initiative.id, group: 'escalation', to: 'escalation@test.example' },
        { initiativeId: initiative.id, group: 'reminder', to: 'final@test.example' },
        { initiativeId: other.id, group: 'reminder', to: 'first@test.example' },
      ].sort((a, b) => (a.to < b.to ? -1 : 1)),
    );
    expect(latest.find((record) => record.to === 'final@test.example')).toMatchObject({
      kind: 'final_reminder',
      state: 'sent',
      sentAt: '2026-10-09T08:00:00.000Z',
    });
    expect(await outbox.latestSentFor([other.id], { escalation: ['escalation'] })).toEqual([]);
    expect(await outbox.latestSentFor([], groups)).toEqual([]);
  });

  it('answers 400 per filter, 404 for an unknown message and 409 when sending again what is not failed', async () => {
    const state = await t.get('/api/outbox?state=lost');
    expect(state.status).toBe(400);
    expect(state.body.errors.state[0].code).toBe('isIn');
    const kind = await t.get('/api/outbox?kind=letter');
    expect(kind.body.errors.kind[0].code).toBe('isIn');
    const page = await t.get('/api/outbox?page=0');
    expect(page.body.errors.page[0].code).toBe('min');
    const badId = await t.get('/api/outbox/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors.id[0].code).toBe('isUuid');

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.get(`/api/outbox/${unknown}`)).status).toBe(404);
    expect((await t.post(`/api/outbox/${unknown}/retry`)).status).toBe(404);

    await transactions.run(SYSTEM_ACTOR, () => outbox.enqueue(mail()));
    const [row] = await rows();
    const conflict = await t.post(`/api/outbox/${row.id}/retry`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('conflict');
  });

  it('refuses the outbox to everyone but admins', async () => {
    const lead = await t.signedIn('department_lead');
    const management = await t.signedIn('management');
    expect((await lead.get('/api/outbox')).status).toBe(403);
    expect((await management.get('/api/outbox')).status).toBe(403);
    expect((await t.anonymous.get('/api/outbox')).status).toBe(401);
  });
});
