import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

const compliance = (page: Page) => page.getByRole('region', { name: 'Manglende statusopdateringer', exact: true });

/** Today in the municipality, as the app writes a date in Danish: `4. dec. 2026`. */
const today = () => new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());

test.describe('Reminders on the initiative page', () => {
  test('a reminder sent by hand from the dashboard is listed on the initiative with its date and recipient', async ({ page }) => {
    await signIn(page, DEMO_USERS.management);
    await page.goto('/dashboard');
    const table = compliance(page).getByRole('table');
    // An initiative of MSO, whose demo lead can be reminded.
    const row = table.getByRole('row').filter({ hasText: '(MSO)' }).first();
    const title = (await row.getByRole('rowheader').textContent())?.trim() ?? '';
    await row.getByRole('button', { name: `Send påmindelse om ${title}` }).click();
    const notice = compliance(page).locator('.compliance__notice');
    await expect(notice).toHaveText(/Påmindelse sendt til .+\.|Lederne har allerede fået en påmindelse i dag/);
    // The lead may have been reminded by hand earlier today; the reminder from then is listed instead.
    const sentTo = /Påmindelse sendt til (.+)\./.exec((await notice.textContent()) ?? '')?.[1];

    await row.getByRole('rowheader').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const section = page.getByRole('region', { name: 'Påmindelser', exact: true });
    const manual = section.getByRole('listitem').filter({ hasText: 'Manuel påmindelse' }).first();
    await expect(manual).toContainText(today());
    await expect(manual).toContainText(/ til \S/);
    if (sentTo) await expect(manual).toContainText(sentTo.split(/, | og /)[0]);

    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tmp/e2e-results/reminder-history-1280.png' });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await wcagViolations(page)).toEqual([]);
    }
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tmp/e2e-results/reminder-history-360.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
});
