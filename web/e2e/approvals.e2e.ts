import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * Nothing reaches the public without management's approval: a department lead's new public summary
 * waits as a proposal, the public page keeps the approved one, and management approves it in
 * "Godkendelser". As Mette Holm, lead of Sundhed og Omsorg (MSO), on a published demo initiative.
 */
const INITIATIVE = 'Sundhedstjek ved ankomst';
const APPROVED = 'Alle nye flygtninge i Aarhus får nu tilbudt et sundhedstjek med tolk kort efter, de er kommet.';
const PROPOSED = 'Alle nyankomne flygtninge i Aarhus får et sundhedstjek med tolk inden for de første fire uger.';

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function newBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  return context.newPage();
}

/** The public page of the initiative, read afresh until it shows `text` (the public catalogue follows the data within moments). */
async function expectPublicSummary(visitor: Page, id: string, text: string): Promise<void> {
  await expect(async () => {
    await visitor.goto(`/initiativ/${id}`);
    await expect(visitor.getByRole('heading', { level: 1, name: INITIATIVE })).toBeVisible();
    await expect(visitor.locator('.page-head__lead')).toHaveText(text, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test.describe('Approval of a change to an initiative’s public page', () => {
  test('a lead’s new public summary waits for management; the public sees it once approved', async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);

    // The lead edits the public summary of a published initiative.
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/mine');
    await card(page, INITIATIVE).getByRole('link', { name: INITIATIVE }).click();
    await expect(page.getByRole('heading', { level: 1, name: INITIATIVE })).toBeVisible();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const overview = section(page, 'Oversigt');

    await page.getByRole('button', { name: 'Redigér Offentligt resumé' }).click();
    const summary = page.getByLabel('Offentligt resumé', { exact: true });
    await expect(summary).toBeFocused();
    await expect(summary).toHaveValue(APPROVED);
    await summary.fill(PROPOSED);
    await page.getByRole('button', { name: 'Gem Offentligt resumé' }).click();

    // Saved, but not public: the page says it awaits management and shows both texts.
    await expect(page.getByRole('status').filter({ hasText: 'Offentligt resumé er gemt og afventer godkendelse fra ledelsen.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Redigér Offentligt resumé' })).toBeFocused();
    const proposal = overview.locator('.ifield__proposal');
    await expect(proposal).toContainText('Afventer godkendelse fra ledelsen:');
    await expect(proposal).toContainText(PROPOSED);
    await expect(proposal).toContainText('Borgerne ser stadig det godkendte ovenfor');
    await expect(overview.getByRole('definition').filter({ hasText: APPROVED })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    // Editing again starts from the proposal.
    await page.getByRole('button', { name: 'Redigér Offentligt resumé' }).click();
    await expect(summary).toHaveValue(PROPOSED);
    await page.getByRole('button', { name: 'Annullér' }).click();

    // The public page still shows the approved summary.
    const visitor = await newBrowser(browser, baseURL);
    await expectPublicSummary(visitor, id, APPROVED);

    // Management finds the change in "Godkendelser": now and proposed, side by side.
    const management = await newBrowser(browser, baseURL);
    await signIn(management, DEMO_USERS.management);
    await mainMenu(management).getByRole('link', { name: 'Godkendelser' }).click();
    await expect(management.getByRole('heading', { level: 1, name: 'Godkendelser' })).toBeVisible();
    const item = management.getByRole('listitem').filter({ hasText: 'Ændring af den offentlige side' }).filter({ hasText: INITIATIVE });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Foreslået af Mette Holm');
    await expect(item.locator('.approval__version').nth(0)).toContainText('Nu – det ser borgerne');
    await expect(item.locator('.approval__version').nth(0)).toContainText(APPROVED);
    await expect(item.locator('.approval__version').nth(1)).toContainText('Foreslået');
    await expect(item.locator('.approval__version').nth(1)).toContainText(PROPOSED);
    expect(await wcagViolations(management)).toEqual([]);
    // On a phone too: the two versions stack, and nothing runs off the screen.
    await management.setViewportSize({ width: 360, height: 800 });
    expect(await wcagViolations(management)).toEqual([]);
    expect(await management.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await item.getByRole('button', { name: `Godkend ændringen af ${INITIATIVE}` }).click();
    await expect(management.getByRole('status').filter({ hasText: `Ændringen af »${INITIATIVE}« er godkendt.` })).toBeVisible();
    await expect(item).toHaveCount(0);
    await expect(management.getByRole('heading', { level: 1, name: 'Godkendelser' })).toBeFocused();

    // The public now sees the new summary, and the lead's page has nothing waiting.
    await expectPublicSummary(visitor, id, PROPOSED);
    await page.reload();
    await expect(overview.getByRole('definition').filter({ hasText: PROPOSED })).toBeVisible();
    await expect(overview.locator('.ifield__proposal')).toHaveCount(0);

    await visitor.context().close();
    await management.context().close();
  });
});
