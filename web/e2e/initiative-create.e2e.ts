import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * Creating an initiative (issue #12): a department lead creates one for their own department in
 * the 2016 demo plan and lands on its page; an admin deletes it again, so that the other files
 * still find the demo data as it was (they count the initiatives).
 */
const PLAN_2016 = 'Flygtningehandleplan 2016 – samskabt med nye og gamle aarhusianere';
const TITLE = `Sundhedsguider på flere sprog (e2e ${Date.now()})`;

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Removes the initiative through the API as an admin, should a test have stopped before deleting it. */
async function deleteAsAdmin(browser: Browser, baseURL: string | undefined, id: string): Promise<void> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.admin);
  await page.evaluate(async (initiativeId) => {
    const token = decodeURIComponent(
      document.cookie
        .split('; ')
        .find((cookie) => cookie.startsWith('XSRF-TOKEN='))
        ?.slice('XSRF-TOKEN='.length) ?? '',
    );
    const current = await fetch(`/api/initiatives/${initiativeId}`);
    if (!current.ok) return;
    await fetch(`/api/initiatives/${initiativeId}`, { method: 'DELETE', headers: { 'If-Match': current.headers.get('ETag') ?? '', 'X-XSRF-TOKEN': token } });
  }, id);
  await context.close();
}

test.describe.serial('Creating an initiative', () => {
  let createdId: string | null = null;

  test.afterAll(async ({ browser, baseURL }) => {
    if (createdId) await deleteAsAdmin(browser, baseURL, createdId);
  });

  test('a department lead creates one for their own department and lands on its page', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_USERS.leadMso);
    await expect(page).toHaveURL(/\/mine$/);
    await page.getByRole('link', { name: 'Opret initiativ' }).click();
    await expect(page).toHaveURL(/\/initiativer\/ny$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Opret initiativ' })).toBeVisible();
    await expect(page).toHaveTitle('Opret initiativ – Fremdrift');

    // The lead's own department is the only one to lead with, and already chosen.
    const lead = page.getByLabel('Ansvarlig afdeling', { exact: true });
    await expect(lead.locator('option')).toHaveText(['Vælg afdeling', 'Sundhed og Omsorg (MSO)']);
    await expect(lead.locator('option:checked')).toHaveText('Sundhed og Omsorg (MSO)');
    const participating = page.getByRole('group', { name: 'Deltagende afdelinger' });
    await expect(participating.getByRole('checkbox', { name: 'Sundhed og Omsorg (MSO)' })).toHaveCount(0);

    // Nothing is sent while the required fields are missing; focus goes to the first.
    await page.getByRole('button', { name: 'Opret initiativ' }).click();
    await expect(page.getByLabel('Titel', { exact: true })).toBeFocused();
    await expect(page.getByText('Vælg en handleplan.')).toBeVisible();

    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Handleplan', { exact: true }).selectOption({ label: PLAN_2016 });
    await page.getByLabel('Mål', { exact: true }).selectOption({ index: 1 });
    await participating.getByRole('checkbox', { name: 'Børn og Unge (MBU)' }).check();
    await page.getByLabel('Ansvarlig', { exact: true }).fill('Mette Holm');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'I gang' });
    await page.getByLabel('Startdato').fill('2026-09-01');
    await page.getByLabel('Slutdato').fill('2027-06-30');
    await page.getByLabel('Resumé', { exact: true }).fill('Sundhedsguider hjælper nye borgere med at bruge sundhedsvæsenet.');
    // The 2016 plan does not let leads publish directly: the field hint says what happens.
    await expect(page.getByText('afventer ledelsens godkendelse')).toBeVisible();

    // No accessibility violations on the filled-in form, on a desktop and on a phone.
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('button', { name: 'Opret initiativ' }).click();
    await expect(page).toHaveURL(/\/initiativer\/[0-9a-f-]{36}$/);
    createdId = new URL(page.url()).pathname.split('/').pop() ?? null;
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Initiativet er oprettet.' })).toBeVisible();
    await expect(page.getByText('Sundhed og Omsorg (MSO)').first()).toBeVisible();
    // Only admins delete.
    await expect(page.getByRole('button', { name: 'Slet initiativ' })).toHaveCount(0);
  });

  test('an admin deletes it from its page after confirming, and the list says so', async ({ page }) => {
    test.skip(!createdId, 'nothing was created');
    await signIn(page, DEMO_USERS.admin);
    await page.goto(`/initiativer/${createdId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

    const open = page.getByRole('button', { name: 'Slet initiativ' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: `Slet »${TITLE}«?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Annullér' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await dialog.getByRole('button', { name: 'Ja, slet initiativet' }).click();
    await expect(page).toHaveURL(/\/initiativer$/);
    await expect(page.getByText(`Initiativet »${TITLE}« er slettet.`)).toBeVisible();
    createdId = null;
    await expect(page.getByRole('status')).toHaveText(/af 20/);
  });
});
