import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * The reporting cycle on the demo data: the reminders column and the manual reminder on the
 * dashboard's compliance table, and the user's own e-mail settings. The app ran the cycle at start.
 */
const compliance = (page: Page) => page.getByRole('region', { name: 'Manglende statusopdateringer', exact: true });

test.describe('The reporting cycle', () => {
  test('management sees who was reminded and sends a reminder from the compliance table', async ({ page }) => {
    await signIn(page, DEMO_USERS.management);
    await page.goto('/dashboard');
    const table = compliance(page).getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Påmindelser' })).toBeVisible();
    // An initiative of MSO, whose demo lead can be reminded.
    const row = table.getByRole('row').filter({ hasText: '(MSO)' }).first();
    const title = (await row.getByRole('rowheader').textContent())?.trim() ?? '';
    await row.getByRole('button', { name: `Send påmindelse om ${title}` }).click();
    await expect(compliance(page).locator('.compliance__notice')).toHaveText(/Påmindelse sendt til .+\.|Lederne har allerede fået en påmindelse i dag/);
    await expect(row).toContainText('Påmindet');

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page)).toEqual([]);
    }
  });

  test('a viewer sees the reminders but cannot send one', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto('/dashboard');
    const table = compliance(page).getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Påmindelser' })).toBeVisible();
    await expect(table.getByRole('button', { name: /^Send påmindelse/ })).toHaveCount(0);
  });

  test('a lead turns reminders off and chooses English under Mine e-mails', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/konto/adgangskode');
    const section = page.getByRole('region', { name: 'Mine e-mails' });
    await section.getByRole('button', { name: 'Vis mine e-mailindstillinger' }).click();
    const reminders = section.getByLabel('Påmindelser om statusopdateringer');
    await expect(reminders).toBeChecked();
    await reminders.uncheck();
    await section.getByLabel('Sprog i e-mails').selectOption('en');
    await section.getByRole('button', { name: 'Gem e-mailindstillinger' }).click();
    await expect(section.locator('.mail-settings__notice')).toHaveText('E-mailindstillingerne er gemt.');

    await page.reload();
    await page.getByRole('button', { name: 'Vis mine e-mailindstillinger' }).click();
    await expect(page.getByRole('region', { name: 'Mine e-mails' }).getByLabel('Påmindelser om statusopdateringer')).not.toBeChecked();
    await expect(page.getByRole('region', { name: 'Mine e-mails' }).getByLabel('Sprog i e-mails')).toHaveValue('en');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page)).toEqual([]);
    }

    // Back as it was, for the other tests on the same demo data.
    const again = page.getByRole('region', { name: 'Mine e-mails' });
    await again.getByLabel('Påmindelser om statusopdateringer').check();
    await again.getByLabel('Sprog i e-mails').selectOption('da');
    await again.getByRole('button', { name: 'Gem e-mailindstillinger' }).click();
    await expect(again.locator('.mail-settings__notice')).toHaveText('E-mailindstillingerne er gemt.');
  });

  test('the outbox holds the cycle’s messages from the start, and a reminder’s unsubscribe page works without signing in', async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    const list = (await (await page.request.get('/api/outbox?pageSize=100')).json()) as { items: { id: string; kind: string }[] };
    // The run at start-up: the late initiatives of the demo are escalated.
    expect(list.items.some((item) => item.kind === 'escalation' || item.kind === 'reminder' || item.kind === 'final_reminder')).toBe(true);
    const manual = list.items.find((item) => item.kind === 'manual_reminder');
    expect(manual, 'the manual reminder sent from the dashboard above').toBeDefined();
    const message = (await (await page.request.get(`/api/outbox/${manual?.id}`)).json()) as { text: string };
    const link = new URL(/https?:\/\/\S+\/api\/reminders\/unsubscribe\?\S+/.exec(message.text)?.[0] ?? '');

    const context = await browser.newContext({ baseURL, locale: 'da-DK' });
    const anonymous = await context.newPage();
    await anonymous.goto(`${link.pathname}${link.search}`);
    await expect(anonymous.getByRole('heading', { level: 1, name: 'Afmeld e-mails' })).toBeVisible();
    for (const width of [1280, 360]) {
      await anonymous.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(anonymous)).toEqual([]);
    }
    await anonymous.getByRole('button', { name: 'Ja, afmeld' }).click();
    await expect(anonymous.getByRole('heading', { level: 1, name: 'Du er afmeldt' })).toBeVisible();
    await context.close();
  });
});
