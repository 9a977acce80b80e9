import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test } from './support/fixtures';

/*
 * A whole plan through the UI alone: an admin creates a plan with three goals and five initiatives
 * led by three departments, and the plan page lists them under their goals; the MSO lead then adds
 * a sixth for MSO, and can lead with no other department. An admin deletes the six and archives the
 * plan afterwards, so that the other files find the demo data as it was.
 */
const STAMP = Date.now();
const PLAN_TITLE = `E2E hel handleplan ${STAMP}`;
const GOALS = ['Bolig', 'Sprog', 'Arbejde'] as const;
const MSO = 'Sundhed og Omsorg (MSO)';
const MBU = 'Børn og Unge (MBU)';
const MKB = 'Kultur og Borgerservice (MKB)';

const INITIATIVES: { title: string; department: string; goal: (typeof GOALS)[number] }[] = [
  { title: `Boligvejledning (e2e ${STAMP})`, department: MSO, goal: 'Bolig' },
  { title: `Sprogcafé for forældre (e2e ${STAMP})`, department: MBU, goal: 'Sprog' },
  { title: `Lektiehjælp på biblioteket (e2e ${STAMP})`, department: MKB, goal: 'Sprog' },
  { title: `Praktik i ældreplejen (e2e ${STAMP})`, department: MSO, goal: 'Arbejde' },
  { title: `Kulturguider (e2e ${STAMP})`, department: MKB, goal: 'Arbejde' },
];
const LEAD_TITLE = `Sundhedsguider i boligområdet (e2e ${STAMP})`;

/** Fills in and sends the create form; returns the new initiative's id. */
async function createInitiative(page: Page, title: string, goal: string, department?: string): Promise<string> {
  await page.goto('/initiativer/ny');
  await expect(page.getByRole('heading', { level: 1, name: 'Opret initiativ' })).toBeVisible();
  await page.getByLabel('Titel', { exact: true }).fill(title);
  await page.getByLabel('Handleplan', { exact: true }).selectOption({ label: PLAN_TITLE });
  await page.getByLabel('Mål', { exact: true }).selectOption({ label: goal });
  if (department) await page.getByLabel('Ansvarlig afdeling', { exact: true }).selectOption({ label: department });
  await page.getByLabel('Ansvarlig', { exact: true }).fill('Mette Holm');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'I gang' });
  await page.getByLabel('Resumé', { exact: true }).fill('Lavet af browsertesten for en hel handleplan.');
  await page.getByRole('button', { name: 'Opret initiativ' }).click();
  await expect(page).toHaveURL(/\/initiativer\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** As an admin, through the API: deletes the initiatives and archives the plan. */
async function cleanUp(browser: Browser, baseURL: string | undefined, initiativeIds: string[], planId: string | null): Promise<void> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  try {
    await signIn(page, DEMO_USERS.admin);
    const remaining = await page.evaluate(async (ids) => {
      const token = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((cookie) => cookie.startsWith('XSRF-TOKEN='))
          ?.slice('XSRF-TOKEN='.length) ?? '',
      );
      for (const id of ids) {
        const current = await fetch(`/api/initiatives/${id}`);
        if (!current.ok) continue;
        await fetch(`/api/initiatives/${id}`, { method: 'DELETE', headers: { 'If-Match': current.headers.get('ETag') ?? '', 'X-XSRF-TOKEN': token } });
      }
      const left: string[] = [];
      for (const id of ids) if ((await fetch(`/api/initiatives/${id}`)).ok) left.push(id);
      return left;
    }, initiativeIds);
    expect(remaining, 'initiatives left after clean-up').toEqual([]);
    if (planId) {
      await page.goto(`/handleplaner/${planId}`);
      await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
      await page.getByRole('button', { name: 'Arkivér handleplan' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Handleplanen er arkiveret.' })).toBeVisible();
    }
  } finally {
    await context.close();
  }
}

test.describe('A whole action plan', () => {
  test('an admin builds a plan with five initiatives over three departments, and the MSO lead adds a sixth for MSO only', async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const createdIds: string[] = [];
    let planId: string | null = null;
    const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    try {
      // The admin creates the plan with three goals.
      await signIn(page, DEMO_USERS.admin);
      await page.goto('/handleplaner/ny');
      await expect(page.getByRole('heading', { level: 1, name: 'Ny handleplan' })).toBeVisible();
      await page.getByLabel('Titel', { exact: true }).fill(PLAN_TITLE);
      await page.getByLabel('Beskrivelse', { exact: true }).fill('Lavet af browsertesten for en hel handleplan.');
      for (const [index, goal] of GOALS.entries()) {
        await page.getByRole('button', { name: 'Tilføj mål' }).click();
        await page.getByLabel(`Titel på mål ${index + 1}`).fill(goal);
      }
      await page.getByRole('button', { name: 'Opret handleplan' }).click();
      await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
      await expect(page).toHaveURL(/\/handleplaner\/[0-9a-f-]{36}$/);
      planId = new URL(page.url()).pathname.split('/').pop() ?? null;
      await expect(page.locator('.goal-section h3')).toHaveText([...GOALS]);

      // Five initiatives, led by three departments, each under a goal.
      for (const initiative of INITIATIVES) {
        createdIds.push(await createInitiative(page, initiative.title, initiative.goal, initiative.department));
        await expect(page.getByText(initiative.department).first()).toBeVisible();
      }

      // The plan page lists the five under their goals.
      await page.goto(`/handleplaner/${planId}`);
      await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
      for (const goal of GOALS) {
        const section = page.locator('.goal-section').filter({ has: page.getByRole('heading', { level: 3, name: goal, exact: true }) });
        const expected = INITIATIVES.filter((initiative) => initiative.goal === goal).map((initiative) => initiative.title);
        // The page orders them by title; the test only asks that each sits under its own goal.
        await expect(section.locator('.goal-section__initiatives li a')).toHaveCount(expected.length);
        for (const title of expected) await expect(section.getByRole('link', { name: title, exact: true })).toBeVisible();
      }

      // The MSO lead adds a sixth; MSO is the only department they can lead with.
      await context.clearCookies();
      await signIn(page, DEMO_USERS.leadMso);
      await page.goto('/initiativer/ny');
      await expect(page.getByRole('heading', { level: 1, name: 'Opret initiativ' })).toBeVisible();
      const lead = page.getByLabel('Ansvarlig afdeling', { exact: true });
      await expect(lead.locator('option')).toHaveText(['Vælg afdeling', MSO]);
      await expect(lead.locator('option:checked')).toHaveText(MSO);
      await expect(lead.locator('option', { hasText: MBU })).toHaveCount(0);
      await expect(lead.locator('option', { hasText: MKB })).toHaveCount(0);
      createdIds.push(await createInitiative(page, LEAD_TITLE, 'Bolig'));
      await expect(page.getByText(MSO).first()).toBeVisible();
    } finally {
      await context.close();
      await cleanUp(browser, baseURL, createdIds, planId);
    }
  });
});
