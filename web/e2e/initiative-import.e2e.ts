import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Workbook, type Worksheet } from 'exceljs';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_OWNERS = ['Ansvarlig Fra Importen Et', 'Ansvarlig Fra Importen To', 'Ansvarlig Fra Importen Tre'];

/** The list's Excel export as the user downloads it. */
async function downloadExport(page: Page): Promise<Buffer> {
  await page.goto('/initiativer');
  await expect(page.getByRole('status')).toHaveText(/^Viser 1–/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  return readFileSync(await download.path());
}

async function initiativesSheet(bytes: Buffer): Promise<{ workbook: Workbook; sheet: Worksheet }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Initiativer');
  if (!sheet) throw new Error('the export has no sheet "Initiativer"');
  return { workbook, sheet };
}

function columnOf(sheet: Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (!found) throw new Error(`no column "${header}"`);
  return found;
}

async function check(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('Vælg en Excel- eller CSV-fil').setInputFiles({ name, mimeType: XLSX_TYPE, buffer: bytes });
  await page.getByRole('button', { name: 'Kontrollér filen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Prøvekørsel af ${name}` })).toBeFocused();
}

const counts = (page: Page) => page.getByRole('list', { name: 'Hvad filen vil gøre' }).getByRole('listitem');

test.describe('Importing initiatives from Excel', () => {
  test('an unedited export changes nothing; an edited one shows its changes and errors, and imports once they are fixed', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    const exported = await downloadExport(page);

    await page.getByRole('link', { name: 'Importér fra Excel' }).click();
    await expect(page).toHaveURL(/\/initiativer\/import$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Importér initiativer fra Excel' })).toBeVisible();
    await expect(page).toHaveTitle(/^Importér initiativer/);
    await expect(page.getByText('Filen må højst fylde 5 MB og have 5.000 rækker.')).toBeVisible();

    // The first upload is held back, so that its progress shows; it goes by XHR, which reports an upload's progress.
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/initiatives/import?*', async (route) => {
      expect(route.request().resourceType()).toBe('xhr');
      await held;
      await route.continue();
    });
    await page.getByLabel('Vælg en Excel- eller CSV-fil').setInputFiles({ name: 'initiativer.xlsx', mimeType: XLSX_TYPE, buffer: exported });
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    const stage = /^(Sender filen til kontrol|Kontrollerer filen) …$/;
    await expect(page.getByRole('progressbar', { name: stage })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: stage })).toBeVisible();
    release?.();
    await expect(page.getByRole('heading', { level: 2, name: 'Prøvekørsel af initiativer.xlsx' })).toBeFocused();
    await page.unroute('**/api/initiatives/import?*');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByText('Filen svarer til det, der allerede er gemt – intet at importere.')).toBeVisible();
    await expect(counts(page)).toHaveText(['0 oprettes', '0 ændres', /^\d+ uændrede$/, '0 med fejl']);
    await expect(page.getByRole('button', { name: /^Importér/ })).toHaveCount(0);

    // Three owners changed, and one target date before its start date.
    const { workbook, sheet } = await initiativesSheet(exported);
    const [owner, start, target] = [columnOf(sheet, 'Ansvarlig person'), columnOf(sheet, 'Startdato'), columnOf(sheet, 'Slutdato')];
    for (const [index, name] of NEW_OWNERS.entries()) sheet.getRow(index + 2).getCell(owner).value = name;
    let badRow = 0;
    for (let row = NEW_OWNERS.length + 2; row <= sheet.rowCount && !badRow; row++) {
      if (sheet.getRow(row).getCell(start).value instanceof Date && sheet.getRow(row).getCell(target).value instanceof Date) badRow = row;
    }
    expect(badRow).toBeGreaterThan(0);
    const targetCell = sheet.getRow(badRow).getCell(target);
    const originalTarget = targetCell.value;
    const startDate = sheet.getRow(badRow).getCell(start).value as Date;
    targetCell.value = new Date(startDate.getTime() - 10 * 24 * 60 * 60 * 1000);

    await check(page, 'initiativer-rettet.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(counts(page)).toHaveText(['0 oprettes', '3 ændres', /^\d+ uændrede$/, '1 med fejl']);
    await expect(page.getByRole('alert')).toContainText('Filen har fejl og kan ikke importeres');
    const rows = page.getByRole('table', { name: 'Rækker, der oprettes, ændres eller har fejl' }).locator('tbody tr');
    await expect(rows).toHaveCount(4);
    for (const name of NEW_OWNERS) await expect(rows.filter({ hasText: `til ${name}` })).toContainText('Ændres');
    await expect(page.locator('.rows__errors li')).toHaveText([new RegExp(`^! Række ${badRow}, kolonne Slutdato: .+`)]);
    await expect(page.getByRole('button', { name: /^Importér/ })).toHaveCount(0);

    targetCell.value = originalTarget;
    await check(page, 'initiativer-rettet.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(counts(page)).toHaveText(['0 oprettes', '3 ændres', /^\d+ uændrede$/, '0 med fejl']);
    await page.getByRole('button', { name: 'Importér 3 ændringer' }).click();
    await expect(page.getByRole('heading', { name: 'Importen er gennemført' })).toBeFocused();
    await expect(page.locator('.notice--success')).toContainText('3 ændret');

    await page.getByRole('link', { name: 'Gå til initiativerne' }).click();
    await expect(page).toHaveURL(/\/initiativer$/);
    for (const name of NEW_OWNERS) await expect(page.getByRole('rowheader').filter({ hasText: `Ansvarlig: ${name}` })).toBeVisible();

    // The same export once more is now what is stored.
    const again = await downloadExport(page);
    await page.goto('/initiativer/import');
    await check(page, 'igen.xlsx', again);
    await expect(page.getByText('Filen svarer til det, der allerede er gemt – intet at importere.')).toBeVisible();
  });

  test('refuses a file above the size limit before sending it', async ({ page }) => {
    await signIn(page, DEMO_USERS.management);
    await page.goto('/initiativer/import');
    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/initiatives/import')) posted = true;
    });
    await page
      .getByLabel('Vælg en Excel- eller CSV-fil')
      .setInputFiles({ name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') });
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await expect(page.getByText('Filen fylder 5,1 MB, men må højst fylde 5 MB.', { exact: false })).toBeVisible();
    await expect(page.getByLabel('Vælg en Excel- eller CSV-fil')).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toBe(false);
  });

  test('a department lead exports the filtered list, but may not import', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/initiativer');
    await page.getByLabel('Afdeling', { exact: true }).selectOption('MSO');
    await expect(page).toHaveURL(/department=MSO/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFFId;Ekstern reference;')).toBe(true);
    // One line per initiative shown, each starting with its id (a description may span lines).
    const rows = text.split(/\r?\n/).filter((line) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(line));
    expect(rows.length).toBe(Number((await page.getByRole('status').textContent())?.match(/af (\d+)/)?.[1]));
    await expect(page.getByRole('link', { name: 'Importér fra Excel' })).toHaveCount(0);
    await page.goto('/initiativer/import');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang til denne side');
    await expect(page).toHaveURL(/\/initiativer\/import$/);
  });

  test('has no WCAG 2.1 A/AA violations, on desktop and on a 360 px phone, with a dry run shown', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    const { workbook, sheet } = await initiativesSheet(await downloadExport(page));
    sheet.getRow(2).getCell(columnOf(sheet, 'Slutdato')).value = 'en gang til sommer';
    sheet.getRow(3).getCell(columnOf(sheet, 'Titel')).value = 'Et nyt navn til et gammelt initiativ';
    await page.goto('/initiativer/import');
    await check(page, 'tjek.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(page.locator('.rows__errors li')).toHaveCount(1);
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await wcagViolations(page)).toEqual([]);
  });
});
