import type { Browser, Page } from '@playwright/test';
import type { Department, IdentityRoleMapping, IdentityRoleMappingInput } from '@fremdrift/contracts';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test } from './support/fixtures';
import { OIDC_CLIENT, oidcIssuer, setProviderAccount, signInWithProvider } from './support/single-sign-on';

/*
 * Signing in through the municipality's identity provider: a real OpenID provider (oidc-provider)
 * started by the global setup, its own login form in Chromium, the app's callback, and the role
 * from the admins' mappings, refreshed at every sign-in. Names carry a stamp of their own, so that
 * the file can run against the same app twice.
 */
const stamp = Date.now().toString(36).slice(-6);
const GROUPS = { management: `SG-Fremdrift-Ledelse-${stamp}`, leadMso: `SG-Fremdrift-MSO-${stamp}` };

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const noAccess = (page: Page) => page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' });

async function api(page: Page, method: 'GET' | 'POST' | 'DELETE', url: string, body?: object, ifMatch?: string) {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const headers: Record<string, string> = { 'X-XSRF-TOKEN': decodeURIComponent(xsrf), ...(ifMatch ? { 'If-Match': ifMatch } : {}) };
  const response = await page.request.fetch(url, { method, data: body, headers });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

/** An admin maps the groups to roles (through the API; identity-mappings.e2e.ts does it in the page). */
async function withMappings<T>(browser: Browser, baseURL: string | undefined, run: () => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const admin = await context.newPage();
  await signIn(admin, DEMO_USERS.admin);
  const departments = (await (await api(admin, 'GET', '/api/departments?pageSize=100')).json()) as { items: Department[] };
  const mso = departments.items.find((d) => d.code === 'MSO');
  if (!mso) throw new Error('The demo data has no MSO department');
  const inputs: IdentityRoleMappingInput[] = [
    { claimValue: GROUPS.management, unitConstraint: null, role: 'management', departmentId: null, description: 'e2e: ledelsen' },
    { claimValue: GROUPS.leadMso, unitConstraint: null, role: 'department_lead', departmentId: mso.id, description: 'e2e: afdelingsledere i MSO' },
  ];
  const created: IdentityRoleMapping[] = [];
  for (const input of inputs) created.push((await (await api(admin, 'POST', '/api/identity-role-mappings', input)).json()) as IdentityRoleMapping);
  try {
    return await run();
  } finally {
    for (const mapping of created) await api(admin, 'DELETE', `/api/identity-role-mappings/${mapping.id}`, undefined, `"${mapping.version}"`);
    await context.close();
  }
}

test.describe('Signing in with the municipality’s identity provider', () => {
  test('a new user gets the role their group maps to, and a changed group changes it at the next sign-in', async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const sub = `mona-${stamp}`;
    await setProviderAccount(sub, { email: `mona.${stamp}@aarhus.dk`, name: `Mona Mørk ${stamp}`, groups: ['SG-Alle-Ansatte', GROUPS.management] });

    await withMappings(browser, baseURL, async () => {
      // First sign-in: the user is created as management and starts on the dashboard.
      await page.goto('/login');
      await expect(page.getByRole('link', { name: 'Log ind med Aarhus Kommune' })).toBeVisible();
      await signInWithProvider(page, sub);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('banner')).toContainText(`Mona Mørk ${stamp}`);
      await expect(page.getByRole('banner')).toContainText('Ledelse');
      await expect(mainMenu(page).getByRole('link', { name: 'Godkendelser' })).toBeVisible();
      await expect(mainMenu(page).getByRole('link', { name: 'Brugere' })).toHaveCount(0);
      // What management may not do: the user administration, by address too, and by the API.
      await page.goto('/brugere');
      await expect(noAccess(page)).toBeVisible();
      const users = await page.request.get('/api/users');
      expect(users.status()).toBe(403);

      // Their group changes at the provider: from the next sign-in on they lead MSO instead.
      await setProviderAccount(sub, { groups: ['SG-Alle-Ansatte', GROUPS.leadMso] });
      await page.getByRole('button', { name: 'Log ud' }).click();
      // Signing out ends the provider's session too, which then sends the browser back to the sign-in page.
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
      await page.goto('/dashboard');
      await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);

      // The provider asks for the login again (its session ended), and the user now leads MSO.
      await page.goto('/login');
      await page.getByRole('link', { name: 'Log ind med Aarhus Kommune' }).click();
      await expect(page.locator('input[name="login"]')).toBeVisible();
      await signInWithProvider(page, sub);
      await expect(page).toHaveURL(/\/mine$/);
      await expect(page.getByRole('banner')).toContainText('Afdelingsleder');
      await expect(mainMenu(page).getByRole('link', { name: 'Mine initiativer' })).toBeVisible();
      await expect(mainMenu(page).getByRole('link', { name: 'Godkendelser' })).toHaveCount(0);
      await page.goto('/dashboard');
      await expect(noAccess(page)).toBeVisible();
      const me = (await (await page.request.get('/api/auth/me')).json()) as { role: string; departments: { code: string }[] };
      expect(me).toMatchObject({ role: 'department_lead', departments: [{ code: 'MSO' }] });
    });
  });

  test('a user whose groups map to no role is refused, and told whom to contact', async ({ page }) => {
    const sub = `uffe-${stamp}`;
    await setProviderAccount(sub, { email: `uffe.${stamp}@aarhus.dk`, name: 'Uffe Uden Rolle', groups: ['SG-Alle-Ansatte'] });

    await page.goto('/initiativer');
    await signInWithProvider(page, sub);

    await expect(page).toHaveURL(/\/ingen-adgang\?reason=noMappedRole$/);
    await expect(page).toHaveTitle('Ingen adgang – Fremdrift');
    await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til Fremdrift' })).toBeVisible();
    await expect(page.getByText('Kontakt om adgang:')).toBeVisible();
    await expect(page.getByRole('link', { name: OIDC_CLIENT.accessContact })).toHaveAttribute('href', `mailto:${OIDC_CLIENT.accessContact}`);
    await expect(page.getByRole('button', { name: 'Log ud' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Prøv at logge ind igen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  });

  test('an anonymous visitor calls nothing that answers 401, and neither does the page after signing out', async ({ page }) => {
    const unauthorized: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) unauthorized.push(response.url());
    });

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/login');
    await expect(page.getByRole('link', { name: 'Log ind med Aarhus Kommune' })).toBeVisible();
    await page.goto('/ingen-adgang?reason=failed');
    await expect(page.getByRole('heading', { level: 1, name: 'Du blev ikke logget ind' })).toBeVisible();

    await signIn(page, DEMO_USERS.viewer);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    expect(unauthorized).toEqual([]);
    // The provider the app signs in with is the one the global setup started.
    const options = (await (await page.request.get('/api/auth/sign-in-options')).json()) as { singleSignOn: { label: string } | null };
    expect(options.singleSignOn?.label).toBe(OIDC_CLIENT.label);
    expect(oidcIssuer()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
