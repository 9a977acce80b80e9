import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * The audit log names what changed (issue: raw ids in the log and the history). An admin renames a
 * milestone of an initiative of this file's own, finds the change in the log by initiative and
 * user, follows the link to the initiative, and reads the same change in its history. The
 * initiative is deleted again afterwards: other files count the demo data's initiatives.
 */
const stamp = Date.now().toString(36).slice(-6);
const INITIATIVE = `Sprogcafé for nye borgere (e2e ${stamp})`;
const FIRST = `Aftale med biblioteket ${stamp}`;
const RENAMED = `Samtalegrupper ${stamp}`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function api(page: Page, method: 'GET' | 'POST' | 'DELETE', url: string, body?: object, ifMatch?: string) {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const headers: Record<string, string> = { 'X-XSRF-TOKEN': decodeURIComponent(xsrf), ...(ifMatch ? { 'If-Match': ifMatch } : {}) };
  const response = await page.request.fetch(url, { method, data: body, headers });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

const items = async <T>(page: Page, url: string): Promise<T[]> => {
  const body = (await (await api(page, 'GET', url)).json()) as T[] | { items: T[] };
  return Array.isArray(body) ? body : body.items;
};

async function deleteInitiative(browser: Browser, baseURL: string | undefined, id: string): Promise<void> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.admin);
  const current = await page.request.get(`/api/initiatives/${id}`);
  if (current.ok()) await api(page, 'DELETE', `/api/initiatives/${id}`, undefined, current.headers()['etag']);
  await context.close();
}

test.describe.serial('The audit log in words', () => {
  let initiativeId: string | null = null;

  test.afterAll(async ({ browser, baseURL }) => {
    if (initiativeId) await deleteInitiative(browser, baseURL, initiativeId);
  });

  test('an admin renames a milestone, finds it in the log by initiative and user, and follows the link to the history', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO_USERS.admin);
    const [plan] = await items<{ id: string }>(page, '/api/action-plans');
    const [department] = await items<{ id: string }>(page, '/api/departments');
    const created = await (await api(page, 'POST', '/api/initiatives', { title: INITIATIVE, actionPlanId: plan.id, leadDepartmentId: department.id })).json();
    initiativeId = created.id as string;
    await api(page, 'POST', `/api/initiatives/${initiativeId}/milestones`, { title: FIRST, dueDate: '2027-03-01' });

    // Rename the milestone on the initiative's page.
    await page.goto(`/initiativer/${initiativeId}`);
    await expect(page.getByRole('heading', { level: 1, name: INITIATIVE })).toBeVisible();
    await page.getByRole('button', { name: `Redigér ${FIRST}` }).click();
    await page.getByLabel('Titel', { exact: true }).fill(RENAMED);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Milepælen »${RENAMED}« er gemt.` })).toBeVisible();

    // The log, filtered by the initiative (found by a search) and by the admin.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Ændringslog', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ændringslog' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/Viser 1–\d+ af \d+/);
    await page.getByLabel('Find initiativ').fill(`e2e ${stamp}`);
    await expect(page.locator('#audit-initiative-matches')).toHaveText('1 initiativ passer');
    await page.getByLabel('Initiativ', { exact: true }).selectOption({ label: INITIATIVE });
    const admin = await page.locator('#audit-actor option', { hasText: DEMO_USERS.admin }).getAttribute('value');
    await page.getByLabel('Bruger', { exact: true }).selectOption(admin ?? '');
    await page.getByRole('button', { name: 'Vis ændringer' }).click();
    await expect(page).toHaveURL(new RegExp(`initiativeId=${initiativeId}`));
    await expect(page).toHaveURL(new RegExp(`actorId=${admin}`));
    await expect(page.getByRole('status')).toHaveText('Viser 1–3 af 3');

    const rows = page.locator('tbody tr');
    const renamed = rows.filter({ hasText: 'Ændret' });
    await expect(renamed).toHaveCount(1);
    await expect(renamed).toContainText(`Milepæl »${RENAMED}«`);
    await expect(renamed).toContainText(new RegExp(`Titel:\\s*${FIRST}\\s*→\\s*ændret til\\s*${RENAMED}`));
    await expect(rows.filter({ hasText: `Initiativ »${INITIATIVE}«` })).toHaveCount(3);
    await expect(rows.filter({ hasText: 'Oprettet' }).last()).toContainText(/Ansvarlig afdeling: \D+/);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('audit-log-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('audit-log-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Nothing matches: the empty state says so.
    await page.getByLabel('Handling', { exact: true }).selectOption({ label: 'Slettet' });
    await page.getByRole('button', { name: 'Vis ændringer' }).click();
    await expect(page.getByRole('heading', { name: 'Ingen ændringer matcher filtrene' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('status')).toHaveText('Viser 1–3 af 3');

    // The link goes to the initiative, whose history names the milestone.
    await renamed.getByRole('link', { name: `Initiativ »${INITIATIVE}«` }).click();
    await expect(page).toHaveURL(new RegExp(`/initiativer/${initiativeId}$`));
    await expect(page.getByRole('heading', { level: 1, name: INITIATIVE })).toBeVisible();
    const history = page.getByRole('region', { name: 'Historik', exact: true });
    await expect(history).toContainText(`Milepæl »${RENAMED}«: Ændret`);
    await expect(history).toContainText(`Titel ændret fra ${FIRST} til ${RENAMED}`);
    expect(await history.innerText()).not.toMatch(UUID);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('initiative-history.png') });
  });
});
