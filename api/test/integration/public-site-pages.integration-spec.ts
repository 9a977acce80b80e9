import { SESSION_COOKIE } from '@fremdrift/contracts';
import { FOLLOW_LIMITS } from '../../src/modules/follow/follow-throttle';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const PUBLIC_URL = 'https://fremdrift.kommune.example';
const FORM = 'application/x-www-form-urlencoded';
const HOSTILE = '<script>alert("x")</script> & "Café"';

interface PageResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

describe('The server-rendered initiative and plan pages, and the follow form on them', () => {
  let t: TestApp;
  let make: Factories;
  // Before the app closes (hooks run in the order given): the rate limit counts this file's requests from 127.0.0.1, which other files must not inherit.
  afterAll(() => t?.dataSource.query('TRUNCATE follow_request'));
  useTestApp((started) => ({ t, make } = started), { publicUrl: PUBLIC_URL });
  beforeEach(() => t.dataSource.query('TRUNCATE follow_request'));

  /** A request as a browser sends it: no session unless a cookie is given. */
  async function request(method: 'GET' | 'POST', url: string, options: { headers?: Record<string, string>; form?: string } = {}): Promise<PageResponse> {
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: { ...(options.form !== undefined ? { 'content-type': FORM } : {}), ...options.headers },
        ...(options.form !== undefined ? { payload: options.form } : {}),
      });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  }
  const get = (url: string, headers: Record<string, string> = {}) => request('GET', url, { headers });
  /** The follow form as a browser posts it from a page of the site. */
  const postForm = (url: string, form: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', origin: PUBLIC_URL }) =>
    request('POST', url, { form, headers });

  const text = (body: string) =>
    body
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
  const h1 = (body: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1].trim();

  function expectPage(response: PageResponse, status: number, lang = 'da'): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!doctype html>/i);
    expect(response.body).toContain(`<html lang="${lang}">`);
    expect(response.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(response.body.match(/<h1[\s>]/g)).toHaveLength(1);
  }

  /** A published initiative with a reached and an open milestone, an approved update and a named partner, and a draft beside it. */
  async function publishedWorld(title = 'Sprogpraktik i virksomheder') {
    const department = await make.department({ name: 'Sociale Forhold og Beskæftigelse' });
    const plan = await make.plan({
      title: 'Flygtningehandleplan',
      description: 'Sådan tager vi imod flygtninge sammen.',
      coCreationDate: '2024-03-14',
      coCreationMethod: 'Tre borgermøder og en workshop.',
      participants: { citizens: 40, volunteers: 12, companies: 3, civilSociety: 5, staff: 9 },
    });
    const goalId = plan.goals[0].id;
    const partner = await make.partner({ name: 'Røde Kors', type: 'volunteer_organisation' });
    const initiative = await make.initiative(
      { actionPlanId: plan.id, leadDepartmentId: department.id },
      {
        title,
        summary: 'Praktik med sprogmakker.',
        goalId,
        published: true,
        status: 'in_progress',
        startDate: '2024-01-01',
        targetDate: '2030-12-31',
        internalNotes: 'HEMMELIG-NOTE',
      },
    );
    await make.milestone(initiative.id, { title: 'Aftaler med de første virksomheder', dueDate: '2024-06-01', completedDate: '2024-05-01' });
    await make.milestone(initiative.id, { title: '75 borgere i sprogpraktik', dueDate: '2031-01-01' });
    await make.statusUpdate(initiative.id, { periodStart: '2024-05-01', periodEnd: '2024-05-31', health: 'on_track', publicText: 'Ti virksomheder er med.' });
    const linked = await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, {
      role: 'Sprogmakkere',
      publicConsent: true,
      consentGivenOn: '2024-03-12',
      consentMethod: 'workshop',
    });
    expect(linked.status).toBeLessThan(300);
    const draft = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'HEMMELIGT-UDKAST' });
    return { department, plan, initiative, draft };
  }

  describe('GET /initiativ/:id', () => {
    it('renders the published initiative: facts, progress, timeline newest first, partners and the follow form, with no script', async () => {
      const { plan, initiative } = await publishedWorld();
      const response = await get(`/initiativ/${initiative.id}`);
      expectPage(response, 200);
      const body = response.body;
      expect(body).toContain('<title>Sprogpraktik i virksomheder – Fremdrift</title>');
      expect(h1(body)).toBe('Sprogpraktik i virksomheder');
      expect(body).toContain('<p class="page-head__lead">Praktik med sprogmakker.</p>');
      expect(body).toContain(`<a href="/handleplan/${plan.id}">Flygtningehandleplan</a>`);
      expect(body).toMatch(new RegExp(`<link rel="canonical" href="${PUBLIC_URL}/initiativ/${initiative.id}"\\s*/?>`));
      const words = text(body);
      expect(words).toContain('Ansvarlig afdeling Sociale Forhold og Beskæftigelse');
      expect(words).toContain('Mål Et sundt og aktivt liv');
      expect(words).toContain('Start 1. jan. 2024');
      expect(words).toContain('Røde Kors (Frivilligorganisation, Sprogmakkere)');
      expect(words).toContain('I gang');
      // Progress: one of two milestones reached (equal weights), with the text a screen reader gets.
      expect(body).toMatch(/role="progressbar"[^>]*aria-valuenow="50"/);
      // The timeline, newest first: the open milestone (2031), the update (May 2024, end 31st), the reached milestone (1 May).
      const timeline = words.slice(words.indexOf('Tidslinje'));
      const order = ['75 borgere i sprogpraktik', 'Status for 1. maj 2024 – 31. maj 2024', 'Ti virksomheder er med.', 'Aftaler med de første virksomheder'];
      expect(order.map((part) => timeline.indexOf(part))).toEqual([...order.map((part) => timeline.indexOf(part))].sort((a, b) => a - b));
      expect(order.every((part) => timeline.includes(part))).toBe(true);
      expect(words).toContain('Milepæl nået · 1. maj 2024');
      expect(words).toContain('På sporet');
      // The follow form posts to the page's own address, and names the initiative in its consent text.
      expect(body).toContain(`<form class="form follow__form" method="post" action="/initiativ/${initiative.id}/foelg" novalidate>`);
      expect(body).toContain('<label for="follow-initiative-email">Din e-mailadresse</label>');
      expect(words).toContain('initiativet »Sprogpraktik i virksomheder«');
      expect(body).not.toContain('HEMMELIG');
    });

    it('is revalidated on every visit with a strong ETag: 304 for the same page, a new ETag once it changes', async () => {
      const { initiative } = await publishedWorld();
      const first = await get(`/initiativ/${initiative.id}`);
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(String(first.headers['vary'])).toMatch(/Accept-Encoding/i);
      expect(String(first.headers['vary'])).toMatch(/Cookie/i);
      const etag = String(first.headers['etag']);
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await get(`/initiativ/${initiative.id}`, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');

      const current = (await t.get(`/api/initiatives/${initiative.id}`)).body;
      expect((await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Sprogpraktik for alle' }, { ifMatch: current.version })).status).toBe(200);
      const changed = await get(`/initiativ/${initiative.id}`, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(h1(changed.body)).toBe('Sprogpraktik for alle');
      expect(changed.headers['etag']).not.toBe(etag);
    });

    it('speaks English with the language cookie', async () => {
      const { initiative } = await publishedWorld();
      const response = await get(`/initiativ/${initiative.id}`, { cookie: 'fremdrift_lang=en' });
      expectPage(response, 200, 'en');
      const words = text(response.body);
      expect(words).toContain('Lead department Sociale Forhold og Beskæftigelse');
      expect(words).toContain('Røde Kors (Volunteer organisation, Sprogmakkere)');
      expect(words).toContain('Start 1 Jan 2024');
      expect(words).toContain('Follow by e-mail');
      expect(words).toContain('the initiative “Sprogpraktik i virksomheder”');
      // The switch back to Danish returns to this page.
      expect(response.body).toContain(`href="/sprog/da?til=${encodeURIComponent(`/initiativ/${initiative.id}`)}"`);
    });

    it('escapes what users wrote: a hostile title is text, never markup', async () => {
      const { initiative } = await publishedWorld(HOSTILE);
      const response = await get(`/initiativ/${initiative.id}`);
      expectPage(response, 200);
      expect(response.body).not.toContain('<script>alert');
      expect(h1(response.body)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Café&quot;');
      expect(response.body).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Café&quot; – Fremdrift</title>');
    });

    it('says when there are neither milestones nor updates yet', async () => {
      const { plan, department } = await publishedWorld();
      const bare = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Nyt initiativ', published: true });
      const response = await get(`/initiativ/${bare.id}`);
      expectPage(response, 200);
      expect(text(response.body)).toContain('Der er ingen milepæle endnu. Der er ingen offentlige statusopdateringer endnu.');
      expect(response.body).not.toContain('class="timeline"');
    });

    it('answers an unpublished, unknown or malformed id with the friendly 404 page, which names nothing', async () => {
      const { draft } = await publishedWorld();
      for (const id of [draft.id, UNKNOWN_ID, 'ikke-et-id', draft.id.toUpperCase()]) {
        const response = await get(`/initiativ/${id}`);
        expectPage(response, 404);
        expect(h1(response.body)).toBe('Initiativet findes ikke eller er ikke offentligt');
        expect(response.body).toContain('<a href="/">Se alle offentlige initiativer</a>');
        expect(response.body).not.toContain('HEMMELIGT-UDKAST');
      }
    });

    it('shows a signed-in user the way to the app instead of "Log ind"', async () => {
      const { initiative } = await publishedWorld();
      const viewer = await t.signedIn('viewer');
      const response = await get(`/initiativ/${initiative.id}`, { cookie: `${SESSION_COOKIE}=${viewer.session.token}` });
      expectPage(response, 200);
      expect(text(response.body)).toContain('Gå til Fremdrift');
      expect(text(response.body)).not.toContain('Log ind');
      expect(text((await get(`/initiativ/${initiative.id}`)).body)).toContain('Log ind');
    });
  });

  describe('GET /handleplan/:id', () => {
    it('tells how the plan was made, by whom, its goals and its published initiatives, and links its feed', async () => {
      const { plan, initiative } = await publishedWorld();
      const response = await get(`/handleplan/${plan.id}`);
      expectPage(response, 200);
      const body = response.body;
      expect(body).toContain('<title>Flygtningehandleplan – Fremdrift</title>');
      expect(h1(body)).toBe('Flygtningehandleplan');
      expect(body).toContain(`<a href="/api/public/action-plans/${plan.id}/feed.atom">Følg planen: nyhedsfeed (Atom)</a>`);
      const words = text(body);
      expect(words).toContain('Planen blev skabt sammen 14. mar. 2024.');
      expect(words).toContain('Metode Tre borgermøder og en workshop.');
      expect(words).toContain('I alt deltog 69 personer.');
      expect(words).toContain('Borgere 40');
      expect(words).toContain('Foreninger og civilsamfund 5');
      expect(words).toContain('I alt 69');
      expect(words).toContain('Planens mål Et sundt og aktivt liv');
      expect(body).toContain(`<h3 class="card__title"><a href="/initiativ/${initiative.id}">Sprogpraktik i virksomheder</a></h3>`);
      expect(body).not.toContain('HEMMELIG');
      expect(body).toContain(`action="/handleplan/${plan.id}/foelg"`);
      expect(words).toContain('handleplanen »Flygtningehandleplan«');
      // One page: no page links.
      expect(body).not.toContain('class="pagination"');
    });

    it('says when the plan has no published initiatives yet, and counts one participant in the singular', async () => {
      const plan = await make.plan({ title: 'Tom plan', participants: { citizens: 1, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 } });
      const response = await get(`/handleplan/${plan.id}`);
      expectPage(response, 200);
      expect(text(response.body)).toContain('Planen har endnu ingen offentliggjorte initiativer.');
      expect(text(response.body)).toContain('I alt deltog 1 person.');
    });

    it('shows the initiatives 24 at a time with links between the pages, and sends a page past the end to the last', async () => {
      const { plan, department } = await publishedWorld();
      for (let i = 1; i <= 24; i++) {
        await make.initiative(
          { actionPlanId: plan.id, leadDepartmentId: department.id },
          { title: `Initiativ ${String(i).padStart(2, '0')}`, published: true },
        );
      }
      const first = await get(`/handleplan/${plan.id}`);
      expectPage(first, 200);
      expect(first.body.match(/class="card"/g)).toHaveLength(24);
      expect(text(first.body)).toContain('Side 1 af 2');
      expect(first.body).toContain(`href="/handleplan/${plan.id}?page=2" rel="next"`);

      const second = await get(`/handleplan/${plan.id}?page=2`);
      expectPage(second, 200);
      expect(second.body.match(/class="card"/g)).toHaveLength(1);
      expect(second.body).toContain(`href="/handleplan/${plan.id}" rel="prev"`);
      expect(second.body).toMatch(new RegExp(`<link rel="canonical" href="${PUBLIC_URL}/handleplan/${plan.id}\\?page=2"\\s*/?>`));

      const past = await get(`/handleplan/${plan.id}?page=9`);
      expect(past.status).toBe(302);
      expect(past.headers['location']).toBe(`/handleplan/${plan.id}?page=2`);
      for (const nonsense of ['abc', '0', '-1', '1e3']) {
        const response = await get(`/handleplan/${plan.id}?page=${nonsense}`);
        expectPage(response, 200);
        expect(text(response.body)).toContain('Side 1 af 2');
      }
    });

    it('answers an unknown or malformed id with the 404 page', async () => {
      for (const id of [UNKNOWN_ID, 'x']) {
        const response = await get(`/handleplan/${id}`);
        expectPage(response, 404);
        expect(h1(response.body)).toBe('Handleplanen findes ikke');
      }
    });
  });

  describe('POST /initiativ/:id/foelg and /handleplan/:id/foelg', () => {
    const subscriptions = () =>
      t.dataSource.query('SELECT email, initiative_id, action_plan_id, language, confirmed FROM follow_subscription ORDER BY requested_at');
    const confirmationMails = () => t.dataSource.query(`SELECT "to", language FROM outbox_message WHERE kind = 'follow_confirmation' ORDER BY created_at`);

    it('takes the address like the JSON endpoint (double opt-in: a confirmation mail, not yet confirmed) and says to check the inbox', async () => {
      const { initiative } = await publishedWorld();
      const response = await postForm(`/initiativ/${initiative.id}/foelg`, 'email=+Borger%40Example.dk+');
      expectPage(response, 200);
      expect(h1(response.body)).toBe('Tjek din indbakke');
      expect(text(response.body)).toContain(
        'Vi har sendt en e-mail til Borger@Example.dk med et link, som du skal klikke på for at bekræfte. Linket virker i 48 timer.',
      );
      expect(response.body).toContain(`<a href="/initiativ/${initiative.id}#foelg">Brug en anden e-mailadresse</a>`);
      expect(await subscriptions()).toEqual([
        { email: 'borger@example.dk', initiative_id: initiative.id, action_plan_id: null, language: 'da', confirmed: false },
      ]);
      expect(await confirmationMails()).toEqual([{ to: 'borger@example.dk', language: 'da' }]);
    });

    it('follows a plan, in the visitor’s language', async () => {
      const { plan } = await publishedWorld();
      const response = await postForm(`/handleplan/${plan.id}/foelg`, 'email=citizen%40example.com', {
        'sec-fetch-site': 'same-origin',
        cookie: 'fremdrift_lang=en',
      });
      expectPage(response, 200, 'en');
      expect(h1(response.body)).toBe('Check your inbox');
      expect(await subscriptions()).toEqual([{ email: 'citizen@example.com', initiative_id: null, action_plan_id: plan.id, language: 'en', confirmed: false }]);
      expect(await confirmationMails()).toEqual([{ to: 'citizen@example.com', language: 'en' }]);
    });

    it.each([
      ['no address', '', 'Skriv din e-mailadresse.', ''],
      ['only spaces', 'email=+++', 'Skriv din e-mailadresse.', '   '],
      ['not an address', 'email=ikke-en-adresse', 'Skriv en gyldig e-mailadresse, fx navn@example.dk.', 'ikke-en-adresse'],
      ['an address sent twice', 'email=a%40example.dk&email=b%40example.dk', 'Skriv din e-mailadresse.', ''],
      ['too long', `email=${'a'.repeat(250)}%40example.dk`, 'E-mailadressen må højst være 254 tegn.', `${'a'.repeat(250)}@example.dk`],
    ])('refuses %s with 400: the form again, the error summary linked to the field, the value kept', async (_case, form, message, kept) => {
      const { initiative } = await publishedWorld();
      const response = await postForm(`/initiativ/${initiative.id}/foelg`, form);
      expectPage(response, 400);
      expect(response.body).toContain('<title>Fejl: Følg med på e-mail – Fremdrift</title>');
      expect(h1(response.body)).toBe('Følg med på e-mail');
      const summary = /<div class="notice notice--error error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(response.body);
      expect(summary?.[0]).toContain('role="alert"');
      expect(summary?.[1]).toContain('Der er et problem');
      expect(summary?.[1]).toContain(`<a href="#follow-initiative-email">${message}</a>`);
      expect(response.body.indexOf('error-summary')).toBeLessThan(response.body.indexOf('<h1'));
      expect(response.body).toContain(`<p class="field-error" id="follow-initiative-email-error"><span class="visually-hidden">Fejl: </span>${message}</p>`);
      expect(response.body).toContain(`value="${kept}"`);
      expect(response.body).toMatch(
        /id="follow-initiative-email"[^>]*aria-describedby="follow-initiative-email-error follow-initiative-consent"[^>]*aria-invalid="true"/,
      );
      expect(await subscriptions()).toEqual([]);
    });

    it('keeps a hostile value as text in the field', async () => {
      const { initiative } = await publishedWorld();
      const response = await postForm(`/initiativ/${initiative.id}/foelg`, `email=${encodeURIComponent('"><script>alert(1)</script>')}`);
      expectPage(response, 400);
      expect(response.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    });

    it('answers 429 with Retry-After and a page saying so once the address has asked too often', async () => {
      const { initiative } = await publishedWorld();
      for (let i = 0; i < FOLLOW_LIMITS.perAddress; i++) {
        expect((await postForm(`/initiativ/${initiative.id}/foelg`, 'email=gentager%40example.dk')).status).toBe(200);
      }
      const refused = await postForm(`/initiativ/${initiative.id}/foelg`, 'email=gentager%40example.dk');
      expectPage(refused, 429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(h1(refused.body)).toBe('Det lykkedes ikke at tilmelde dig');
      expect(text(refused.body)).toMatch(/Der er sendt for mange tilmeldinger herfra\. Prøv igen om \d+ minutter\./);
    });

    it('refuses a form posted from another site (403), and accepts one without the headers a browser sends', async () => {
      const { initiative } = await publishedWorld();
      const url = `/initiativ/${initiative.id}/foelg`;
      const crossSite: Record<string, string>[] = [
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { origin: 'null' },
      ];
      for (const headers of crossSite) {
        const refused = await postForm(url, 'email=offer%40example.dk', headers);
        expectPage(refused, 403);
        expect(text(refused.body)).toContain('Formularen blev sendt fra en anden hjemmeside.');
      }
      expect(await subscriptions()).toEqual([]);
      expect((await postForm(url, 'email=kurl%40example.dk', {})).status).toBe(200);
      expect((await postForm(url, 'email=origin%40example.dk', { origin: PUBLIC_URL })).status).toBe(200);
      expect((await subscriptions()).map((row: { email: string }) => row.email)).toEqual(['kurl@example.dk', 'origin@example.dk']);
    });

    it('answers 404 for an initiative that is not public, and for an unknown plan', async () => {
      const { draft } = await publishedWorld();
      for (const url of [`/initiativ/${draft.id}/foelg`, `/handleplan/${UNKNOWN_ID}/foelg`, '/initiativ/x/foelg']) {
        const response = await postForm(url, 'email=borger%40example.dk');
        expectPage(response, 404);
        expect(text(response.body)).toContain('Det, du vil følge, er ikke offentligt længere.');
        expect(response.body).not.toContain('HEMMELIGT-UDKAST');
      }
      expect(await subscriptions()).toEqual([]);
    });

    it('leaves the JSON API as strict as it was: a form body to /api/public/follow is still a 415', async () => {
      const { initiative } = await publishedWorld();
      const response = await request('POST', '/api/public/follow', { form: `email=borger%40example.dk&initiativeId=${initiative.id}&language=da` });
      expect(response.status).toBe(415);
    });

    it('answers odd input with a 4xx, never a 5xx', async () => {
      const { initiative, plan } = await publishedWorld();
      const url = `/initiativ/${initiative.id}/foelg`;
      const fromHere = { 'sec-fetch-site': 'same-origin' };
      const responses = [
        await get(`/handleplan/${plan.id}?page=1&page=2`),
        await get(`/handleplan/${plan.id}?page[]=2`),
        await get('/initiativ/%E0%A4%A'),
        await request('POST', url, { form: 'email=%E0%A4%A', headers: fromHere }),
        await request('POST', url, { form: '__proto__=x&email=a%40example.dk', headers: fromHere }),
        await request('POST', url, { form: 'email=a@example.dk', headers: { ...fromHere, 'content-type': 'text/plain' } }),
        await request('POST', url, { form: '{"email":["a@example.dk"]}', headers: { ...fromHere, 'content-type': 'application/json' } }),
        await request('POST', url, { form: '{"email":', headers: { ...fromHere, 'content-type': 'application/json' } }),
      ];
      expect(responses.map((response) => response.status)).toEqual([200, 200, 400, 400, 400, 400, 400, 400]);
      expect(await subscriptions()).toEqual([]);
    });
  });
});
