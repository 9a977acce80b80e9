import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

test.describe('The initiative list', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
  });

  test('shows the demo initiatives with department, status, health and progress', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Initiativer' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/Viser 1–20 af 20/);

    const row = page.getByRole('row', { name: /Sprogpraktik i virksomheder/ });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').first()).toContainText(/\((BA|MSB|MBU|MKB|MSO|MTM)\)/);
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
    await expect(row).toContainText(/På sporet|I risiko|Bagud/);
  });

  test('filters by department through the URL, so that the view can be shared', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Afdeling', { exact: true }).selectOption('MSO');
    await expect(page).toHaveURL(/department=MSO/);
    const status = page.getByRole('status');
    await expect(status).toHaveText(/Viser 1–\d+ af \d+/);
    const shown = Number((await status.textContent())?.match(/af (\d+)/)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(20);
    for (const row of await page.locator('tbody tr').all()) {
      await expect(row).toContainText('(MSO)');
    }

    await page.reload();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue('MSO');
    await expect(status).toHaveText(new RegExp(`af ${shown}`));
  });

  test('searches by text and says so when nothing matches', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Søg', { exact: true }).fill('sprogpraktik');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect(page).toHaveURL(/q=sprogpraktik/);
    await expect(page.getByRole('row', { name: /Sprogpraktik i virksomheder/ })).toBeVisible();

    await page.getByLabel('Søg', { exact: true }).fill('findes-ikke-xyz');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect(page.getByRole('heading', { name: 'Ingen initiativer matcher filtrene' })).toBeVisible();
    await page.getByRole('button', { name: 'Ryd filtre' }).first().click();
    await expect(page.getByRole('status')).toHaveText(/af 20/);
  });

  test('shows cards instead of a table on a 360 px phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 3, name: 'Sprogpraktik i virksomheder' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('has no WCAG 2.1 A/AA violations, on desktop and on a phone', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText(/af 20/);
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('answers an unknown address with a helpful page', async ({ page }) => {
    await page.goto('/findes-ikke');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Siden findes ikke/);
  });
});
