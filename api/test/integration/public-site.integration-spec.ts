import { brotliDecompressSync } from 'node:zlib';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { expectProblem } from '../support/expectations';
import { type Factories } from '../support/factories';
import { publishedCatalogue } from '../support/public-catalogue';
import { type TestApp, useTestApp } from '../support/test-app';

const LANGUAGE_COOKIE = 'fremdrift_lang';

/** The text of a page without its markup, to look for what a reader sees. */
const textOf = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const h1s = (page: string) => page.match(/<h1[\s>]/g) ?? [];

function expectHtmlPage(response: { status: number; headers: Record<string, unknown>; body: string }, status = 200) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.body.startsWith('<!doctype html>')).toBe(true);
  expect(response.body).not.toMatch(/<script\b[^>]*\bsrc=/i);
  expect(response.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
  expect(h1s(response.body)).toHaveLength(1);
  expect(response.headers['cache-control']).toBe('no-cache');
  expect(String(response.headers['vary'])).toMatch(/Cookie/);
  expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
  // A visit leaves no cookie behind: only choosing a language sets one.
  expect(response.headers['set-cookie']).toBeUndefined();
}

describe('The public site as server-rendered pages', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  const page = (url: string, headers: Record<string, string> = {}) => t.anonymous.get<string>(url, { headers });

  const catalogue = () => publishedCatalogue(make);

  /** The titles of the initiative cards, in the page's order. */
  const cardTitles = (body: string) => [...body.matchAll(/<h4 class="card__title"><a href="\/initiativ\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

  describe('the front page', () => {
    it('lists the published initiatives by plan, in Danish, as plain HTML with no script at all', async () => {
      const w = await catalogue();
      const response = await page('/');
      expectHtmlPage(response);
      const { body } = response;
      expect(body).toContain('<html lang="da">');
      expect(body).toContain('<title>Initiativerne – Fremdrift</title>');
      expect(body).toContain('<h1>Kommunens samskabte initiativer</h1>');
      expect(textOf(body)).toContain('Viser 5 initiativer');
      expect(cardTitles(body)).toEqual(['Job i foreninger', 'Mentorer til nye borgere', 'Sprogcafé på biblioteket', 'Fællesspisning', 'Gåture for ældre']);
      expect(body.indexOf('A: Flygtningehandleplan')).toBeLessThan(body.indexOf('B: Sundhedsplan'));
      expect(body).toContain(`href="/handleplan/${w.refugees.id}"`);
      expect(body).toContain(`href="/initiativ/${w.cafe.id}"`);
      expect(body).not.toContain('UPUBLICERET');
      expect(body).toMatch(/role="progressbar"[^>]*aria-label="Fremdrift for Sprogcafé på biblioteket"/);
      expect(body).toContain('Sidst opdateret');
      for (const link of ['/api/public/initiatives.json', '/api/public/initiatives.csv', '/api/public/feed.atom', '/om-data'])
        expect(body).toContain(`href="${link}"`);
      expect(body).toContain('<a class="button button--on-dark" href="/login">Log ind');
      expect(body).toMatch(/<link rel="canonical" href="http:\/\/localhost:3000\/"/);
    });

    it('escapes a hostile title and summary instead of making them markup', async () => {
      const department = await make.department();
      const plan = await make.plan({ title: 'Plan <b>fed</b>' });
      await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: department.id },
        { published: true, title: '<img src=x onerror=alert(1)>', summary: '"></a><script>alert(2)</script>' },
      );
      const { body } = await page('/');
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<b>fed</b>');
      expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(body).toContain('&quot;&gt;&lt;/a&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    });

    it('searches and filters through a GET form on the server, keeping the choices in the form', async () => {
      await catalogue();
      const byDepartment = await page('/?department=KB');
      expect(cardTitles(byDepartment.body)).toEqual(['Job i foreninger', 'Sprogcafé på biblioteket', 'Gåture for ældre']);
      expect(byDepartment.body).toMatch(/<option value="KB"\s+selected>Kultur og Borgerservice<\/option>/);
      expect(textOf(byDepartment.body)).toContain('Viser 3 initiativer');
      expect(byDepartment.body).toContain('href="/">Nulstil filtre</a>');

      const search = await page('/?q=%C3%A6blehave');
      expect(cardTitles(search.body)).toEqual(['Job i foreninger']);
      expect(textOf(search.body)).toContain('Viser 1 initiativ ');
      expect(search.body).toMatch(/name="q"\s+type="search"\s+value="æblehave"/);

      expect(cardTitles((await page('/?status=completed')).body)).toEqual(['Gåture for ældre']);
      const form = (await page('/')).body;
      expect(form).toMatch(/<form class="public-filters__form" role="search" method="get" action="\/">/);
      for (const id of ['public-q', 'public-department', 'public-goal', 'public-health', 'public-status']) expect(form).toContain(`<label for="${id}">`);
    });

    it('says when nothing matches, and offers to clear the filters', async () => {
      await catalogue();
      const { status, body } = await page('/?q=findesikke');
      expect(status).toBe(200);
      expect(textOf(body)).toContain('Ingen initiativer matcher');
      expect(textOf(body)).toContain('Viser 0 initiativer');
      expect(cardTitles(body)).toEqual([]);
    });

    it('says when nothing is published yet', async () => {
      const { body } = await page('/');
      expect(textOf(body)).toContain('Der er endnu ingen offentliggjorte initiativer.');
      expect(body).not.toContain('class="pagination"');
    });

    it('reads odd query values as no filter and a too long search as an error on the field, never a server error', async () => {
      await catalogue();
      const odd = await page('/?health=sometimes&status=&goal=not-a-uuid&page=abc&department[]=x&q=');
      expect(odd.status).toBe(200);
      expect(cardTitles(odd.body)).toHaveLength(5);
      const long = await page(`/?q=${'a'.repeat(201)}`);
      expect(long.status).toBe(200);
      expect(long.body).toContain('aria-invalid="true"');
      expect(textOf(long.body)).toContain('Søgningen må højst være 200 tegn.');
      expect(cardTitles(long.body)).toEqual([]);
      expect((await page('/?page=99999999999')).status).toBe(200);
    });

    it('pages through many initiatives with links, and says so when a page is past the end', async () => {
      const department = await make.department();
      const plan = await make.plan();
      for (let i = 1; i <= 30; i++) {
        await make.initiative(
          { actionPlanId: plan.id, leadDepartmentId: department.id },
          { published: true, title: `Initiativ ${String(i).padStart(2, '0')}` },
        );
      }
      const first = await page('/');
      expect(cardTitles(first.body)).toHaveLength(24);
      expect(textOf(first.body)).toContain('Viser 30 initiativer');
      expect(textOf(first.body)).toContain('Side 1 af 2');
      expect(first.body).toContain('href="/?page=2" rel="next"');
      const second = await page('/?page=2');
      expect(cardTitles(second.body)).toEqual(['Initiativ 25', 'Initiativ 26', 'Initiativ 27', 'Initiativ 28', 'Initiativ 29', 'Initiativ 30']);
      expect(second.body).toContain('href="/" rel="prev"');
      const past = await page('/?page=9');
      expect(past.status).toBe(200);
      expect(textOf(past.body)).toContain('Der er ikke så mange initiativer.');
    });

    it('answers 304 to a browser that has the page, and sends each encoding with its own strong ETag', async () => {
      await catalogue();
      const first = await page('/');
      const etag = String(first.headers['etag']);
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await page('/', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');

      const fastify = t.app.getHttpAdapter().getInstance();
      const compressed = await fastify.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
      expect(compressed.headers['content-encoding']).toBe('br');
      expect(compressed.headers['etag']).not.toBe(etag);
      expect(brotliDecompressSync(compressed.rawPayload).toString('utf8')).toBe(first.body);
    });

    it('sends a signed-in user on to the start page of their role, and shows the page for an ended session', async () => {
      const department = await make.department();
      const expected = { department_lead: '/mine', management: '/dashboard', viewer: '/initiativer', admin: '/initiativer' } as const;
      for (const [role, start] of Object.entries(expected)) {
        const user = await t.signedIn(role as keyof typeof expected, [department.id]);
        const response = await user.get('/');
        expect(response.status).toBe(302);
        expect(response.headers['location']).toBe(start);
      }
      const ended = await page('/', { cookie: `${SESSION_COOKIE}=not-a-live-session` });
      expectHtmlPage(ended);
    });
  });

  describe('the language', () => {
    it('switches to English with a cookie for a year and goes back to the page it came from', async () => {
      const response = await page('/sprog/en?til=%2F%3Fq%3Dcaf%C3%A9');
      expect(response.status).toBe(303);
      expect(response.headers['location']).toBe('/?q=caf%C3%A9');
      expect(response.headers['set-cookie']).toBe(`${LANGUAGE_COOKIE}=en; Max-Age=31536000; Path=/; SameSite=Lax`);

      const english = await page('/', { cookie: `${LANGUAGE_COOKIE}=en` });
      expectHtmlPage(english);
      expect(english.body).toContain('<html lang="en">');
      expect(english.body).toContain('<h1>The municipality&#39;s co-created initiatives</h1>');
      expect(english.body).toContain('href="/sprog/da?til=%2F"');
      expect(english.body).toMatch(/hreflang="da"\s*>Dansk<\/a/);
      expect(textOf(english.body)).toContain('No initiatives have been published yet.');
      const danish = await page('/');
      expect(danish.body).toContain('href="/sprog/en?til=%2F"');
      expect(english.headers['etag']).not.toBe(danish.headers['etag']);
    });

    it('goes back only to a path on this site, and ignores a language it does not know', async () => {
      for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'om-data', '']) {
        const response = await page(`/sprog/da?til=${encodeURIComponent(target)}`);
        expect(response.status).toBe(303);
        expect(response.headers['location']).toBe('/');
      }
      const unknown = await page('/sprog/xx?til=%2Fom-data');
      expect(unknown.status).toBe(303);
      expect(unknown.headers['location']).toBe('/om-data');
      expect(unknown.headers['set-cookie']).toBeUndefined();
      const page404 = await page('/', { cookie: `${LANGUAGE_COOKIE}=xx` });
      expect(page404.body).toContain('<html lang="da">');
    });
  });

  describe('Om data', () => {
    it('explains the open data and the progress rule, with the datasets as schema.org JSON-LD', async () => {
      await catalogue();
      const response = await page('/om-data');
      expectHtmlPage(response);
      const { body } = response;
      expect(body).toContain('<h1>Om data</h1>');
      expect(body).toContain('<title>Om data – Fremdrift</title>');
      expect(body).toContain('id="beregning"');
      expect(textOf(body)).toContain('Sådan beregnes fremdriften');
      expect(textOf(body)).toContain('Et afsluttet initiativ har altid 100 % fremdrift');
      expect(body).toContain('<code>fremdrift_procent</code>');
      const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)?.[1];
      expect(json).toBeDefined();
      const datasets = [JSON.parse(json ?? 'null')].flat();
      expect(datasets.length).toBeGreaterThan(0);
      for (const dataset of datasets) expect(dataset).toMatchObject({ '@context': 'https://schema.org', '@type': 'Dataset', isAccessibleForFree: true });
    });

    it('renders for a signed-in user too, with a link to the app instead of "Log ind"', async () => {
      const viewer = await t.signedIn('viewer');
      const response = await viewer.get<string>('/om-data');
      expectHtmlPage(response);
      expect(response.body).toContain('href="/">Gå til Fremdrift</a>');
      expect(response.body).not.toContain('href="/login"');
    });

    it('is in English with the English cookie', async () => {
      const { body } = await page('/om-data', { cookie: `${LANGUAGE_COOKIE}=en` });
      expect(body).toContain('<h1>About the data</h1>');
      expect(textOf(body)).toContain('A completed initiative always has 100% progress');
    });
  });

  describe('the accessibility statement', () => {
    it('is the built-in statement with a placeholder naming each setting that is not set', async () => {
      const response = await page('/tilgaengelighed');
      expectHtmlPage(response);
      expect(response.body).toContain('<h1>Tilgængelighedserklæring</h1>');
      expect(textOf(response.body)).toContain('udfyldes af kommunen med indstillingen ACCESSIBILITY_CONTACT_EMAIL');
      expect(response.body).toContain('href="https://www.was.digst.dk/"');
    });
  });

  describe('addresses no page answers', () => {
    it('gives the public 404 page in the same frame, never the app or a problem document', async () => {
      for (const url of ['/initiativ', '/initiativ/x/y', '/handleplan/x/y/z', '/om-data/mere', '/tilgaengelighed/x', '/sprog']) {
        const response = await page(url);
        expectHtmlPage(response, 404);
        expect(response.body).toContain('<h1>Siden findes ikke</h1>');
        expect(response.body).toContain('<a href="/">Alle initiativer</a>');
      }
    });

    it('leaves unknown API paths a problem document', async () => {
      expectProblem(await page('/api/no-such-route'), 404);
    });
  });
});
