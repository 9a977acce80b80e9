import type { Page } from '@playwright/test';
import type { OutboxMessage, OutboxMessageSummary, Page as ListPage, PublicInitiative, PublicInitiatives } from '@fremdrift/contracts';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * A visitor follows a public initiative by e-mail: the plain form on the server-rendered initiative
 * page, the form again with its error, the page that says to check the inbox, and the confirmation
 * page the mail's link opens. Without an SMTP server (as here) the confirmation mail is held in the
 * outbox, where an admin reads the link.
 */

const ADDRESS = `borger-${Date.now()}@example.dk`;

async function publicInitiative(page: Page): Promise<PublicInitiative> {
  const response = await page.request.get('/api/public/initiatives.json');
  expect(response.status()).toBe(200);
  return ((await response.json()) as PublicInitiatives).items[0];
}

/** The confirmation link in the mail held for the address, read as an admin in a browser of their own. */
async function confirmationLink(page: Page, baseURL: string | undefined): Promise<string> {
  const context = await page.context().browser()!.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  try {
    const admin = await context.newPage();
    await signIn(admin, DEMO_USERS.admin);
    const list = await admin.request.get('/api/outbox?kind=follow_confirmation&pageSize=100');
    expect(list.status()).toBe(200);
    const summary = ((await list.json()) as ListPage<OutboxMessageSummary>).items.find((message) => message.to === ADDRESS);
    expect(summary, 'the confirmation mail is in the outbox').toBeDefined();
    const message = (await (await admin.request.get(`/api/outbox/${summary!.id}`)).json()) as OutboxMessage;
    const link = /https?:\/\/\S+\/api\/public\/follow\/confirm\?token=\S+/.exec(message.text)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    return `${url.pathname}${url.search}`;
  } finally {
    await context.close();
  }
}

test.describe('Following an initiative by e-mail', () => {
  test('a visitor subscribes on a public initiative page, is told to check the inbox, and confirms from the link', async ({ page, baseURL }) => {
    const initiative = await publicInitiative(page);
    await page.goto(`/initiativ/${initiative.id}`);
    const section = page.getByRole('region', { name: 'Følg med på e-mail' });
    await expect(section).toBeVisible();
    await expect(section).toContainText('Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke');
    await expect(section).toContainText(`initiativet »${initiative.title}«`);

    // An empty address comes back as the form again (a plain form post, no script): "Fejl" in the title, a summary
    // at the top that is read out first and links to the field, and the message on the field.
    await section.getByRole('button', { name: 'Følg med' }).click();
    await expect(page).toHaveTitle('Fejl: Følg med på e-mail – Fremdrift');
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Der er et problem');
    await expect(summary).toBeFocused();
    const field = page.getByLabel('Din e-mailadresse');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Fejl: Skriv din e-mailadresse\./);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page), `the form with its error at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: test.info().outputPath('follow-error-360.png'), fullPage: true });
    await summary.getByRole('link', { name: 'Skriv din e-mailadresse.' }).click();
    await expect(page).toHaveURL(/#follow-initiative-email$/);

    // A malformed address keeps what was typed.
    await field.fill('borger.example.dk');
    await page.getByRole('button', { name: 'Følg med' }).click();
    await expect(page.getByRole('alert')).toContainText('Skriv en gyldig e-mailadresse, fx navn@example.dk.');
    await expect(page.getByLabel('Din e-mailadresse')).toHaveValue('borger.example.dk');

    await page.getByLabel('Din e-mailadresse').fill(ADDRESS);
    await page.getByRole('button', { name: 'Følg med' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tjek din indbakke' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(ADDRESS);

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page), `the page after subscribing at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: test.info().outputPath('follow-sent-360.png'), fullPage: true });

    // "Use another address" goes back to the form on the initiative's page.
    await page.getByRole('link', { name: 'Brug en anden e-mailadresse' }).click();
    await expect(page).toHaveURL(`/initiativ/${initiative.id}#foelg`);
    await expect(page.getByRole('heading', { level: 1, name: initiative.title })).toBeVisible();

    // The link in the mail shows the consent text and asks before confirming.
    const link = await confirmationLink(page, baseURL);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Bekræft, at du vil følge med' })).toBeVisible();
    await expect(page.locator('main')).toContainText('Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page), `the confirmation page at ${width}px`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Ja, send mig nyt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nu følger du med' })).toBeVisible();
    expect(await wcagViolations(page), 'the confirmed page').toEqual([]);
    await page.getByRole('link', { name: `Tilbage til ${initiative.title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: initiative.title })).toBeVisible();
  });

  test('the form on a plan page is axe-clean at 1280 and 360 px, and works in English', async ({ page }) => {
    const initiative = await publicInitiative(page);
    await page.goto(`/handleplan/${initiative.actionPlan.id}`);
    const section = page.getByRole('region', { name: 'Følg med på e-mail' });
    await expect(section).toContainText(`handleplanen »${initiative.actionPlan.title}«`);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page), `the plan page at ${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }

    await page.getByRole('link', { name: /English/ }).click();
    const english = page.getByRole('region', { name: 'Follow by e-mail' });
    await expect(english).toContainText(`the action plan “${initiative.actionPlan.title}”`);
    await english.getByLabel('Your e-mail address').fill(`plan-${ADDRESS}`);
    await english.getByRole('button', { name: 'Follow' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
