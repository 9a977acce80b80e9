import { Clock } from '../../src/core/clock/clock';
import { attributeTo, SYSTEM_ACTOR } from '../../src/core/database/transaction-runner';
import { RemindersService } from '../../src/modules/reminders/reminders.service';
import { expectInvalidFields, expectProblem } from '../support/expectations';
import { UNKNOWN_ID, type Factories } from '../support/factories';
import { type TestApp, type TestClient, useTestApp } from '../support/test-app';

interface OutboxRow {
  kind: string;
  to: string;
  recipientUserId: string | null;
  language: string;
  subject: string;
  text: string;
  html: string;
  initiativeIds: string[];
  idempotencyKey: string;
}

describe('The reporting cycle', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), { jobsEnabled: false });

  let now = new Date();
  /** 08:00 in Copenhagen on `day`. */
  const setToday = (day: string) => (now = new Date(`${day}T07:00:00Z`));
  const cycle = () => t.app.get(RemindersService);

  beforeAll(() => {
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
  });
  beforeEach(async () => {
    await t.dataSource.query('TRUNCATE reminder_run');
  });

  const outbox = (): Promise<OutboxRow[]> =>
    t.dataSource.query(
      `SELECT kind, "to", recipient_user_id AS "recipientUserId", language, subject, text, html, initiative_ids AS "initiativeIds",
              idempotency_key AS "idempotencyKey"
         FROM outbox_message ORDER BY created_at, idempotency_key`,
    );
  const sql = (query: string, params: unknown[] = []) =>
    t.dataSource.transaction(async (manager) => {
      await attributeTo(manager, SYSTEM_ACTOR);
      return manager.query(query, params);
    });
  const reportFor = (initiativeId: string, periodStart: string, periodEnd: string, health = 'on_track', baseline = 'on_track') =>
    sql(
      `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, author_name)
       VALUES ($1, $2, $3, $4, $5, 'Som planlagt.', 'Mette Holm')`,
      [initiativeId, periodStart, periodEnd, health, baseline],
    );
  const running = { status: 'in_progress', startDate: '2026-01-01' };

  /**
   * Two departments: D1 (management contact set) leads A and B, with one lead who wants reminders and one
   * who turned them off; D2 (no contact) leads C, with a lead who reads English; D3 leads R, which has reported.
   */
  async function world() {
    const d1 = await make.department();
    const d2 = await make.department();
    const d3 = await make.department();
    await sql(`UPDATE department SET management_contact_email = 'ledelse@kommune.example' WHERE id = $1`, [d1.id]);
    const plan = await make.plan();
    const a = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: d1.id }, { title: 'Aktive seniorer', ...running });
    const b = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: d1.id }, { title: 'Bedre cykelstier', ...running });
    const c = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: d2.id }, { title: 'Cafe for unge', ...running });
    const r = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: d3.id }, { title: 'Rapporteret', ...running });
    for (const initiative of [a, b, c]) await reportFor(initiative.id, '2026-11-01', '2026-11-30');
    await reportFor(r.id, '2026-12-01', '2026-12-31');
    const lead1 = await t.signedIn('department_lead', [d1.id]);
    const quietLead = await t.signedIn('department_lead', [d1.id]);
    expect((await quietLead.patch('/api/account/mail-settings', { remindersEnabled: false })).status).toBe(200);
    const englishLead = await t.signedIn('department_lead', [d2.id]);
    expect((await englishLead.patch('/api/account/mail-settings', { language: 'en' })).body).toMatchObject({ language: 'en', remindersEnabled: true });
    const reportedLead = await t.signedIn('department_lead', [d3.id]);
    return { d1, d2, plan, a, b, c, r, lead1, quietLead, englishLead, reportedLead };
  }

  it('walks through a period: reminder, the same day again, final reminder, escalation after the grace days', async () => {
    const w = await world();

    setToday('2026-12-25');
    await cycle().runCycle();
    expect(await outbox()).toEqual([]);

    setToday('2026-12-26');
    expect((await cycle().runCycle()).enqueued).toBe(2);
    const reminders = await outbox();
    expect(reminders.map((m) => [m.kind, m.recipientUserId, [...m.initiativeIds].sort()])).toEqual(
      expect.arrayContaining([
        ['reminder', w.lead1.user.id, [w.a.id, w.b.id].sort()],
        ['reminder', w.englishLead.user.id, [w.c.id]],
      ]),
    );
    expect(reminders).toHaveLength(2);
    const toLead1 = reminders.find((m) => m.recipientUserId === w.lead1.user.id)!;
    expect(toLead1).toMatchObject({ to: w.lead1.user.email, language: 'da', idempotencyKey: `reminder:${w.lead1.user.id}:2026-12-31` });
    expect(toLead1.subject).toBe('Påmindelse: statusopdatering for december 2026 mangler');
    for (const body of [toLead1.text, toLead1.html]) {
      expect(body).toContain('Aktive seniorer');
      expect(body).toContain('Bedre cykelstier');
      expect(body).toContain(`/initiativer/${w.a.id}?opdatering=ingen-aendringer#ny-statusopdatering`);
      expect(body).toContain('/api/reminders/unsubscribe?user=');
    }
    expect(toLead1.text).toContain('31. december 2026');
    const toEnglish = reminders.find((m) => m.recipientUserId === w.englishLead.user.id)!;
    expect(toEnglish).toMatchObject({ language: 'en', subject: 'Reminder: status update for December 2026 is due' });
    expect(toEnglish.html).toContain('<html lang="en">');

    expect((await cycle().runCycle()).enqueued).toBe(0);
    expect(await outbox()).toHaveLength(2);

    setToday('2026-12-31');
    await cycle().runCycle();
    const finals = (await outbox()).filter((m) => m.kind === 'final_reminder');
    expect(finals.map((m) => m.recipientUserId).sort()).toEqual([w.lead1.user.id, w.englishLead.user.id].sort());
    expect(finals.find((m) => m.recipientUserId === w.lead1.user.id)!.subject).toBe('Sidste dag: statusopdatering for december 2026');

    setToday('2027-01-02');
    await cycle().runCycle();
    expect((await outbox()).filter((m) => m.kind === 'escalation')).toEqual([]);

    setToday('2027-01-03');
    await cycle().runCycle();
    const escalations = (await outbox()).filter((m) => m.kind === 'escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({
      to: 'ledelse@kommune.example',
      recipientUserId: null,
      idempotencyKey: 'escalation:ledelse@kommune.example:2026-12-31',
    });
    expect([...escalations[0].initiativeIds].sort()).toEqual([w.a.id, w.b.id].sort());
    expect(escalations[0].subject).toBe(`Manglende statusopdatering for december 2026: ${w.d1.name}`);
    for (const body of [escalations[0].text, escalations[0].html]) {
      expect(body).toContain('Aktive seniorer');
      expect(body).toContain('Bedre cykelstier');
      expect(body).toContain(`/initiativer/${w.a.id}`);
      expect(body).not.toContain('/api/reminders/unsubscribe');
    }

    const everyone = await outbox();
    for (const quiet of [w.quietLead.user.id, w.reportedLead.user.id]) expect(everyone.filter((m) => m.recipientUserId === quiet)).toEqual([]);
    expect(everyone.some((m) => m.initiativeIds.includes(w.r.id))).toBe(false);
  });

  it('escalates to management when the department has no management contact', async () => {
    const w = await world();
    const management = await t.signedIn('management');
    await management.patch('/api/account/mail-settings', { language: 'en' });
    setToday('2027-01-04');
    await cycle().runCycle();
    const escalations = (await outbox()).filter((m) => m.kind === 'escalation');
    expect(escalations.map((m) => [m.to, m.initiativeIds])).toEqual(
      expect.arrayContaining([
        ['ledelse@kommune.example', expect.arrayContaining([w.a.id, w.b.id])],
        [management.user.email, [w.c.id]],
      ]),
    );
    expect(escalations).toHaveLength(2);
    expect(escalations.find((m) => m.to === management.user.email)).toMatchObject({
      recipientUserId: management.user.id,
      language: 'en',
      subject: `Missing status update for December 2026: ${w.d2.name}`,
    });
  });

  it('sends nothing for plans with reminders turned off', async () => {
    const w = await world();
    await sql('UPDATE action_plan SET reminders_enabled = false WHERE id = $1', [w.plan.id]);
    setToday('2026-12-31');
    await cycle().runCycle();
    expect(await outbox()).toEqual([]);
  });

  describe('the Monday digest', () => {
    /** The Monday after the real date, so that rows the database stamps with now() fall within the past week. */
    const nextMonday = () => {
      const day = new Date();
      day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7));
      return day.toISOString().slice(0, 10);
    };

    it('tells management which initiatives are late, whose health dropped and which were completed, once a week', async () => {
      const department = await make.department();
      const plan = await make.plan();
      const late = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: department.id },
        { title: 'Sen rapportering', status: 'in_progress', startDate: '2025-01-01' },
      );
      const dropped = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Faldende sundhed', status: 'in_progress' });
      await reportFor(dropped.id, '2026-11-01', '2026-11-30', 'off_track', 'on_track');
      const done = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Færdigt projekt', status: 'in_progress' });
      expect((await t.patch(`/api/initiatives/${done.id}`, { status: 'completed' }, { ifMatch: done.version })).status).toBe(200);
      const management = await t.signedIn('management');
      const english = await t.signedIn('management');
      await english.patch('/api/account/mail-settings', { language: 'en' });
      const noDigest = await t.signedIn('management');
      await noDigest.patch('/api/account/mail-settings', { digestEnabled: false });

      setToday(nextMonday());
      expect((await cycle().runDigest()).enqueued).toBe(2);
      const digests = await outbox();
      expect(digests.map((m) => m.recipientUserId).sort()).toEqual([management.user.id, english.user.id].sort());
      const danish = digests.find((m) => m.recipientUserId === management.user.id)!;
      expect(danish).toMatchObject({ kind: 'digest', language: 'da' });
      expect(danish.subject).toContain('Ugens overblik');
      expect(danish.text).toMatch(/Mangler statusopdatering \(1\)\n- Sen rapportering/);
      expect(danish.text).toMatch(/Forværret sundhed \(1\)\n- Faldende sundhed \([^)]*på sporet → forsinket\)/);
      expect(danish.text).toMatch(/Afsluttet \(1\)\n- Færdigt projekt/);
      expect(danish.text).toContain(`/initiativer/${late.id}`);
      expect(digests.find((m) => m.recipientUserId === english.user.id)!.text).toContain('Missing status updates (1)');

      expect((await cycle().runDigest()).enqueued).toBe(0);
    });
  });

  describe('unsubscribe links', () => {
    async function linkOf() {
      const w = await world();
      setToday('2026-12-27');
      await cycle().runCycle();
      const mail = (await outbox()).find((m) => m.recipientUserId === w.lead1.user.id)!;
      const url = new URL(/https?:\/\/\S+\/api\/reminders\/unsubscribe\?\S+/.exec(mail.text)![0]);
      return { w, path: `${url.pathname}${url.search}`, url };
    }
    const enabled = async (userId: string) => (await t.dataSource.query('SELECT reminders_enabled FROM app_user WHERE id = $1', [userId]))[0].reminders_enabled;

    it('asks first, then turns the reminders off without signing in', async () => {
      const { w, path } = await linkOf();
      const page = await t.anonymous.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<form method="post">');
      expect(await enabled(w.lead1.user.id)).toBe(true);

      const done = await t.anonymous.send('POST', path, '', 'application/x-www-form-urlencoded');
      expect(done.status).toBe(200);
      expect(done.body).toContain('Du er afmeldt');
      expect(await enabled(w.lead1.user.id)).toBe(false);

      setToday('2026-12-31');
      await cycle().runCycle();
      expect((await outbox()).filter((m) => m.recipientUserId === w.lead1.user.id && m.kind === 'final_reminder')).toEqual([]);
    });

    it('refuses a tampered link, another user’s id or another scope with 403, and a malformed one with 400', async () => {
      const { w, url } = await linkOf();
      const signature = url.searchParams.get('signature')!;
      const tampered = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
      const withParams = (changes: Record<string, string>) => {
        const copy = new URL(url);
        for (const [key, value] of Object.entries(changes)) copy.searchParams.set(key, value);
        return `${copy.pathname}${copy.search}`;
      };
      for (const path of [withParams({ signature: tampered }), withParams({ user: w.englishLead.user.id }), withParams({ scope: 'digest' })]) {
        expectProblem(await t.anonymous.get(path), 403);
        expectProblem(await t.anonymous.send('POST', path, '', 'application/x-www-form-urlencoded'), 403);
      }
      expectInvalidFields(await t.anonymous.get(withParams({ user: 'not-a-uuid' })), ['user']);
      expectInvalidFields(await t.anonymous.get(withParams({ scope: 'everything' })), ['scope']);
      expectInvalidFields(await t.anonymous.get(withParams({ signature: 'x'.repeat(101) })), ['signature']);
      expectInvalidFields(await t.anonymous.get('/api/reminders/unsubscribe'), ['user', 'scope', 'signature']);
      expect(await enabled(w.lead1.user.id)).toBe(true);
    });
  });

  describe('the manual reminder', () => {
    it('reminds each lead of the initiative once a day, listing all their late initiatives', async () => {
      const w = await world();
      setToday('2026-12-10');
      const management = await t.signedIn('management');
      const sent = await management.post(`/api/reminders/initiatives/${w.a.id}`);
      expect(sent.status).toBe(200);
      expect(sent.body.sentTo.map((r: { id: string }) => r.id).sort()).toEqual([w.lead1.user.id, w.quietLead.user.id].sort());
      const mails = await outbox();
      expect(mails).toHaveLength(2);
      const toLead1 = mails.find((m) => m.recipientUserId === w.lead1.user.id)!;
      expect(toLead1).toMatchObject({ kind: 'manual_reminder', idempotencyKey: `manual_reminder:${w.lead1.user.id}:2026-12-10` });
      expect([...toLead1.initiativeIds].sort()).toEqual([w.a.id, w.b.id].sort());

      const again = await management.post(`/api/reminders/initiatives/${w.b.id}`);
      expectProblem(again, 409);
      expect(again.body.code).toBe('reminderAlreadySent');

      setToday('2026-12-11');
      expect((await management.post(`/api/reminders/initiatives/${w.b.id}`)).status).toBe(200);

      const recorded = await w.lead1.get(`/api/reminders/initiatives/${w.b.id}`);
      expect(recorded.status).toBe(200);
      expect(recorded.body.filter((r: { recipientUserId: string }) => r.recipientUserId === w.lead1.user.id)).toHaveLength(2);
      expect(recorded.body[0]).toMatchObject({ initiativeId: w.b.id, kind: 'manual_reminder', to: expect.any(String), state: 'held' });
      expectProblem(await w.lead1.get(`/api/reminders/initiatives/${UNKNOWN_ID}`), 404);
      expectInvalidFields(await w.lead1.get('/api/reminders/initiatives/nope'), ['id']);
    });

    it('answers 409 for an initiative that has reported or has no lead, 404 for an unknown one, 400 for a malformed id', async () => {
      const w = await world();
      setToday('2026-12-10');
      const reported = await t.post(`/api/reminders/initiatives/${w.r.id}`);
      expectProblem(reported, 409);
      expect(reported.body.code).toBe('alreadyReported');
      const lonely = await make.initiative({ actionPlanId: w.plan.id, leadDepartmentId: (await make.department()).id }, running);
      const noLead = await t.post(`/api/reminders/initiatives/${lonely.id}`);
      expectProblem(noLead, 409);
      expect(noLead.body.code).toBe('noLeadToRemind');
      expectProblem(await t.post(`/api/reminders/initiatives/${UNKNOWN_ID}`), 404);
      expectInvalidFields(await t.post('/api/reminders/initiatives/nope'), ['id']);
      expect(await outbox()).toEqual([]);
    });

    it('is for management and administrators only', async () => {
      const w = await world();
      for (const client of [w.lead1, await t.signedIn('viewer')] as TestClient[]) expectProblem(await client.post(`/api/reminders/initiatives/${w.a.id}`), 403);
      expectProblem(await t.anonymous.post(`/api/reminders/initiatives/${w.a.id}`), 401);
      expect(await outbox()).toEqual([]);
    });
  });

  describe('the user’s own e-mail settings', () => {
    it('reads and changes them', async () => {
      const lead = await t.signedIn('department_lead');
      expect((await lead.get('/api/account/mail-settings')).body).toEqual({ remindersEnabled: true, digestEnabled: true, language: 'da' });
      expect((await lead.patch('/api/account/mail-settings', { digestEnabled: false, language: 'en' })).body).toEqual({
        remindersEnabled: true,
        digestEnabled: false,
        language: 'en',
      });
      expect((await lead.get('/api/account/mail-settings')).body).toMatchObject({ digestEnabled: false, language: 'en' });
    });

    it('answers 400 per field for wrong values and 401 without a session', async () => {
      const lead = await t.signedIn('department_lead');
      const response = await lead.patch('/api/account/mail-settings', { remindersEnabled: 'yes', digestEnabled: null, language: 'de' });
      expectInvalidFields(response, ['remindersEnabled', 'digestEnabled', 'language']);
      expect(response.body.errors.language[0].code).toBe('isIn');
      expectProblem(await t.anonymous.get('/api/account/mail-settings'), 401);
    });
  });
});
