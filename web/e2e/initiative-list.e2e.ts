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

  test('filters by health and sorts by target date, all in the URL', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText(/af 20/);
    await page.getByLabel('Vurdering', { exact: true }).selectOption('off_track');
    await expect(page).toHaveURL(/health=off_track/);
    await page.getByRole('button', { name: 'Slutdato' }).click();
    await expect(page).toHaveURL(/sort=targetDate/);
    await expect(page.getByRole('columnheader', { name: 'Slutdato' })).toHaveAttribute('aria-sort', 'ascending');

    const checkRows = async (direction: 'asc' | 'desc') => {
      const rows = page.locator('tbody tr');
      await expect(rows.first()).toBeVisible();
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(20);
      for (const row of await rows.all()) await expect(row.locator('fd-health-badge')).toHaveText('Bagud');
      const dates = await page.locator('tbody tr time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
      const sorted = [...dates].sort();
      expect(dates).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    };
    await checkRows('asc');

    await page.getByRole('button', { name: 'Slutdato' }).click();
    await expect(page).toHaveURL(/direction=desc/);
    await expect(page.getByRole('columnheader', { name: 'Slutdato' })).toHaveAttribute('aria-sort', 'descending');
    await checkRows('desc');

    // The URL restores it all.
    await page.reload();
    await expect(page.getByLabel('Vurdering', { exact: true })).toHaveValue('off_track');
    await expect(page.getByRole('columnheader', { name: 'Slutdato' })).toHaveAttribute('aria-sort', 'descending');
    await checkRows('desc');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect(page.getByRole('status')).toHaveText(/af 20/);
    await expect(page).not.toHaveURL(/health=|sort=/);
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
