import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import type { PublicInitiative, PublicInitiatives } from '@fremdrift/contracts';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The public transparency pages, as an anonymous visitor sees them. An admin (in a browser of
 * their own) hides one demo initiative and writes an internal note on another, and puts both back
 * afterwards; neither may show on any public page.
 */

interface InternalInitiative {
  id: string;
  title: string;
  version: number;
  published: boolean;
  internalNotes: string;
}

const SECRET_NOTE = `Intern note ${Date.now()}: må ikke vises offentligt`;

let admin: Page;
let hidden: InternalInitiative;
let noted: InternalInitiative;

async function getInitiative(page: Page, id: string): Promise<InternalInitiative> {
  const response = await page.request.get(`/api/initiatives/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as InternalInitiative;
}

/** Changes an initiative the way any API client does: with its version in If-Match and the CSRF token. */
async function patchInitiative(page: Page, id: string, changes: object): Promise<void> {
  const { version } = await getInitiative(page, id);
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.patch(`/api/initiatives/${id}`, { data: changes, headers: { 'If-Match': `"${version}"`, 'X-XSRF-TOKEN': xsrf } });
  expect(response.status(), await response.text()).toBe(200);
}

async function adminInNewBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.admin);
  return page;
}

/** Every published initiative: the download (the list itself comes a page at a time). */
async function publicInitiatives(page: Page): Promise<PublicInitiative[]> {
  const response = await page.request.get('/api/public/initiatives.json');
  expect(response.status()).toBe(200);
  return ((await response.json()) as PublicInitiatives).items;
}

test.describe('The public pages', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ browser, baseURL }) => {
    admin = await adminInNewBrowser(browser, baseURL);
    const list = await admin.request.get('/api/initiatives?published=true&pageSize=100');
    expect(list.status()).toBe(200);
    const items = ((await list.json()) as { items: InternalInitiative[] }).items;
    expect(items.length).toBeGreaterThan(2);
    hidden = await getInitiative(admin, items[items.length - 1].id);
    noted = await getInitiative(admin, items[0].id);
    await patchInitiative(admin, hidden.id, { published: false });
    await patchInitiative(admin, noted.id, { internalNotes: SECRET_NOTE });
  });

  test.afterAll(async () => {
    await patchInitiative(admin, hidden.id, { published: true });
    await patchInitiative(admin, noted.id, { internalNotes: noted.internalNotes });
    await admin.context().close();
  });

  test('a visitor finds an initiative by search, opens it, and sees its milestones and latest update', async ({ page }) => {
    const items = await publicInitiatives(page);
    const target = items.find((i) => i.milestones.length > 0 && i.updates.length > 0) ?? items[0];

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Kommunens samskabte initiativer' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Log ind/ })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`Viser ${items.length} initiativer`);

    await page.getByRole('searchbox', { name: 'Søg' }).fill(target.title);
    await page.getByRole('searchbox', { name: 'Søg' }).press('Enter');
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('status')).toHaveText(/Viser \d+ initiativ/);
    await page.getByRole('link', { name: target.title, exact: true }).click();

    await expect(page).toHaveURL(`/initiativ/${target.id}`);
    await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
    await expect(page).toHaveTitle(`${target.title} – Fremdrift`);
    const timeline = page.locator('.timeline');
    for (const milestone of target.milestones) await expect(timeline).toContainText(milestone.title);
    if (target.updates[0]) await expect(timeline).toContainText(target.updates[0].text.slice(0, 40));
  });

  test('an empty search says so and offers to clear the filters', async ({ page }) => {
    await page.goto('/?q=zzzz-intet-matcher');
    await expect(page.getByText('Ingen initiativer matcher')).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('zzzz-intet-matcher');
    await page.getByRole('link', { name: 'Nulstil filtre' }).first().click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('');
  });

  test('an unpublished initiative’s address gives the friendly "not found" page', async ({ page }) => {
    await page.goto(`/initiativ/${hidden.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Initiativet findes ikke eller er ikke offentligt' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(hidden.title);
  });

  test('the plan page tells how the plan was made and links its feed', async ({ page }) => {
    const [first] = await publicInitiatives(page);
    await page.goto(`/handleplan/${first.actionPlan.id}`);
    await expect(page.getByRole('heading', { level: 1, name: first.actionPlan.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hvem var med' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Hvem var med' })).toContainText('Borgere');
    await expect(page.getByRole('link', { name: /nyhedsfeed/ })).toHaveAttribute('href', `/api/public/action-plans/${first.actionPlan.id}/feed.atom`);
  });

  test('every public page is axe-clean, fits 320 px, and shows neither the hidden initiative nor the internal note', async ({ page }) => {
    const [first] = await publicInitiatives(page);
    const pages = [
      '/',
      `/initiativ/${first.id}`,
      `/initiativ/${noted.id}`,
      `/initiativ/${hidden.id}`,
      `/handleplan/${first.actionPlan.id}`,
      '/om-data',
      '/tilgaengelighed',
    ];
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText('Henter …')).toHaveCount(0);
        expect(await wcagViolations(page), `${url} at ${width}px`).toEqual([]);
        // Server-rendered: not one script to download.
        await expect(page.locator('script[src]'), url).toHaveCount(0);
        const text = await page.locator('body').innerText();
        expect(text, url).not.toContain(hidden.title);
        expect(text, url).not.toContain(SECRET_NOTE);
        const { overflow, culprits } = await page.evaluate(() => {
          const edge = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > edge + 1);
          return {
            overflow: document.documentElement.scrollWidth - edge,
            culprits: wide.slice(-3).map((e) => `${e.tagName}.${e.className}: ${e.textContent?.slice(0, 40)}`),
          };
        });
        expect(overflow, `${url} scrolls sideways at ${width}px: ${culprits.join(' | ')}`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('the open-data links answer, and "Om data" documents the CSV columns', async ({ page }) => {
    await page.goto('/om-data');
    await expect(page.getByRole('heading', { level: 1, name: 'Om data' })).toBeVisible();
    await expect(page.locator('main')).toContainText('fremdrift_procent');
    const csv = await page.request.get('/api/public/initiatives.csv');
    expect(csv.status()).toBe(200);
    const header = (await csv.text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]
      .split(';');
    for (const column of header) await expect(page.locator('main code', { hasText: new RegExp(`^${column}$`) }).first()).toBeVisible();
    await page.goto('/');
    for (const href of ['/api/public/initiatives.json', '/api/public/initiatives.csv', '/api/public/feed.atom']) {
      await expect(page.locator(`a[href="${href}"]`).first()).toBeVisible();
      expect((await page.request.get(href)).status()).toBe(200);
    }
  });

  test('switches to English on the same page, `lang` follows, and the app signed in later speaks English too', async ({ page }) => {
    await page.goto('/om-data');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/om-data$/);
    await expect(page.getByRole('heading', { level: 1, name: 'About the data' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/?q=zzzz');
    await expect(page.getByRole('heading', { level: 1, name: "The municipality's co-created initiatives" })).toBeVisible();
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.goto('/?q=zzzz');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await expect(page).toHaveURL(/\/\?q=zzzz$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue('zzzz');
  });

  test('the front page loads no JavaScript at all: one HTML document with its styles inline, and the icon', async ({ page }) => {
    const requests: { url: string; type: string }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText(/Viser \d+ initiativ/);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.type === 'script' || r.url.endsWith('.js'))).toEqual([]);
    expect(requests.filter((r) => r.type === 'stylesheet' || r.type === 'font')).toEqual([]);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    const document = await page.request.get('/', { headers: { 'accept-encoding': 'br' } });
    expect(document.headers()['content-encoding']).toBe('br');
    // The whole page, compressed, is smaller than any framework's runtime would be.
    expect(gzipSync(await document.body()).length).toBeLessThanOrEqual(30 * 1024);
  });

  test('a signed-in user still starts on their own start page', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto('/');
    await expect(page).toHaveURL(/\/initiativer$/);
    await page.goto('/om-data');
    await expect(page.getByRole('heading', { level: 1, name: 'Om data' })).toBeVisible();
    await page.getByRole('link', { name: 'Gå til Fremdrift' }).click();
    await expect(page).toHaveURL(/\/initiativer$/);
    await page.getByRole('link', { name: 'Om data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Om data' })).toBeVisible();
  });
});
