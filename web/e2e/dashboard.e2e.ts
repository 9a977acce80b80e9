import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { Workbook } from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * The management dashboard (issue #5), as Mona from management, on the demo data. One test
 * changes an initiative (through the API, as the MSO lead) and puts it back afterwards.
 */
const CHANGED = 'Sundhedstjek ved ankomst';

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const panel = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const numberIn = async (locator: Locator, pattern: RegExp) => Number((await locator.textContent())?.replace(/\s/g, ' ').match(pattern)?.[1]);
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The health summary: "3 af 20 initiativer er bagud, …". */
const healthSummary = (page: Page) => panel(page, 'Vurdering af initiativerne').locator('.panel__summary');

async function openDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/dashboard${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
  await expect(healthSummary(page)).toHaveText(/\d+ af \d+ initiativer er bagud/);
}

/** Whether chart.js has drawn anything on the canvas (some pixel is not transparent). */
const drawn = (canvas: Locator) =>
  canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context || element.width === 0 || element.height === 0) return false;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });

async function leadInNewBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.leadMso);
  return page;
}

/** Changes an initiative the way any API client does: with its version in If-Match and the CSRF token. */
async function patchInitiative(page: Page, id: string, version: number, changes: object): Promise<number> {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.patch(`/api/initiatives/${id}`, { data: changes, headers: { 'If-Match': `"${version}"`, 'X-XSRF-TOKEN': xsrf } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { version: number }).version;
}

test.describe('The management dashboard', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.management);
  });

  test('is management’s start page; the charts render with the demo data and say it in words', async ({ page }) => {
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page).toHaveTitle('Overblik – Fremdrift');
    await expect(mainMenu(page).getByRole('link', { name: 'Overblik' })).toHaveAttribute('aria-current', 'page');
    await expect(healthSummary(page)).toHaveText(/^\d+ af 20 initiativer er bagud, \d+ er i risiko, og \d+ er på sporet\.$/);
    await expect(page.locator('[data-figure="initiatives"]')).toHaveText('20');

    const charts = page.locator('canvas[role="img"]');
    await expect(charts).toHaveCount(4);
    for (const chart of await charts.all()) {
      await expect(chart).toHaveAttribute('aria-label', /\d/);
      await expect.poll(() => drawn(chart), { message: 'chart.js drew on the canvas' }).toBe(true);
    }
    await expect(panel(page, 'Fremdrift pr. afdeling').locator('.panel__summary')).toHaveText(/af \d+ afdelinger|Alle afdelinger/);
    await expect(panel(page, 'Milepæle de næste 90 dage').locator('.panel__summary')).toHaveText(
      /\d+ milepæle? forfalder de næste 90 dage\..*\d+ milepæle? er forsinke/,
    );
    await expect(panel(page, 'Udvikling over tid').locator('.panel__summary')).toHaveText(/af \d+ rapporterede initiativer på sporet/);
    await expect(panel(page, 'Nøgletal')).toContainText('Milepæle nået til tiden');

    // The same numbers as a table, for keyboard and screen-reader users.
    await panel(page, 'Vurdering af initiativerne').getByText('Vis som tabel').click();
    const table = panel(page, 'Vurdering af initiativerne').getByRole('table', { name: 'Initiativer efter vurdering' });
    await expect(table.getByRole('row', { name: /I alt/ })).toContainText('20');
  });

  test('keeps the filters in the URL, so that a view can be shared', async ({ page }) => {
    await openDashboard(page);
    await page.getByLabel('Afdeling', { exact: true }).selectOption('MSO');
    await page.getByLabel('Afdelingens rolle').selectOption('lead');
    await expect(page).toHaveURL(/department=MSO/);
    await expect(page).toHaveURL(/departmentRole=lead/);
    await expect(page.locator('.dashboard-meta__scope')).toHaveText('Viser: alle handleplaner · Sundhed og Omsorg (ansvarlig)');
    await expect(page.locator('[data-figure="initiatives"]')).toHaveText('3');

    await page.reload();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue('MSO');
    await expect(page.locator('[data-figure="initiatives"]')).toHaveText('3');

    await page.getByLabel('Fra', { exact: true }).fill('2030-01-01');
    await page.getByLabel('Til', { exact: true }).fill('2029-01-01');
    await expect(page.getByText('Fra-datoen skal ligge før til-datoen.')).toBeVisible();
    await expect(page).not.toHaveURL(/to=2029/);
    await expect(page.getByLabel('Til', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('a department opens its initiatives in the list, from the matrix and the table', async ({ page }) => {
    await openDashboard(page);
    const matrixRow = panel(page, 'Afdelinger og vurderinger').getByRole('row', { name: /Sundhed og Omsorg \(MSO\)/ });
    const led = Number(await matrixRow.getByRole('link', { name: /i alt$/ }).textContent());
    expect(led).toBeGreaterThan(0);
    await matrixRow.getByRole('link', { name: /i alt$/ }).click();

    await expect(page).toHaveURL(/\/initiativer\?department=MSO&departmentRole=lead$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Initiativer' })).toBeVisible();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue('MSO');
    await expect(page.getByRole('status')).toHaveText(/Viser 1–\d+ af \d+/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(led);
    for (const row of await rows.all()) await expect(row).toContainText('(MSO)');
    await expect(page.getByRole('row', { name: new RegExp(CHANGED) })).toBeVisible();

    // The department table under the chart has the same links.
    await page.goBack();
    await panel(page, 'Fremdrift pr. afdeling').getByText('Vis som tabel').click();
    await panel(page, 'Fremdrift pr. afdeling')
      .getByRole('link', { name: /Sundhed og Omsorg som deltager$/ })
      .click();
    await expect(page).toHaveURL(/\/initiativer\?department=MSO&departmentRole=participating$/);
  });

  test('a slice of the health chart opens the initiatives with that health', async ({ page }) => {
    await openDashboard(page);
    const doughnut = page.getByRole('img', { name: /^Cirkeldiagram/ });
    await expect.poll(() => drawn(doughnut)).toBe(true);
    // "På sporet" is the first slice, clockwise from twelve o'clock: click the ring just right of the top.
    const box = await doughnut.boundingBox();
    if (!box) throw new Error('the chart has no box');
    const legendAndPadding = 50;
    const radius = Math.min(box.width, box.height - legendAndPadding) / 2;
    await doughnut.click({ position: { x: box.width / 2 + 8, y: (box.height - legendAndPadding) / 2 - radius * 0.78 } });
    await expect(page).toHaveURL(/\/initiativer\?health=on_track$/);
  });

  test('exports the view as a workbook with the same figures, and a table as CSV', async ({ page }) => {
    await openDashboard(page, '?department=MSO');
    const shown = Number(await page.locator('[data-figure="initiatives"]').textContent());
    expect(shown).toBeGreaterThan(0);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^fremdrift-dashboard-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nøgletal');
    expect(sheet).toBeDefined();
    let exported: unknown;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === 'Initiativer') exported = row.getCell(2).value;
    });
    expect(exported).toBe(shown);
    // The filters in words, as on screen (issue #16), not as query parameters.
    expect(String(sheet?.getCell('E2').value)).toContain('Afdeling: Sundhed og Omsorg');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som CSV: Manglende statusopdateringer', exact: true }).click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFFInitiativ;Ansvarlig afdeling;')).toBe(true);
  });

  test('lists the initiatives without a status update this period, sortable by column', async ({ page }) => {
    await openDashboard(page);
    const compliance = panel(page, 'Manglende statusopdateringer');
    await expect(compliance.locator('.panel__summary')).toHaveText(/\d+ initiativ(er)? mangler en statusopdatering/);
    const table = compliance.getByRole('table');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first().getByRole('link')).toHaveAttribute('href', /^\/initiativer\/[0-9a-f-]{36}$/);

    const daysHeader = table.getByRole('columnheader', { name: /Dage forsinket/ });
    const titleHeader = table.getByRole('columnheader', { name: /Initiativ/ }).first();
    await expect(daysHeader).toHaveAttribute('aria-sort', 'descending');
    const days = (await table.locator('tbody tr td.numeric').allTextContents()).map(Number);
    expect(days).toEqual([...days].sort((a, b) => b - a));

    await titleHeader.getByRole('button').click();
    await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(daysHeader).not.toHaveAttribute('aria-sort', /.+/);
    const titles = await table.locator('tbody th').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'da')));
  });

  test('updates by itself within seconds when someone changes data elsewhere', async ({ page, browser, baseURL }) => {
    await openDashboard(page);
    const before = await numberIn(healthSummary(page), /^(\d+) af/);

    const lead = await leadInNewBrowser(browser, baseURL);
    const found = await lead.request.get(`/api/initiatives?q=${encodeURIComponent(CHANGED)}`);
    const initiative = ((await found.json()) as { items: { id: string; version: number; health: string }[] }).items[0];
    expect(initiative.health).toBe('on_track');
    const changed = await patchInitiative(lead, initiative.id, initiative.version, { health: 'off_track' });
    try {
      await expect(page.locator('.dashboard-meta').getByRole('status')).toHaveText(/^Opdateret kl\. \d{2}[:.]\d{2}$/, { timeout: 8_000 });
      await expect(healthSummary(page)).toHaveText(new RegExp(`^${before + 1} af 20 initiativer er bagud`));
      await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
    } finally {
      await patchInitiative(lead, initiative.id, changed, { health: 'on_track' });
      await lead.context().close();
    }
    await expect(healthSummary(page)).toHaveText(new RegExp(`^${before} af 20 initiativer er bagud`));
  });

  test('prints on A4 with the date and the filters, and without the menu', async ({ page }) => {
    await openDashboard(page, '?department=MSO');
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    const printHeader = page.locator('.dashboard-print-header');
    await expect(printHeader).toBeVisible();
    await expect(printHeader).toContainText('Fremdrift – overblik');
    await expect(printHeader).toContainText(/Udskrevet \d+\. \w+\.? \d{4} \d{2}:\d{2}/);
    await expect(printHeader).toContainText('Viser: alle handleplaner · Sundhed og Omsorg (ansvarlig eller deltager)');
    await expect(page.locator('.dashboard-meta__scope')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Hent som Excel' })).toBeHidden();
    // Every page of the printout has something on it: no empty page at the end (Chromium fires beforeprint and afterprint itself).
    const parser = new PDFParse({ data: await page.pdf({ format: 'A4' }) });
    try {
      const { pages } = await parser.getText();
      expect(pages.length).toBeGreaterThan(0);
      for (const printed of pages) expect(printed.text.trim().length, `page ${printed.num} has text`).toBeGreaterThan(0);
    } finally {
      await parser.destroy();
    }
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.getByRole('table', { name: 'Milepæle pr. uge' })).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('table', { name: 'Milepæle pr. uge' })).toBeHidden();
  });

  test('speaks English after the language switch', async ({ page }) => {
    await openDashboard(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
    await expect(panel(page, 'Health of the initiatives').locator('.panel__summary')).toHaveText(/^\d+ of 20 initiatives are off track/);
    await expect(page).toHaveTitle('Dashboard – Fremdrift');
  });

  test('has no WCAG 2.1 A/AA violations, on desktop and on a 360 px phone', async ({ page }) => {
    await openDashboard(page);
    for (const summary of await page.getByText('Vis som tabel').all()) await summary.click();
    await expect(page.locator('canvas[role="img"]')).toHaveCount(4);
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => noOverflow(page)).toBeLessThanOrEqual(0);
    const chart = page.getByRole('img', { name: /^Søjlediagram: gennemsnitlig fremdrift/ });
    expect((await chart.boundingBox())?.width).toBeLessThanOrEqual(360);
    const compliance = panel(page, 'Manglende statusopdateringer').getByRole('region');
    await compliance.focus();
    await expect(compliance).toBeFocused();
    expect(await wcagViolations(page)).toEqual([]);
  });
});

test.describe('The dashboard for other roles', () => {
  test('a viewer reads it without exports; a department lead has no access', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await expect(mainMenu(page).getByRole('link', { name: 'Overblik' })).toBeVisible();
    await openDashboard(page);
    await expect(page.getByRole('link', { name: 'Hent som Excel' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Hent som CSV/ })).toHaveCount(0);
    expect((await page.request.get('/api/dashboard/export.xlsx')).status()).toBe(403);

    await page.getByRole('button', { name: 'Log ud' }).click();
    await signIn(page, DEMO_USERS.leadMso);
    await expect(mainMenu(page).getByRole('link', { name: 'Overblik' })).toHaveCount(0);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeVisible();
  });
});
