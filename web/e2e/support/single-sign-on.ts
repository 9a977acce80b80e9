import { expect, type Page } from '@playwright/test';

/** How the browser tests' app is registered at the test OpenID provider (see global-setup.ts). */
export const OIDC_CLIENT = {
  id: 'fremdrift-e2e',
  secret: 'fremdrift-e2e-client-secret',
  label: 'Aarhus Kommune',
  accessContact: 'fremdrift-adgang@aarhus.dk',
} as const;

/** The test OpenID provider's issuer, `http://127.0.0.1:<port>`. */
export function oidcIssuer(): string {
  const issuer = process.env['E2E_OIDC_ISSUER'];
  if (!issuer) throw new Error('E2E_OIDC_ISSUER is not set: the global setup did not start the test OpenID provider');
  return issuer;
}

export interface ProviderAccount {
  email?: string;
  name?: string;
  groups: string[];
}

/** Adds or changes an account at the provider; its next sign-in carries these claims. */
export async function setProviderAccount(sub: string, account: ProviderAccount): Promise<void> {
  const response = await fetch(`${oidcIssuer()}/test-control/accounts/${encodeURIComponent(sub)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`The test OpenID provider refused the account ${sub}: ${response.status} ${await response.text()}`);
}

/**
 * Signs in the way staff do: "Log ind med Aarhus Kommune" on the sign-in page, then the provider's
 * own form (its login field is the account's subject; any password). Leaves the browser wherever
 * the app sends it afterwards.
 */
export async function signInWithProvider(page: Page, sub: string): Promise<void> {
  const onLoginPage = page.url().startsWith('http') && new URL(page.url()).pathname === '/login';
  if (!onLoginPage) await page.goto('/login');
  await page.getByRole('link', { name: `Log ind med ${OIDC_CLIENT.label}` }).click();
  await expect(page).toHaveURL((url) => url.href.startsWith(oidcIssuer()));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('any password will do');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).not.toHaveURL((url) => url.href.startsWith(oidcIssuer()));
}
