import { SYSTEM_ACTOR, TransactionRunner } from '../../src/core/database/transaction-runner';
import { OutboxSender } from '../../src/modules/outbox/outbox-sender';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { useTestApp, type TestApp } from '../support/test-app';

describe('Outbox without an SMTP server (the default)', () => {
  let t: TestApp;
  useTestApp(({ t: app }) => (t = app));

  it('holds the message, never tries to send it, and lets admins read it', async () => {
    const outbox = t.app.get(OutboxService);
    await t.app.get(TransactionRunner).run(SYSTEM_ACTOR, () =>
      outbox.enqueue({
        idempotencyKey: 'escalation:dept-1:2026-11',
        kind: 'escalation',
        recipientUserId: null,
        to: 'chef@test.example',
        language: 'en',
        subject: 'Overdue reports',
        text: 'Two initiatives have not reported.',
        html: '<p>Two initiatives have not reported.</p>',
        initiativeIds: [],
      }),
    );
    await t.app.get(OutboxSender).sendDue();
    expect(await t.post('/api/jobs/outbox.send/run')).toMatchObject({ status: 202 });

    const list = await t.get('/api/outbox?state=held');
    expect(list.body.total).toBe(1);
    const [held] = list.body.items;
    expect(held).toMatchObject({ state: 'held', attempts: 0, sentAt: null, nextAttemptAt: null });
    const detail = await t.get(`/api/outbox/${held.id}`);
    expect(detail.body).toMatchObject({ subject: 'Overdue reports', to: 'chef@test.example', text: 'Two initiatives have not reported.', language: 'en' });
  });
});
