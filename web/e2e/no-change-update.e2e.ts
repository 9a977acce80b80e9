import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * "Ingen ændringer siden sidst": a department lead records this period's status update as a copy of
 * the latest one, from Mine initiativer in one click, or from the reminder's link, which opens the
 * status update form filled in and sends nothing by itself. As Mette Holm, lead of Sundhed og Omsorg.
 */

interface Target {
  id: string;
  title: string;
  latest: { narrative: string; nextSteps: string; health: string };
}

/** Titles other browser tests rely on: this file leaves those initiatives as they are. */
function titlesUsedElsewhere(): string {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith('.e2e.ts') && file !== 'no-change-update.e2e.ts')
    .map((file) => readFileSync(`${__dirname}/${file}`, 'utf8'))
    .join('\n');
}

type Summary = { id: string; title: string; health: string; reporting: { state: string; period: string; periodStart: string } };

/** The reporting period before the one starting on `periodStart`: the month or the quarter before. */
function previousPeriod(period: string, periodStart: string): { start: string; end: string } {
  const end = new Date(Date.parse(`${periodStart}T00:00:00Z`) - 86_400_000);
  const months = period === 'quarterly' ? 3 : 1;
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months + 1, 1));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/**
 * One of the lead's initiatives due (or overdue) this period whose latest update has the health the
 * initiative has now: one where "no changes since last time" is true. Asked of the API rather than
 * named, as the demo data's dates move with the calendar; where the demo data has none that other
 * browser tests leave alone, the lead makes one.
 */
async function findTarget(page: Page): Promise<Target> {
  const used = titlesUsedElsewhere();
  const mine = await page.request.get('/api/initiatives?mine=true&page=1&pageSize=100');
  expect(mine.status()).toBe(200);
  const candidates = ((await mine.json()).items as Summary[]).filter(
    (initiative) => (initiative.reporting.state === 'due' || initiative.reporting.state === 'overdue') && !used.includes(initiative.title),
  );
  for (const initiative of candidates) {
    const updates = await (await page.request.get(`/api/initiatives/${initiative.id}/status-updates?page=1&pageSize=1`)).json();
    const latest = updates.items[0];
    if (latest && latest.health === initiative.health) return { id: initiative.id, title: initiative.title, latest };
  }
  return prepareTarget(page);
}

/** An initiative of MSO's of its own, in progress, whose previous period the lead reports in full. */
async function prepareTarget(page: Page): Promise<Target> {
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': xsrf };
  const departments = (await (await page.request.get('/api/departments?page=1&pageSize=100')).json()).items as { id: string; code: string }[];
  const plans = (await (await page.request.get('/api/action-plans?page=1&pageSize=100')).json()).items as { id: string; archived: boolean }[];
  const mso = departments.find((department) => department.code === 'MSO');
  const plan = plans.find((candidate) => !candidate.archived);
  if (!mso || !plan) throw new Error('The demo data has no department MSO or no open action plan');
  const created = await page.request.post('/api/initiatives', {
    data: { actionPlanId: plan.id, leadDepartmentId: mso.id, title: 'Sundhedscaféer i boligområderne', status: 'in_progress', startDate: '2025-01-01' },
    headers,
  });
  expect(created.status()).toBe(201);
  const initiative = (await created.json()) as Summary;
  const period = previousPeriod(initiative.reporting.period, initiative.reporting.periodStart);
  const update = await page.request.post(`/api/initiatives/${initiative.id}/status-updates`, {
    data: {
      periodStart: period.start,
      periodEnd: period.end,
      health: initiative.health,
      narrative: 'Caféerne er åbne to gange om ugen, og beboerne kommer igen.',
      nextSteps: 'Evaluere caféerne med beboerne.',
    },
    headers,
  });
  expect(update.status()).toBe(201);
  return { id: initiative.id, title: initiative.title, latest: await update.json() };
}

const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('“Ingen ændringer siden sidst”', () => {
  test.describe.configure({ mode: 'serial' });
  let target: Target;

  test.beforeAll(async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.leadMso);
    target = await findTarget(page);
    await context.close();
  });

  test('the reminder’s link opens the status update form after sign-in, filled in from the latest update, and sends nothing', async ({ page }) => {
    const link = `/initiativer/${target.id}?opdatering=ingen-aendringer#ny-statusopdatering`;
    await page.goto(link);
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await signIn(page, DEMO_USERS.leadMso);

    // The sign-in keeps the query and the fragment.
    await expect(page).toHaveURL(new RegExp(`/initiativer/${target.id}\\?opdatering=ingen-aendringer#ny-statusopdatering$`));
    const form = page.getByRole('region', { name: 'Ny statusopdatering', exact: true });
    const notice = form.getByText('Udfyldt med sidste opdatering – ret det, der har ændret sig, og send.');
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    await expect(notice).toBeInViewport();
    await expect(form.getByLabel('Hvordan går det?')).toHaveValue(target.latest.narrative);
    await expect(form.getByLabel('Næste skridt')).toHaveValue(target.latest.nextSteps);
    await expect(form.locator(`input[type="radio"][value="${target.latest.health}"]`)).toBeChecked();
    await page.screenshot({ path: test.info().outputPath('no-change-prefilled-form.png') });

    // Nothing was sent: this period is still to be reported.
    const initiative = await (await page.request.get(`/api/initiatives/${target.id}`)).json();
    expect(['due', 'overdue']).toContain(initiative.reporting.state);
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('a lead records it from Mine initiativer with a note, and the card shows the period reported', async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/mine');
    const item = card(page, target.title);
    await expect(item.locator('.mine__reporting')).toHaveText(/mangler/);

    await item.getByRole('button', { name: `Tilføj en kort bemærkning: ${target.title}` }).click();
    const note = item.getByLabel('Kort bemærkning (valgfri)');
    await expect(note).toBeFocused();
    await note.fill('Afventer svar fra regionen.');
    expect(await wcagViolations(page)).toEqual([]);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('no-change-mine-1280.png') });

    await item.getByRole('button', { name: `Ingen ændringer siden sidst: ${target.title}` }).click();

    const confirmation = item.getByRole('status');
    await expect(confirmation).toHaveText(/Rapporteret: ingen ændringer siden sidst for /);
    await expect(confirmation).toBeFocused();
    await expect(item.locator('.mine__reporting')).toHaveText(/Statusopdatering sendt for /);
    await expect(item.getByRole('button', { name: /Ingen ændringer siden sidst/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('no-change-mine-recorded.png') });
    expect(await wcagViolations(page)).toEqual([]);

    const updates = await (await page.request.get(`/api/initiatives/${target.id}/status-updates?page=1&pageSize=1`)).json();
    expect(updates.items[0]).toMatchObject({
      noChange: true,
      health: target.latest.health,
      narrative: target.latest.narrative,
      internalText: 'Afventer svar fra regionen.',
    });

    // After a reload the list says the same, from the server.
    await page.reload();
    await expect(card(page, target.title).locator('.mine__reporting')).toHaveText(/Statusopdatering sendt for /);
  });

  test('Mine initiativer with the button and its note works at 360 px and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, DEMO_USERS.leadMso);
    await page.goto('/mine');
    const button = page.getByRole('button', { name: /^Ingen ændringer siden sidst/ }).first();
    await expect(button).toBeVisible();
    const toggle = page.getByRole('button', { name: /^Tilføj en kort bemærkning/ }).first();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
    await button.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('no-change-mine-360.png') });
  });
});
