import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

test.describe('Action plans', () => {
  test('an admin creates a plan with goals, edits and reorders it, reads its page and archives it', async ({ page }) => {
    const title = `E2E-handleplan ${Date.now()}`;
    await signIn(page, DEMO_USERS.admin);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Handleplaner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Handleplaner' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Flygtningehandleplan/ }).first()).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Ny handleplan' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ny handleplan' })).toBeVisible();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Lavet af browsertesten.');
    await page.getByLabel('Dato for samskabelsen').fill('2026-09-01');
    await page.getByLabel('Metode', { exact: true }).fill('Borgermøder');
    await page.getByLabel('Borgere og flygtninge').fill('12');
    await page.getByLabel('Rapporteringsperiode').selectOption('quarterly');
    for (const [index, goal] of ['Bolig', 'Sprog', 'Arbejde'].entries()) {
      await page.getByRole('button', { name: 'Tilføj mål' }).click();
      await expect(page.getByLabel(`Titel på mål ${index + 1}`)).toBeFocused();
      await page.getByLabel(`Titel på mål ${index + 1}`).fill(goal);
    }
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opret handleplan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Handleplanen er oprettet.' })).toBeVisible();
    await expect(page.locator('.goal-section h3')).toHaveText(['Bolig', 'Sprog', 'Arbejde']);
    await expect(page.getByText('Kvartalsvis')).toBeVisible();

    await page.getByRole('link', { name: 'Redigér' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Redigér handleplan' })).toBeVisible();
    await expect(page.getByLabel('Titel på mål 3')).toHaveValue('Arbejde');
    await page.getByLabel('Beskrivelse af mål 2').fill('Danskundervisning og sprogcaféer');
    await page.getByRole('button', { name: 'Op (Arbejde)' }).click();
    await expect(page.getByLabel('Titel på mål 2')).toHaveValue('Arbejde');
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Redigeret af browsertesten.');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Ændringerne er gemt.' })).toBeVisible();
    await expect(page.getByText('Redigeret af browsertesten.')).toBeVisible();
    await expect(page.locator('.goal-section h3')).toHaveText(['Bolig', 'Arbejde', 'Sprog']);
    await expect(page.getByText('Danskundervisning og sprogcaféer')).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Arkivér handleplan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Handleplanen er arkiveret.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tag i brug igen' })).toBeVisible();

    await page.getByRole('link', { name: 'Alle handleplaner' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Handleplaner' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Flygtningehandleplan/ }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await page.getByLabel('Vis også arkiverede handleplaner').check();
    await expect(page).toHaveURL(/arkiverede=vis/);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);
    const listOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(listOverflow).toBeLessThanOrEqual(0);
  });

  test('a department lead reads the plans but cannot create or edit them', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/handleplaner');
    await expect(page.getByRole('heading', { level: 1, name: 'Handleplaner' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ny handleplan' })).toHaveCount(0);
    await page
      .getByRole('row', { name: /Flygtningehandleplan/ })
      .first()
      .getByRole('link')
      .click();
    await expect(page.locator('.goal-section').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Redigér' })).toHaveCount(0);
    await page.goto('/handleplaner/ny');
    await expect(page.getByRole('heading', { level: 1, name: 'Ny handleplan' })).toHaveCount(0);
  });
});
