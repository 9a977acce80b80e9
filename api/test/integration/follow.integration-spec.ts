import type { ParsedMail } from 'mailparser';
import { Scheduler } from '../../src/core/jobs/scheduler';
import { FollowLinks } from '../../src/modules/follow/follow-links';
import { FOLLOW_LIMITS } from '../../src/modules/follow/follow-throttle';
import { EXPIRE_JOB } from '../../src/modules/follow/follow.service';
import { SEND_JOB } from '../../src/modules/outbox/outbox.service';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { type Factories, factories, UNKNOWN_ID } from '../support/factories';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const PUBLIC_URL = 'https://fremdrift.kommune.example';
const FORM = 'application/x-www-form-urlencoded';

describe('Following an initiative or a plan by e-mail', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ mail: { smtpUrl: smtp.url, from: 'Fremdrift <fremdrift@kommune.example>' }, publicUrl: PUBLIC_URL });
    make = factories(t);
  });
  beforeEach(async () => {
    await t.reset();
    await t.dataSource.query('TRUNCATE follow_request');
    smtp.received.length = 0;
  });
  afterAll(async () => {
    // The rate limit counts this file's requests from 127.0.0.1: other files must not inherit them.
    await t?.dataSource.query('TRUNCATE follow_request');
    await t?.close();
    await smtp?.close();
  });

  const sendMail = () => t.app.get(Scheduler).runNow(SEND_JOB);
  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };
  const linkIn = (mail: ParsedMail, path: string) => new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}\\?token=[^\\s"<]+`).exec(mail.text ?? '')?.[0];

  /** A published initiative in a plan; a lead who writes public texts that wait for management; management. */
  async function world() {
    const department = await make.department();
    const plan = await make.plan();
    const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Lektiecafé' });
    const initiative = (await t.patch(`/api/initiatives/${created.id}`, { published: true }, { ifMatch: created.version })).body;
    const lead = await t.signedIn('department_lead', [department.id]);
    const management = await t.signedIn('management');
    return { department, plan, initiative, lead, management };
  }

  /** Asks to follow, and returns the confirmation mail's link (path and query). */
  async function requestFollow(body: Record<string, unknown>, client: TestClient = t.anonymous): Promise<string> {
    const before = smtp.received.length;
    const response = await client.post('/api/public/follow', { language: 'da', ...body });
    expect(response.status).toBe(202);
    await sendMail();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const link = linkIn(mail, '/api/public/follow/confirm');
    expect(link).toBeDefined();
    return pathOf(link!);
  }

  async function follow(body: Record<string, unknown>): Promise<void> {
    const confirm = await requestFollow(body);
    expect((await t.anonymous.send('POST', confirm, '', FORM)).status).toBe(200);
  }

  /** A lead's update whose public text management approves; returns the approved update. */
  async function approvedUpdate(w: Awaited<ReturnType<typeof world>>, publicText: string, extra: Record<string, unknown> = {}) {
    const update = await make.statusUpdate(w.initiative.id, { publicText, ...extra }, w.lead);
    const approved = await w.management.post(
      `/api/initiatives/${w.initiative.id}/status-updates/${update.id}/review`,
      { decision: 'approve' },
      { ifMatch: update.version },
    );
    expect(approved.status).toBe(200);
    return approved.body;
  }

  async function deliveredAfter(count: number): Promise<ParsedMail[]> {
    await sendMail();
    // Give a wrongly written extra mail the chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return smtp.received.slice(count);
  }

  it('sends exactly one mail per approved update after confirming, none before, and none after unsubscribing', async () => {
    const w = await world();
    const confirm = await requestFollow({ email: 'Borger@Example.dk', initiativeId: w.initiative.id });
    const [confirmation] = smtp.received;
    expect(confirmation.to).toMatchObject({ value: [{ address: 'borger@example.dk' }] });
    expect(confirmation.subject).toBe('Bekræft, at du vil følge Lektiecafé');
    expect(confirmation.html).toContain(`href="${PUBLIC_URL}${confirm.replace(/&/g, '&amp;')}"`);

    // Not confirmed yet: an approved update sends nothing.
    await approvedUpdate(w, 'Før bekræftelsen.', { periodStart: '2026-08-01', periodEnd: '2026-08-31' });
    expect(await deliveredAfter(1)).toEqual([]);

    // The link opens a page that shows the consent text and asks; only the form post confirms.
    const page = await t.anonymous.get(confirm);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke');
    expect((await t.dataSource.query('SELECT confirmed FROM follow_subscription'))[0].confirmed).toBe(false);
    const confirmed = await t.anonymous.send('POST', confirm, '', FORM);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('Nu følger du med');
    const [row] = await t.dataSource.query('SELECT * FROM follow_subscription');
    expect(row).toMatchObject({ email: 'borger@example.dk', confirmed: true, confirmation_token_hash: null, language: 'da' });
    expect(row.consent_text).toContain('Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke');
    expect(row.consent_text).toContain('»Lektiecafé«');
    expect(row.consented_at).toBeInstanceOf(Date);
    // Single use.
    expectProblem(await t.anonymous.send('POST', confirm, '', FORM), 404);

    await approvedUpdate(w, 'Første offentlige opdatering.', { periodStart: '2026-09-01', periodEnd: '2026-09-30' });
    await approvedUpdate(w, 'Anden offentlige opdatering.', { periodStart: '2026-10-01', periodEnd: '2026-10-31' });
    const mails = await deliveredAfter(1);
    expect(mails.map((mail) => mail.subject)).toEqual(['Nyt om Lektiecafé', 'Nyt om Lektiecafé']);
    expect(mails[0].text).toContain('Første offentlige opdatering.');
    expect(mails[1].text).toContain('Anden offentlige opdatering.');
    expect(mails.every((mail) => mail.html && mail.text?.includes(`${PUBLIC_URL}/initiativ/${w.initiative.id}`))).toBe(true);
    // A second run of the sender sends nothing again.
    expect(await deliveredAfter(3)).toEqual([]);

    // Unsubscribe from the link in the mail, in one click (RFC 8058) as a mail program does.
    const unsubscribe = linkIn(mails[1], '/api/public/follow/unsubscribe')!;
    const header = (key: string) => mails[1].headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mails[1].html).toContain(`href="${unsubscribe}"`);
    const asked = await t.anonymous.get(pathOf(unsubscribe));
    expect(asked.status).toBe(200);
    expect(asked.body).toContain('<form method="post">');
    const done = await t.anonymous.send('POST', pathOf(unsubscribe), 'List-Unsubscribe=One-Click', FORM);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Du er afmeldt');
    // The address and the consent are gone, and so are the messages written to it.
    expect(await t.dataSource.query('SELECT * FROM follow_subscription')).toEqual([]);
    expect(await t.dataSource.query(`SELECT "to" FROM outbox_message WHERE "to" = 'borger@example.dk'`)).toEqual([]);
    // A second click finds it gone, and says so the same way.
    expect((await t.anonymous.send('POST', pathOf(unsubscribe), '', FORM)).status).toBe(200);

    await approvedUpdate(w, 'Efter afmeldingen.', { periodStart: '2026-11-01', periodEnd: '2026-11-30' });
    expect(await deliveredAfter(3)).toEqual([]);
  });

  it('sends a follower of a plan the updates of its published initiatives, once per address, in their language', async () => {
    const w = await world();
    const hidden = await make.initiative({ actionPlanId: w.plan.id, leadDepartmentId: w.department.id }, { title: 'Intern forberedelse' });
    await follow({ email: 'plan@example.dk', actionPlanId: w.plan.id, language: 'en' });
    // Follows the plan and the initiative: still one mail per update.
    await follow({ email: 'begge@example.dk', actionPlanId: w.plan.id });
    await follow({ email: 'begge@example.dk', initiativeId: w.initiative.id });
    const sent = smtp.received.length;

    await approvedUpdate(w, 'Nyt fra lektiecaféen.');
    // Published directly by the admin, but on an initiative the public cannot see.
    await make.statusUpdate(hidden.id, { publicText: 'Må ikke sendes.' });
    const mails = await deliveredAfter(sent);
    expect(mails.map((mail) => [mail.to && 'value' in mail.to ? mail.to.value[0].address : null, mail.subject]).sort()).toEqual([
      ['begge@example.dk', 'Nyt om Lektiecafé'],
      ['plan@example.dk', 'News about Lektiecafé'],
    ]);
    const english = mails.find((mail) => mail.subject === 'News about Lektiecafé')!;
    expect(english.text).toContain('You receive this e-mail because you follow the action plan');
    const both = mails.find((mail) => mail.subject === 'Nyt om Lektiecafé')!;
    expect(both.text).toContain('fordi du følger initiativet »Lektiecafé«');
  });

  it('sends an update that is published directly, where the plan lets leads publish without approval', async () => {
    const w = await world();
    const plan = (await t.get(`/api/action-plans/${w.plan.id}`)).body;
    expect((await t.patch(`/api/action-plans/${w.plan.id}`, { leadsPublishDirectly: true }, { ifMatch: plan.version })).status).toBe(200);
    await follow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    const sent = smtp.received.length;

    const update = await make.statusUpdate(w.initiative.id, { publicText: 'Udgivet med det samme.' }, w.lead);
    expect(update.publicTextState).toBe('approved');
    const mails = await deliveredAfter(sent);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Udgivet med det samme.');
  });

  it('puts only the approved public text in the mail: never the internal text, the narrative or a text still waiting', async () => {
    const w = await world();
    await follow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    const sent = smtp.received.length;
    const update = await make.statusUpdate(
      w.initiative.id,
      { publicText: 'Den godkendte tekst.', internalText: 'HEMMELIG intern note', narrative: 'INTERN fortælling', blockers: 'INTERNE forhindringer' },
      w.lead,
    );
    // Waiting for approval: nothing yet.
    expect(await deliveredAfter(sent)).toEqual([]);
    const approved = await w.management.post(
      `/api/initiatives/${w.initiative.id}/status-updates/${update.id}/review`,
      { decision: 'approve' },
      { ifMatch: update.version },
    );
    expect(approved.status).toBe(200);
    const [mail, ...more] = await deliveredAfter(sent);
    expect(more).toEqual([]);
    expect(mail.text).toContain('Den godkendte tekst.');
    for (const secret of ['HEMMELIG', 'INTERN', 'INTERNE', 'Mette Holm']) {
      expect(mail.text).not.toContain(secret);
      expect(mail.html).not.toContain(secret);
    }
  });

  it('answers the same whether or not the address follows already, and sends no second confirmation to a follower', async () => {
    const w = await world();
    await follow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    const sent = smtp.received.length;
    const again = await t.anonymous.post('/api/public/follow', { email: 'borger@example.dk', initiativeId: w.initiative.id, language: 'da' });
    const stranger = await t.anonymous.post('/api/public/follow', { email: 'ny@example.dk', initiativeId: w.initiative.id, language: 'da' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(stranger.body);
    const mails = await deliveredAfter(sent);
    expect(mails.map((mail) => mail.to && 'value' in mail.to && mail.to.value[0].address)).toEqual(['ny@example.dk']);
  });

  it('renews an unconfirmed request with a new link, and deletes requests not confirmed within 48 hours', async () => {
    const w = await world();
    const first = await requestFollow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    const second = await requestFollow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    expectProblem(await t.anonymous.get(first), 404);
    expect((await t.anonymous.get(second)).status).toBe(200);

    await t.dataSource.query(`UPDATE follow_subscription SET requested_at = now() - interval '49 hours'`);
    // A browser is told in words.
    const expired = await t.anonymous.get(second, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(expired.status).toBe(404);
    expect(expired.headers['content-type']).toContain('text/html');
    expect(expired.body).toContain('Linket virker ikke længere');
    await t.app.get(Scheduler).runNow(EXPIRE_JOB);
    expect(await t.dataSource.query('SELECT * FROM follow_subscription')).toEqual([]);
    expect(await t.dataSource.query(`SELECT * FROM outbox_message WHERE kind = 'follow_confirmation'`)).toEqual([]);
  });

  it('refuses an initiative that is not published, and targets that do not exist, with 404', async () => {
    const w = await world();
    const hidden = await make.initiative({ actionPlanId: w.plan.id, leadDepartmentId: w.department.id });
    for (const body of [{ initiativeId: hidden.id }, { initiativeId: UNKNOWN_ID }, { actionPlanId: UNKNOWN_ID }]) {
      expectProblem(await t.anonymous.post('/api/public/follow', { email: 'borger@example.dk', language: 'da', ...body }), 404);
    }
    expect(await t.dataSource.query('SELECT * FROM follow_subscription')).toEqual([]);
  });

  it('answers 400 with a code for each field', async () => {
    const w = await world();
    const valid = { email: 'borger@example.dk', initiativeId: w.initiative.id, language: 'da' };
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ ...valid, email: 'ikke-en-adresse' }, { email: ['isEmail'] }],
      // Too long for any mailbox (the address check refuses it as well).
      [
        { ...valid, email: `${'a'.repeat(60)}@${['b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.')}.dk` },
        { email: expect.arrayContaining(['maxLength']) },
      ],
      [{ ...valid, initiativeId: 'nope' }, { initiativeId: ['isUuid'] }],
      [{ ...valid, initiativeId: undefined, actionPlanId: 'nope' }, { actionPlanId: ['isUuid'] }],
      [{ ...valid, language: 'de' }, { language: ['isIn'] }],
      [{ ...valid, initiativeId: undefined }, { initiativeId: ['followTarget'] }],
      [{ ...valid, actionPlanId: w.plan.id }, { actionPlanId: ['followTarget'] }],
      [{ ...valid, extra: true }, { extra: ['whitelistValidation'] }],
    ];
    for (const [body, codes] of cases) {
      const response = await t.anonymous.post('/api/public/follow', body);
      expectInvalidFields(response, Object.keys(codes));
      expect(fieldCodes(response)).toMatchObject(codes);
    }
    expectProblem(await t.anonymous.get('/api/public/follow/confirm'), 400);
    expectProblem(await t.anonymous.get('/api/public/follow/unsubscribe'), 400);
    expect(await t.dataSource.query('SELECT * FROM follow_subscription')).toEqual([]);
  });

  it('refuses an unsubscribe link that was not signed by us, or signed for another subscription', async () => {
    const w = await world();
    await follow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    const [{ id }] = await t.dataSource.query('SELECT id FROM follow_subscription');
    const links = t.app.get(FollowLinks);
    const forged = `${id}.${(await links.unsubscribeToken(UNKNOWN_ID)).split('.')[1]}`;
    expectProblem(await t.anonymous.get(`/api/public/follow/unsubscribe?token=${forged}`), 403);
    expectProblem(await t.anonymous.send('POST', `/api/public/follow/unsubscribe?token=${forged}`, '', FORM), 403);
    expectProblem(await t.anonymous.send('POST', '/api/public/follow/unsubscribe?token=nonsense', '', FORM), 403);
    expect(await t.dataSource.query('SELECT id FROM follow_subscription')).toEqual([{ id }]);
  });

  it('limits requests per e-mail address and per client address, answering 429 with Retry-After', async () => {
    const w = await world();
    const ask = (email: string) => t.anonymous.post('/api/public/follow', { email, initiativeId: w.initiative.id, language: 'da' });
    for (let i = 0; i < FOLLOW_LIMITS.perAddress; i++) expect((await ask('borger@example.dk')).status).toBe(202);
    const limited = await ask('BORGER@example.dk');
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(FOLLOW_LIMITS.windowMinutes * 60);

    for (let i = FOLLOW_LIMITS.perAddress; i < FOLLOW_LIMITS.perClient; i++) expect((await ask(`borger${i}@example.dk`)).status).toBe(202);
    expectProblem(await ask('endnu-en@example.dk'), 429);
    // The counts keep no address, only keyed hashes.
    const stored: { key_hash: Buffer }[] = await t.dataSource.query('SELECT key_hash FROM follow_request');
    expect(stored.every((row) => !row.key_hash.toString('latin1').includes('example.dk'))).toBe(true);
    await sendMail();
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM follow_subscription`)).toEqual([
      { n: FOLLOW_LIMITS.perClient - FOLLOW_LIMITS.perAddress + 1 },
    ]);
  });

  it('keeps followers out of the audit trail: no row there carries the address', async () => {
    const w = await world();
    await follow({ email: 'borger@example.dk', initiativeId: w.initiative.id });
    expect(await t.dataSource.query(`SELECT id FROM audit_event WHERE changes::text LIKE '%borger@example.dk%'`)).toEqual([]);
  });
});
