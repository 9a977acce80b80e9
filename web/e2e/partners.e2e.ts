import type { Page } from '@playwright/test';
import type { Initiative, Page as ListPage, Partner } from '@fremdrift/contracts';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The partner register and consent to be named publicly, as an admin uses them: finding a partner,
 * recording consent on an initiative with its date and method, withdrawing it (after which the
 * public page no longer names the partner), and merging two duplicate records.
 */

const RUN = Date.now().toString(36);
const SHOTS = 'tmp/e2e-results/partners';

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, data?: object): Promise<T> {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(url, { method, data, headers: { 'X-XSRF-TOKEN': xsrf } });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** The partners named on an initiative's public page, read the way a visitor's browser reads it. */
async function publicPartnerNames(page: Page, initiativeId: string): Promise<string[]> {
  const response = await page.request.get(`/api/public/initiatives/${initiativeId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { partners: { name: string }[] }).partners.map((p) => p.name);
}

test.describe('The partner register', () => {
  test.describe.configure({ mode: 'serial' });

  test('finds a partner by name, without regard to accents, and keeps the search in the address', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Partnere', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Samskabelsespartnere' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Viser 1–/ })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/register-1280.png`, fullPage: false });

    await page.getByLabel('Søg på navn').fill('ostjysk logistik');
    await expect(page).toHaveURL(/[?&]q=ostjysk(\+|%20)logistik/);
    const partners = page.locator('.register__partner');
    await expect(partners).toHaveCount(1);
    const card = partners.first();
    await expect(card.getByRole('heading', { name: 'Østjysk Logistik A/S' })).toBeVisible();
    await expect(card.getByText('Virksomhed', { exact: true })).toBeVisible();
    await expect(card.getByText(/Samtykke givet \d+\. \w+\. \d{4} på workshop/).first()).toBeVisible();
    await card.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/initiativer\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect(page.getByLabel('Søg på navn')).toHaveValue('ostjysk logistik');

    await page.getByLabel('Søg på navn').fill('');
    await page.getByLabel('Type').selectOption({ label: 'Virksomhed' });
    await expect(page).toHaveURL(/[?&]type=company/);
    await expect(partners.first().getByText('Virksomhed', { exact: true })).toBeVisible();

    await page.goto('/partnere?q=findes-ikke-nogen-steder');
    await expect(page.getByRole('heading', { name: 'Ingen partnere passer til søgningen' })).toBeVisible();

    await page.goto('/partnere');
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.locator('.register__partner').first()).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/register-360.png` });
  });

  test('records consent on an initiative with its date and method, and withdraws it from the public page', async ({ page, browser }) => {
    await signIn(page, DEMO_USERS.admin);
    const [initiative] = (await api<ListPage<Initiative>>(page, 'GET', '/api/initiatives?published=true&pageSize=1')).items;
    const partner = await api<Partner>(page, 'POST', '/api/partners', { name: `Samtykkeforeningen ${RUN}`, type: 'civil_society_association' });
    await api(page, 'PUT', `/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Mentorer' });

    await page.goto(`/initiativer/${initiative.id}`);
    const section = page.locator('#partnere');
    const link = section.locator('li.partner').filter({ hasText: partner.name });
    await expect(link.getByText('Intet samtykke')).toBeVisible();
    await section.getByRole('button', { name: `Redigér ${partner.name}` }).click();
    await link.getByLabel('Partneren har givet samtykke til at blive vist offentligt').check();
    await link.getByLabel('Dato for samtykket').fill('2026-03-12');
    await link.getByRole('button', { name: 'Gem' }).click();
    await expect(link.getByText('Angiv, hvordan samtykket blev givet.')).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await link.screenshot({ path: `${SHOTS}/consent-form.png` });
    await link.getByLabel('Hvordan blev samtykket givet?').selectOption({ label: 'Workshop' });
    await link.getByRole('button', { name: 'Gem' }).click();
    await expect(link.getByText('Samtykke givet 12. mar. 2026 på workshop')).toBeVisible();
    await expect.poll(() => publicPartnerNames(page, initiative.id)).toContain(partner.name);

    await section.getByRole('button', { name: `Træk samtykke tilbage for ${partner.name}` }).click();
    await expect(link.getByRole('heading', { name: `Træk samtykket tilbage for ${partner.name}?` })).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/withdraw-confirm.png` });
    await link.getByRole('button', { name: 'Ja, træk tilbage' }).click();
    await expect(link.getByText(/^Trukket tilbage \d+\. \w+\. \d{4}$/)).toBeVisible();

    await expect.poll(() => publicPartnerNames(page, initiative.id)).not.toContain(partner.name);
    const visitor = await browser.newPage();
    await visitor.goto(`${new URL(page.url()).origin}/initiativ/${initiative.id}`);
    await expect(visitor.getByRole('heading', { level: 1, name: initiative.title })).toBeVisible();
    await expect(visitor.getByText(partner.name)).toHaveCount(0);
    await visitor.close();

    await api(page, 'DELETE', `/api/initiatives/${initiative.id}/partners/${partner.id}`);
  });

  test('lets an admin merge two duplicates after showing what will move', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    const [initiative] = (await api<ListPage<Initiative>>(page, 'GET', '/api/initiatives?published=false&pageSize=1')).items;
    const kept = await api<Partner>(page, 'POST', '/api/partners', { name: `Dubletforeningen ${RUN}`, type: 'volunteer_organisation' });
    const duplicate = await api<Partner>(page, 'POST', '/api/partners', {
      name: `Dubletforeningen ${RUN} (kopi)`,
      type: 'volunteer_organisation',
      description: 'Oprettet to gange ved en fejl.',
    });
    await api(page, 'PUT', `/api/initiatives/${initiative.id}/partners/${duplicate.id}`, { role: 'Vært' });

    await page.goto(`/partnere?q=${encodeURIComponent(`Dubletforeningen ${RUN}`)}`);
    await expect(page.locator('.register__partner')).toHaveCount(2);
    await page.getByRole('button', { name: `Sammenlæg dublet ind i ${kept.name}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Sammenlæg en dublet ind i ${kept.name}`, exact: true });
    await expect(form.getByLabel('Dublet, der skal lægges ind')).toBeFocused();
    await form.getByLabel('Dublet, der skal lægges ind').selectOption({ label: `${duplicate.name} (Frivilligorganisation)` });
    await expect(form.getByText(`${initiative.title} – Intet samtykke`)).toBeVisible();
    await expect(form.getByText(`Beskrivelsen hentes fra dubletten, fordi ${kept.name} ikke har nogen.`)).toBeVisible();
    await expect(form.getByText(`${duplicate.name} slettes.`)).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/merge-preview.png`, fullPage: true });
    await form.getByRole('button', { name: 'Sammenlæg', exact: true }).click();

    await expect(page.locator('.register__partner')).toHaveCount(1);
    const card = page.locator('.register__partner').first();
    await expect(card.getByRole('heading', { name: kept.name })).toBeVisible();
    await expect(card.getByText('Oprettet to gange ved en fejl.')).toBeVisible();
    await expect(card.getByRole('link', { name: initiative.title })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `${duplicate.name} er lagt sammen med ${kept.name}.` })).toBeAttached();
  });

  test('shows leads the register without the merge action', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/partnere');
    await expect(page.locator('.register__partner').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Sammenlæg dublet/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Opret partner' })).toBeVisible();
  });
});
