import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * Council reporting (issue #16): management freezes "Status pr. <dato>", a report comes in with a
 * drop in health, the diff shows exactly that, and the council report of the demo plan prints on
 * at most four A4 pages with that change in it. The admin's status update is put back afterwards.
 */
const DEMO_PLAN = 'Flygtningehandleplan 2016';
const CHANGED = 'Mentorordning med frivillige';
const CHANGED_DEPARTMENT = 'Sociale Forhold og Beskæftigelse';
/** The PDFs and pictures of the report, to look at (outside Playwright's output folder, which each run empties). */
const SHOTS = join(tmpdir(), 'fremdrift-council-report');

interface InitiativeRow {
  id: string;
  title: string;
  health: string;
  reporting: { periodStart: string; periodEnd: string };
}

const panel = (page: Page) => page.getByRole('region', { name: 'Status til byrådet', exact: true });
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether chart.js has drawn anything on the canvas (some pixel is not transparent). */
const drawn = (canvas: Locator) =>
  canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context || element.width === 0 || element.height === 0) return false;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });

async function xsrfOf(page: Page): Promise<string> {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
}

async function adminInNewBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.admin);
  return page;
}

async function findInitiative(page: Page, title: string): Promise<InitiativeRow> {
  const found = await page.request.get(`/api/initiatives?q=${encodeURIComponent(title)}`);
  const initiative = ((await found.json()) as { items: InitiativeRow[] }).items.find((item) => item.title === title);
  if (!initiative) throw new Error(`The demo data has no initiative "${title}"`);
  return initiative;
}

/** A status update for the current period, the way the form sends it. */
async function report(page: Page, initiative: InitiativeRow, data: object): Promise<void> {
  const { periodStart, periodEnd } = initiative.reporting;
  const response = await page.request.post(`/api/initiatives/${initiative.id}/status-updates`, {
    data: { periodStart, periodEnd, ...data },
    headers: { 'X-XSRF-TOKEN': await xsrfOf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** The council report on paper: its pages' text, from Chromium's own PDF. */
async function printToPdf(page: Page, file: string): Promise<{ pages: string[]; text: string }> {
  await expect(page.locator('[data-report-ready="true"]')).toBeAttached({ timeout: 15_000 });
  for (const canvas of await page.locator('canvas[role="img"]').all())
    await expect.poll(() => drawn(canvas), { message: 'chart.js drew the chart' }).toBe(true);
  const buffer = await page.pdf({ format: 'A4', path: join(SHOTS, file) });
  const parser = new PDFParse({ data: buffer });
  try {
    const info = await parser.getInfo();
    const result = await parser.getText();
    expect(result.pages).toHaveLength(info.total);
    const [first] = (await parser.getScreenshot({ partial: [1], desiredWidth: 900, imageBuffer: true })).pages;
    writeFileSync(join(SHOTS, file.replace(/\.pdf$/, '-page-1.png')), first.data);
    return { pages: result.pages.map((p) => p.text.replace(/\s+/g, ' ').trim()), text: result.text.replace(/\s+/g, ' ') };
  } finally {
    await parser.destroy();
  }
}

test.describe('Council reporting', () => {
  test.describe.configure({ mode: 'serial' });
  const stamp = Date.now().toString(36);
  const snapshotName = `Byrådsmøde ${stamp}`;
  let planId = '';
  let reportUrl = '';
  let changed: InitiativeRow | null = null;
  let cause = '';

  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test.afterAll(async ({ browser, baseURL }) => {
    if (!changed) return;
    const admin = await adminInNewBrowser(browser, baseURL);
    await report(admin, changed, { health: 'on_track', narrative: 'Mentorordningen er tilbage på sporet efter testen.' });
    await admin.context().close();
  });

  test('management freezes the status, a report drops a health, and the diff shows exactly that change', async ({ page, browser, baseURL }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_USERS.management);
    const plans = (await (await page.request.get('/api/action-plans?page=1&pageSize=100')).json()) as { items: { id: string; title: string }[] };
    planId = plans.items.find((plan) => plan.title.startsWith(DEMO_PLAN))?.id ?? '';
    expect(planId).not.toBe('');

    await page.goto(`/dashboard?actionPlanId=${planId}`);
    const snapshots = panel(page);
    await expect(snapshots.getByText(`Omfatter initiativerne i handleplanen ${DEMO_PLAN}`)).toBeVisible();
    const name = snapshots.getByLabel('Navn', { exact: true });
    await expect(name).toHaveValue(/^Status pr\. \d{1,2}\. [a-zæøå]+\.? \d{4}$/);
    await name.fill(snapshotName);
    await snapshots.getByRole('button', { name: 'Frys status' }).click();
    const frozen = snapshots.locator('#snapshot-frozen');
    await expect(frozen).toHaveText(`«${snapshotName}» er frosset med 16 initiativer.`);
    await expect(frozen).toBeFocused();
    const row = snapshots.getByRole('row', { name: new RegExp(snapshotName) });
    await expect(row).toContainText(DEMO_PLAN);
    await expect(row).toContainText('16');

    // Nothing has changed yet, and the page says so.
    await expect(snapshots.getByLabel('Statusbillede', { exact: true })).toHaveValue(/.+/);
    await expect(snapshots.getByLabel('Sammenlign med', { exact: true })).toHaveValue('now');
    await snapshots.getByRole('button', { name: 'Vis ændringer' }).click();
    await expect(snapshots.locator('#snapshot-diff-heading')).toBeFocused();
    await expect(snapshots.locator('[data-diff="none"]')).toHaveText(new RegExp(`^Ingen ændringer siden «${snapshotName}» \\(.+\\)\\.$`));

    // A report with a drop in health and its cause.
    const admin = await adminInNewBrowser(browser, baseURL);
    try {
      const initiative = await findInitiative(admin, CHANGED);
      expect(initiative.health).toBe('on_track');
      const causes = (await (await admin.request.get('/api/delay-causes')).json()) as { id: string; labelDa: string; active: boolean }[];
      const delayCause = causes.find((c) => c.active);
      if (!delayCause) throw new Error('The demo data has no active delay cause');
      cause = delayCause.labelDa;
      await report(admin, initiative, {
        health: 'at_risk',
        narrative: 'Flere mentorer er stoppet, og nye skal rekrutteres.',
        delayCauseId: delayCause.id,
        delayReason: 'Frivilligcentret har ikke kunnet skaffe nye mentorer i efteråret.',
      });
      changed = initiative;
    } finally {
      await admin.context().close();
    }

    await snapshots.getByRole('button', { name: 'Vis ændringer' }).click();
    const heading = snapshots.locator('#snapshot-diff-heading');
    await expect(heading).toHaveText(`Ændringer fra «${snapshotName}» til nu`);
    await expect(heading).toBeFocused();
    await expect(snapshots.locator('[data-diff="summary"] li')).toHaveText(['1 initiativ har fået en dårligere vurdering', '1 ny forsinkelse']);
    const health = snapshots.locator('[data-diff="health"] tbody tr');
    await expect(health).toHaveCount(1);
    await expect(health.locator('th, td')).toHaveText([CHANGED, CHANGED_DEPARTMENT, 'På sporet', 'I risiko', 'Dårligere']);
    const delays = snapshots.locator('[data-diff="delays"] tbody tr');
    await expect(delays).toHaveCount(1);
    await expect(delays.locator('th, td')).toHaveText([CHANGED, CHANGED_DEPARTMENT, 'I risiko', cause]);
    await expect(snapshots.locator('[data-diff="milestones"], [data-diff="completed"], [data-diff="added"], [data-diff="cancelled"]')).toHaveCount(0);
    await snapshots.screenshot({ path: join(SHOTS, 'snapshots-panel.png') });

    await snapshots.getByRole('link', { name: `Rapport til byrådet med ændringerne siden ${snapshotName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/rapport\\?actionPlanId=${planId}&since=[0-9a-f-]{36}$`));
    await expect(page).toHaveTitle('Status til byrådet – Fremdrift');
    reportUrl = page.url();
  });

  test('the council report of the demo plan prints on at most four A4 pages, with the figures and the change since the snapshot', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO_USERS.management);
    const view = (await (await page.request.get(`/api/dashboard?actionPlanId=${planId}`)).json()) as {
      headline: { initiatives: number; byHealth: Record<'on_track' | 'at_risk' | 'off_track', number>; milestones: { overdue: number } };
    };
    await page.setViewportSize({ width: 1280, height: 900 });
    const viewRequest = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/dashboard');
    await page.goto(reportUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Status til byrådet' })).toBeVisible();
    // "Health over time" covers the last twelve months, not every month since the plan began.
    const asked = new URL((await viewRequest).url()).searchParams;
    const days = (Date.parse(asked.get('to') ?? '') - Date.parse(asked.get('from') ?? '')) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThan(366);
    await expect(page.getByRole('button', { name: 'Udskriv / Gem som PDF' })).toBeVisible();
    await expect(page.locator('.report-scope')).toContainText(`Handleplan: ${DEMO_PLAN}`);
    await expect(page.locator('.report-scope')).toContainText(`Ændringer siden: «${snapshotName}»`);
    await expect(page.locator('[data-report-ready="true"]')).toBeAttached({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'report-screen.png'), fullPage: true });

    const { pages, text } = await printToPdf(page, 'report.pdf');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const [index, pageText] of pages.entries()) expect(pageText.length, `page ${index + 1} has text`).toBeGreaterThan(40);

    expect(text).toContain('Status til byrådet');
    expect(text).toContain(`Handleplan: ${DEMO_PLAN}`);
    expect(text).toContain('Afdeling: Alle');
    expect(text).toMatch(/Periode: \d{1,2}\. [a-zæøå]+\.? \d{4} – \d{1,2}\. [a-zæøå]+\.? \d{4}/);
    const { headline } = view;
    expect(text).toMatch(new RegExp(`Initiativer ${headline.initiatives}\\b`));
    expect(text).toMatch(new RegExp(`På sporet ${headline.byHealth.on_track}\\b`));
    expect(text).toMatch(new RegExp(`I risiko ${headline.byHealth.at_risk}\\b`));
    expect(text).toMatch(new RegExp(`Bagud ${headline.byHealth.off_track}\\b`));
    expect(text).toMatch(new RegExp(`Forsinkede milepæle ${headline.milestones.overdue}\\b`));
    expect(text).toContain(`Ændringer siden «${snapshotName}»`);
    expect(text).toContain('1 initiativ har fået en dårligere vurdering');
    expect(text).toContain('1 ny forsinkelse');
    expect(text).toContain(CHANGED);
    expect(text).toContain(cause);
    expect(text).toContain('Initiativerne pr. ansvarlig afdeling');

    // What the first page looks like: Chromium's print layout, at the width of A4.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Udskriv / Gem som PDF' })).toBeHidden();
    await page.screenshot({ path: join(SHOTS, 'report-print-first-page.png') });
    await page.emulateMedia({ media: 'screen' });
  });

  test('filtered by a department, the report names the filter in words on paper', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_USERS.management);
    await page.goto(`${reportUrl}&department=MSB`);
    await expect(page.locator('.report-scope')).toContainText(`Afdeling: ${CHANGED_DEPARTMENT} (ansvarlig eller deltager)`);
    const { pages, text } = await printToPdf(page, 'report-msb.pdf');
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const pageText of pages) expect(pageText.length).toBeGreaterThan(40);
    expect(text).toContain(`Afdeling: ${CHANGED_DEPARTMENT} (ansvarlig eller deltager)`);
    expect(text).toContain(CHANGED);
  });

  test('the snapshots and the report have no WCAG 2.1 A/AA violations, on desktop and on a 360 px phone', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_USERS.management);
    await page.goto(`/dashboard?actionPlanId=${planId}`);
    const snapshots = panel(page);
    await snapshots.getByRole('button', { name: 'Vis ændringer' }).click();
    await expect(snapshots.locator('[data-diff="summary"]')).toBeVisible();
    await expect(page.locator('canvas[role="img"]')).toHaveCount(4);
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    await snapshots.getByLabel('Navn', { exact: true }).fill('');
    await snapshots.getByRole('button', { name: 'Frys status' }).click();
    await expect(snapshots.getByText('Skriv et navn.')).toBeVisible();
    await expect(snapshots.getByLabel('Navn', { exact: true })).toBeFocused();
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(reportUrl);
    await expect(page.locator('[data-report-ready="true"]')).toBeAttached({ timeout: 15_000 });
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('a viewer reads the snapshots and the report but cannot freeze', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto(`/dashboard?actionPlanId=${planId}`);
    const snapshots = panel(page);
    await expect(snapshots.getByRole('row', { name: new RegExp(snapshotName) })).toBeVisible();
    await expect(snapshots.getByRole('button', { name: 'Frys status' })).toHaveCount(0);
    const refused = await page.request.post('/api/reporting-snapshots', {
      data: { name: 'Status fra en læser', actionPlanId: planId },
      headers: { 'X-XSRF-TOKEN': await xsrfOf(page) },
    });
    expect(refused.status()).toBe(403);
    await page.goto(reportUrl);
    await expect(page.locator('[data-report-ready="true"]')).toBeAttached({ timeout: 15_000 });
    await expect(page.getByText(CHANGED).first()).toBeVisible();
  });
});
