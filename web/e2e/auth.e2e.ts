import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

const loginHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Log ind' });
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

test.describe('Signing in and out', () => {
  test('an anonymous visitor is asked to sign in and then comes back to the page they wanted', async ({ page }) => {
    await page.goto('/initiativer?department=MSO');
    await expect(loginHeading(page)).toBeVisible();
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Finitiativer%3Fdepartment%3DMSO$/);
    await expect(page).toHaveTitle('Log ind – Fremdrift');

    await signIn(page, DEMO_USERS.viewer);
    await expect(page).toHaveURL(/\/initiativer\?department=MSO$/);
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue('MSO');
  });

  test('a wrong password is explained, and nobody is signed in', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail', { exact: true }).fill(DEMO_USERS.management);
    await page.getByLabel('Adgangskode', { exact: true }).fill('ikke-den-rigtige');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await expect(page.getByRole('alert')).toContainText('Forkert e-mail eller adgangskode.');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Log ud' })).toHaveCount(0);
  });

  test('empty fields are named before anything is sent', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log ind' }).click();

    await expect(page.getByLabel('E-mail', { exact: true })).toBeFocused();
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Skriv din e-mail.')).toBeVisible();
    await expect(page.getByText('Skriv din adgangskode.')).toBeVisible();
  });

  test('a department lead sees their name and role, and no admin pages', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await expect(page.getByRole('banner')).toContainText('Mette Holm');
    await expect(page.getByRole('banner')).toContainText('Afdelingsleder');
    // A lead starts on their own initiatives.
    await expect(page).toHaveURL(/\/mine$/);
    await expect(mainMenu(page).getByRole('link', { name: 'Mine initiativer' })).toHaveAttribute('aria-current', 'page');
    await expect(mainMenu(page).getByRole('link', { name: 'Initiativer', exact: true })).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Skift adgangskode' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Brugere' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ændringslog' })).toHaveCount(0);

    await page.goto('/brugere');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeVisible();
    await expect(page).toHaveURL(/\/brugere$/);
    await page.goto('/aendringslog');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' })).toBeVisible();
  });

  test('signing out returns to the login page and ends the session', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(loginHeading(page)).toBeVisible();
    await expect(mainMenu(page)).toHaveCount(0);

    await page.goto('/initiativer');
    await expect(loginHeading(page)).toBeVisible();
  });

  test('the header works on a 360 px phone screen, by keyboard too', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, DEMO_USERS.admin);
    for (const name of ['Initiativer', 'Brugere', 'Ændringslog', 'Skift adgangskode']) {
      await expect(mainMenu(page).getByRole('link', { name })).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await mainMenu(page).getByRole('link', { name: 'Brugere' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();
  });
});

test.describe('Managing users', () => {
  test('an admin creates a user who can sign in, then deactivates them and their session ends', async ({ page, browser, baseURL }) => {
    const email = `nina.ny.${Date.now()}@fremdrift.example`;
    const password = 'en lang og sikker startkode';

    await signIn(page, DEMO_USERS.admin);
    await mainMenu(page).getByRole('link', { name: 'Brugere' }).click();
    await page.getByRole('link', { name: 'Opret bruger' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret bruger' })).toBeVisible();
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Navn', { exact: true }).fill('Nina Ny');
    await page.getByLabel('Rolle', { exact: true }).selectOption('department_lead');
    await page.getByRole('checkbox', { name: /Sundhed og Omsorg/ }).check();
    await page.getByLabel('Startadgangskode', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Opret bruger' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Nina Ny' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Brugeren er oprettet.' })).toBeVisible();

    // The new user, in a browser of their own.
    const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const newUser = await context.newPage();
    await signIn(newUser, email, password);
    await expect(newUser.getByRole('banner')).toContainText('Nina Ny');
    await expect(newUser.getByRole('banner')).toContainText('Afdelingsleder');
    await expect(newUser.getByRole('heading', { level: 1, name: 'Mine initiativer' })).toBeVisible();

    // The admin deactivates them, after confirming.
    await page.getByRole('button', { name: 'Deaktivér bruger' }).click();
    await expect(page.getByRole('heading', { name: 'Deaktivér Nina Ny?' })).toBeFocused();
    await page.getByRole('button', { name: 'Ja, deaktivér' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Brugeren er deaktiveret og logget ud.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Genaktivér bruger' })).toBeVisible();

    // The new user's next request finds the session gone and lands on the login page.
    await mainMenu(newUser).getByRole('link', { name: 'Skift adgangskode' }).click();
    await mainMenu(newUser).getByRole('link', { name: 'Initiativer', exact: true }).click();
    await expect(loginHeading(newUser)).toBeVisible();
    await expect(newUser.getByText('Din session er udløbet. Log ind igen.')).toBeVisible();
    await expect(newUser).toHaveURL(/returnUrl=%2Finitiativer/);

    // ... and cannot sign in again.
    await newUser.getByLabel('E-mail', { exact: true }).fill(email);
    await newUser.getByLabel('Adgangskode', { exact: true }).fill(password);
    await newUser.getByRole('button', { name: 'Log ind' }).click();
    await expect(newUser.getByRole('alert')).toContainText('Forkert e-mail eller adgangskode.');
    await context.close();

    // The audit log recorded the new user.
    await mainMenu(page).getByRole('link', { name: 'Ændringslog' }).click();
    await page.getByLabel('Hvad er ændret').selectOption('user');
    await page.getByRole('button', { name: 'Vis ændringer' }).click();
    await expect(page).toHaveURL(/entityType=user/);
    await expect(page.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Oprettet' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Aktiv: Ja' }).first()).toBeVisible();
  });

  test('searching and filtering by role narrows the list', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto('/brugere');
    await page.getByLabel('Rolle', { exact: true }).selectOption('department_lead');
    await expect(page).toHaveURL(/role=department_lead/);
    await expect(page.getByRole('row', { name: /Mette Holm/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Ida Administrator/ })).toHaveCount(0);

    await page.getByLabel('Søg på navn eller e-mail').fill('findes-ikke-xyz');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect(page.getByRole('heading', { name: 'Ingen brugere matcher filtrene' })).toBeVisible();
  });
});

test.describe('Accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  test('the login page, with and without errors, on desktop and phone', async ({ page }) => {
    await page.goto('/login');
    await expect(loginHeading(page)).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByText('Skriv din e-mail.')).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('the user pages', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto('/brugere');
    await expect(page.getByRole('row', { name: /Mette Holm/ })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/brugere/ny');
    await page.getByLabel('Rolle', { exact: true }).selectOption('department_lead');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await expect(page.getByText('Vælg mindst én afdeling')).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await page.goto('/brugere');
    await page.getByRole('link', { name: 'Mette Holm' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mette Holm' })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('the audit log, on desktop and phone', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto('/aendringslog');
    await expect(page.getByRole('status')).toHaveText(/Viser|Der er endnu ingen ændringer/);
    expect(await wcagViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await wcagViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the change-password page', async ({ page }) => {
    await signIn(page, DEMO_USERS.viewer);
    await page.goto('/konto/adgangskode');
    await expect(page.getByRole('heading', { level: 1, name: 'Skift adgangskode' })).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);
  });
});
