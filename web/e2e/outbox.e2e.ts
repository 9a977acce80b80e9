import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * The admins' outbox on the npm start default: embedded PostgreSQL, jobs running, no SMTP server.
 * A manual reminder is written to the outbox and held there, and the admin reads it on the page.
 */
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function api(page: Page, method: 'GET' | 'POST', url: string) {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  return page.request.fetch(url, { method, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } });
}

test.describe('The outbox (Udbakke)', () => {
  test('an admin reads a held reminder and sees the jobs, at 1280 and 360 px', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO_USERS.admin);
    // A reminder to the leads of a demo initiative that has not reported yet: written to the outbox, held without SMTP_URL.
    const initiatives = (await (await api(page, 'GET', '/api/initiatives?pageSize=100')).json()) as { items: { id: string }[] };
    let reminded = false;
    for (const initiative of initiatives.items) {
      const reminder = await api(page, 'POST', `/api/reminders/initiatives/${initiative.id}`);
      if (reminder.status() === 200) {
        reminded = true;
        break;
      }
    }
    expect(reminded, 'no demo initiative could be reminded').toBe(true);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udbakke', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/udbakke$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Udbakke' })).toBeVisible();

    const jobs = page.getByRole('table', { name: 'Planlagte job med seneste og næste kørsel' });
    await expect(jobs.getByRole('rowheader', { name: /Send e-mails fra udbakken/ })).toBeVisible();
    await expect(jobs).toContainText('Hvert minut');

    await page.getByLabel('Tilstand').selectOption('held');
    await page.getByRole('button', { name: 'Vis beskeder' }).click();
    await expect(page).toHaveURL(/state=held/);
    const messages = page.getByRole('table', { name: 'Beskeder i udbakken, nyeste først' });
    const first = messages.locator('tbody tr').first();
    await expect(first).toContainText('Tilbageholdt');
    const subject = (await first.getByRole('button').textContent())?.trim() ?? '';
    await first.getByRole('button').click();

    const heading = page.getByRole('heading', { level: 2, name: subject });
    await expect(heading).toBeFocused();
    await expect(page.getByText('Der er ingen SMTP-server sat op (SMTP_URL)')).toBeVisible();
    await expect(page.locator('.outbox-message__text')).not.toBeEmpty();
    const frame = page.locator('iframe.outbox-message__html');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame).toHaveAttribute('title', /som HTML/);
    // The e-mail's HTML renders as a document, not as escaped markup.
    const rendered = page.frameLocator('iframe.outbox-message__html');
    await expect(rendered.locator('p').first()).toBeVisible();
    await expect(rendered.locator('body')).not.toContainText('<p>');

    // "Kør nu" queues the sender; it leaves held messages where they are.
    await jobs.getByRole('button', { name: /Kør nu.*Send e-mails fra udbakken/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Send e-mails fra udbakken er sat i kø.' })).toBeVisible();
    await expect(first).toContainText('Tilbageholdt');

    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('outbox-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(heading).toBeVisible();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('outbox-360.png'), fullPage: true });
  });

  test('a department lead has no link to the outbox and gets the forbidden page', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udbakke' })).toHaveCount(0);
    await page.goto('/admin/udbakke');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
  });
});
