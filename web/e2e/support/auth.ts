import { expect, type Page } from '@playwright/test';

/** The password of every demo account (see the API's demo data). */
export const DEMO_PASSWORD = 'fremdrift-demo';

export const DEMO_USERS = {
  admin: 'admin@fremdrift.example',
  management: 'ledelse@fremdrift.example',
  viewer: 'laeser@fremdrift.example',
  leadMso: 'leder.mso@fremdrift.example',
} as const;

/**
 * Signs in through the login page the way a user does, and waits until the app has moved on. On
 * the login page already (after a redirect), it signs in there so that the return address holds.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const onLoginPage = page.url().startsWith('http') && new URL(page.url()).pathname === '/login';
  if (!onLoginPage) await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
}
