import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * Two dead ends of issue #12: a lead revises and resends a public text management returned
 * ("Mine initiativer" flags it), and an admin resets another user's password. The tests share one
 * database with the other files; this file's name keeps its changes after theirs.
 */
const MSO_LED = 'Psykosocial støtte og traumebehandling';

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function inNewBrowser(browser: Browser, baseURL: string | undefined, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

test('a lead revises and resends a public text management returned, flagged on “Mine initiativer”', async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const text = `Teksten til borgerne, skrevet ${Date.now()}.`;
  const lead = await inNewBrowser(browser, baseURL, DEMO_USERS.leadMso);
  await lead.goto('/mine');
  await card(lead, MSO_LED).getByRole('link', { name: MSO_LED }).click();
  const form = section(lead, 'Ny statusopdatering');
  await form.getByLabel('Hvordan går det?').fill('Status til godkendelse.');
  await form.getByLabel('Tekst til borgerne').fill(text);
  await form.getByRole('button', { name: 'Send statusopdatering' }).click();
  await expect(lead.getByRole('status').filter({ hasText: 'venter på ledelsens godkendelse' })).toBeVisible();

  // Management returns it with a comment.
  await signIn(page, DEMO_USERS.management);
  await mainMenu(page).getByRole('link', { name: 'Godkendelser' }).click();
  const item = page.getByRole('listitem').filter({ hasText: text });
  await item.getByRole('button', { name: /^Send retur: teksten/ }).click();
  await item.getByLabel('Kommentar til afdelingslederen').fill('Skriv, hvor mange der har fået hjælp.');
  await item.getByRole('button', { name: 'Send retur med kommentar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'er sendt retur' })).toBeVisible();

  // "Mine initiativer" flags the initiative; the flag leads to it.
  await lead.goto('/mine');
  const flagged = card(lead, MSO_LED);
  await expect(flagged).toContainText('Sendt retur af ledelsen – ret og send igen');
  expect(await wcagViolations(lead)).toEqual([]);
  await flagged.getByRole('link', { name: 'Sendt retur af ledelsen – ret og send igen' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: MSO_LED })).toBeVisible();

  // The lead revises the text where management's comment is, and sends it again.
  const update = lead.getByRole('article').filter({ hasText: text });
  await expect(update).toContainText('Skriv, hvor mange der har fået hjælp.');
  await update.getByRole('button', { name: /^Ret og send igen/ }).click();
  const revised = update.getByLabel('Ret teksten til borgerne');
  await expect(revised).toBeFocused();
  await revised.fill(`${text} 40 borgere har fået hjælp.`);
  expect(await wcagViolations(lead)).toEqual([]);
  await update.getByRole('button', { name: 'Gem og send igen' }).click();
  await expect(lead.getByRole('status').filter({ hasText: 'sendt til ledelsens godkendelse igen' })).toBeVisible();
  const resent = lead.getByRole('article').filter({ hasText: '40 borgere har fået hjælp.' });
  await expect(resent).toContainText('Afventer godkendelse');
  await expect(resent.getByRole('button', { name: /^Ret og send igen/ })).toHaveCount(0);

  await lead.goto('/mine');
  await expect(card(lead, MSO_LED)).not.toContainText('Sendt retur af ledelsen');
  await lead.context().close();
});

test('an admin resets another user’s password: the old one stops working, the new one works', async ({ page, browser, baseURL }) => {
  const email = `glemsom.${Date.now()}@fremdrift.example`;
  const first = 'den første lange adgangskode';
  const temporary = 'midlertidig adgangskode 2026';

  await signIn(page, DEMO_USERS.admin);
  await page.goto('/brugere/ny');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Navn', { exact: true }).fill('Gitte Glemsom');
  await page.getByLabel('Rolle', { exact: true }).selectOption('viewer');
  await page.getByLabel('Startadgangskode', { exact: true }).fill(first);
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gitte Glemsom' })).toBeVisible();
  const user = await inNewBrowser(browser, baseURL, email, first);

  await page.getByRole('button', { name: 'Nulstil adgangskode' }).click();
  await expect(page.getByRole('heading', { name: 'Nulstil adgangskoden for Gitte Glemsom?' })).toBeFocused();
  await page.getByLabel('Midlertidig adgangskode', { exact: true }).fill(temporary);
  expect(await wcagViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Ja, nulstil' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Giv adgangskoden videre på en sikker måde' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nulstil adgangskode' })).toBeFocused();

  // The user's session has ended; the old password no longer signs in, the temporary one does.
  await user.reload();
  await expect(user.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await user.getByLabel('E-mail', { exact: true }).fill(email);
  await user.getByLabel('Adgangskode', { exact: true }).fill(first);
  await user.getByRole('button', { name: 'Log ind' }).click();
  await expect(user.getByRole('alert')).toContainText('Forkert e-mail eller adgangskode.');
  await signIn(user, email, temporary);
  await user.context().close();
});
