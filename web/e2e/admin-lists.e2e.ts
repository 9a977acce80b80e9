import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The admin's lists. Only departments and causes made here are changed: other browser tests rely on
 * the demo data's departments and causes as they are.
 */
/** A row's button, e.g. "Omdøb" for one department (its name is read after a colon). */
const action = (verb: string, name: string) => new RegExp(`^${verb}\\s*:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test.describe('Admin lists', () => {
  const stamp = Date.now().toString(36).toUpperCase().slice(-6);

  test('an admin adds, renames, moves and deactivates a department', async ({ page }) => {
    const first = { code: `X${stamp}A`, name: `E2E-afdeling ${stamp} A` };
    const second = { code: `X${stamp}B`, name: `E2E-afdeling ${stamp} B` };
    await signIn(page, DEMO_USERS.admin);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Afdelinger', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/afdelinger$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Afdelinger' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Sundhed og Omsorg' })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    const status = page.getByRole('status').filter({ hasText: /./ }).first();
    for (const department of [first, second]) {
      await page.getByLabel('Kode', { exact: true }).fill(department.code.toLowerCase());
      await page.getByLabel('Navn', { exact: true }).fill(department.name);
      await page.getByRole('button', { name: 'Tilføj afdeling' }).click();
      await expect(status).toHaveText(`Afdelingen ${department.name} er tilføjet.`);
      await expect(page.getByLabel('Kode', { exact: true })).toHaveValue('');
    }
    const items = page.locator('ol.admin-list > li');
    const count = await items.count();
    await expect(items.nth(count - 1)).toContainText(second.code);

    // Rename the second one.
    await page.getByRole('button', { name: action('Omdøb', second.name) }).click();
    const renamed = `${second.name} (nyt navn)`;
    await expect(page.getByLabel(`Nyt navn for ${second.name}`)).toBeFocused();
    await page.getByLabel(`Nyt navn for ${second.name}`).fill(renamed);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(status).toHaveText(`Afdelingen hedder nu ${renamed}.`);

    // Move it above the first one: only these two change places.
    await page.getByRole('button', { name: action('Flyt op', renamed) }).click();
    await expect(status).toHaveText(`${renamed} er flyttet til plads ${count - 1} af ${count}.`);
    await expect(items.nth(count - 2)).toContainText(renamed);
    await expect(items.nth(count - 1)).toContainText(first.name);

    // Deactivate the first one: it stays listed, marked.
    await page.getByRole('button', { name: action('Deaktiver', first.name) }).click();
    await expect(status).toContainText(`${first.name} er deaktiveret.`);
    await expect(items.nth(count - 1)).toContainText('Deaktiveret');
    await expect(page.getByRole('button', { name: action('Genaktiver', first.name) })).toBeFocused();

    await page.reload();
    await expect(items.nth(count - 2)).toContainText(renamed);
    await expect(items.nth(count - 1)).toContainText('Deaktiveret');
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('an admin adds a delay cause', async ({ page }) => {
    const code = `e2e_${stamp.toLowerCase()}`;
    await signIn(page, DEMO_USERS.admin);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forsinkelsesårsager', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/forsinkelsesaarsager$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Forsinkelsesårsager' })).toBeVisible();
    await expect(page.locator('ol.admin-list > li').first()).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByLabel('Kode', { exact: true }).fill(code);
    await page.getByLabel('Dansk tekst', { exact: true }).fill(`E2E-årsag ${stamp}`);
    await page.getByLabel('Engelsk tekst', { exact: true }).fill(`E2E cause ${stamp}`);
    await page.getByRole('button', { name: 'Tilføj årsag' }).click();
    await expect(page.getByRole('status').filter({ hasText: /./ }).first()).toHaveText(`Årsagen E2E-årsag ${stamp} er tilføjet.`);
    await expect(page.locator('ol.admin-list > li').last()).toContainText(code);

    await page.reload();
    await expect(page.locator('ol.admin-list > li').last()).toContainText(`E2E cause ${stamp}`);
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('other roles see no admin lists', async ({ page }) => {
    await signIn(page, DEMO_USERS.management);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Afdelinger', exact: true })).toHaveCount(0);
    await page.goto('/admin/afdelinger');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeVisible();
  });
});
