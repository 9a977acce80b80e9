import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * A department lead reports on their initiatives (issue #4): "Mine initiativer", the initiative
 * page (milestones, status updates, edits, history) and management's approval of the public texts
 * of the lead's status updates. As Mette Holm, lead of Sundhed og Omsorg (MSO).
 * The tests share one database and run in order; each changes an initiative of its own. Files run
 * in alphabetical order (one worker): this file's name keeps its changes after the other files.
 */
const MSO_LED = 'Psykosocial støtte og traumebehandling';
const MSO_LED_FOR_CONFLICT = 'Besøgsvenner på plejecentre';
const MSO_LED_FOR_AXE = 'Sundhedstjek ved ankomst';
/** Led by Børn og Unge (MBU); MSO takes part. */
const MBU_LED = 'Brobyggere i daginstitutioner';
/** Neither led nor joined by MSO. */
const NOT_MSO = 'Sprogpraktik i virksomheder';

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const todayInDanish = () =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());

async function openInitiative(page: Page, title: string): Promise<void> {
  await page.goto('/mine');
  await card(page, title).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function leadInNewBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.leadMso);
  return page;
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('A department lead reports on their initiatives', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
  });

  test('“Mine initiativer” is the lead’s start page and lists MSO’s initiatives, missing reports first', async ({ page }) => {
    await expect(page).toHaveURL(/\/mine$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mine initiativer' })).toBeVisible();
    await expect(mainMenu(page).getByRole('link', { name: 'Mine initiativer' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('status')).toHaveText(/Du har \d+ initiativer\./);

    await expect(card(page, MSO_LED)).toContainText('Ansvarlig');
    await expect(card(page, MSO_LED)).toContainText(/På sporet|I risiko|Bagud/);
    await expect(card(page, MSO_LED).getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
    await expect(card(page, MBU_LED)).toContainText('Deltager');
    await expect(card(page, MBU_LED)).toContainText('ansvarlig er Børn og Unge');
    await expect(card(page, NOT_MSO)).toHaveCount(0);

    // Reporting in words, overdue before due before the rest.
    const reports = await page.locator('.mine__reporting').allTextContents();
    expect(reports.length).toBeGreaterThan(2);
    const rank = (text: string) => (/forsinket/.test(text) ? 0 : /mangler/.test(text) ? 1 : 2);
    const ranks = reports.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const text of reports) {
      expect(text.trim()).toMatch(
        /^(!\s*)?(Statusopdatering mangler – [\d.]+ dage? forsinket|Statusopdatering for .+ mangler – frist .+|Statusopdatering sendt for .+|Ingen statusopdatering påkrævet)$/,
      );
    }
  });

  test('marks a milestone done, keeps a draft across a reload, requires a reason when health drops, and shows it all in the history', async ({ page }) => {
    test.setTimeout(90_000);
    await openInitiative(page, MSO_LED);

    // One click marks a milestone as reached today.
    const milestone = page.getByRole('checkbox', { name: 'Aftale om behandlingsforløb med regionen' });
    await expect(milestone).not.toBeChecked();
    await milestone.check();
    await expect(page.getByRole('status').filter({ hasText: 'er markeret som nået' })).toBeVisible();
    await expect(milestone).toBeChecked();
    await expect(page.getByRole('listitem').filter({ has: milestone })).toContainText(`Nået ${todayInDanish()}`);

    // A first update that brings the health up (no reason needed) …
    const form = section(page, 'Ny statusopdatering');
    await form.getByRole('radio', { name: 'På sporet' }).check();
    await form.getByLabel('Hvordan går det?').fill('Aftalen med regionen er på plads, og ventelisten er ved at blive afviklet.');
    await form.getByRole('button', { name: 'Send statusopdatering' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Statusopdateringen er sendt' })).toBeVisible();
    await expect(page.locator('.initiative-head')).toContainText('På sporet');

    // … then one that drops it: typed text survives a reload as a draft.
    await form.getByRole('radio', { name: 'Bagud' }).check();
    await expect(form.getByText('Vurderingen falder fra På sporet til Bagud.')).toBeVisible();
    await form.getByLabel('Hvordan går det?').fill('Regionen har opsagt aftalen om behandlingsforløb.');
    await page.reload();
    await expect(page.getByText('Din kladde er hentet frem igen.')).toBeVisible();
    await expect(form.getByLabel('Hvordan går det?')).toHaveValue('Regionen har opsagt aftalen om behandlingsforløb.');
    await expect(form.getByRole('radio', { name: 'Bagud' })).toBeChecked();

    // The cause and the reason are required before anything is sent.
    await form.getByRole('button', { name: 'Send statusopdatering' }).click();
    await expect(form.getByText('Vælg årsagen til, at vurderingen falder.')).toBeVisible();
    await expect(form.getByText('Forklar, hvorfor vurderingen falder.')).toBeVisible();
    await expect(form.getByLabel('Årsag til forsinkelsen')).toBeFocused();
    await expect(form.getByLabel('Årsag til forsinkelsen')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Årsag til forsinkelsen').selectOption({ index: 1 });
    await form.getByLabel('Forklaring', { exact: true }).fill('For kort');
    await form.getByRole('button', { name: 'Send statusopdatering' }).click();
    await expect(form.getByText('Forklaringen skal være på mindst 10 tegn.')).toBeVisible();
    await form.getByLabel('Forklaring', { exact: true }).fill('Regionen har ikke budget til forløbene i år; vi søger puljemidler.');
    await form.getByRole('button', { name: 'Send statusopdatering' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Statusopdateringen er sendt' })).toBeVisible();
    await expect(page.locator('.initiative-head')).toContainText('Bagud');
    await expect(form.getByLabel('Hvordan går det?')).toHaveValue('');

    // Sent, the draft is gone.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: MSO_LED })).toBeVisible();
    await expect(page.getByText('Din kladde er hentet frem igen.')).toHaveCount(0);

    // The history, newest first, in Danish: the status update, the health and the milestone.
    const history = section(page, 'Historik');
    await expect(history).toContainText(/Statusopdatering »[^«]+«: Oprettet/);
    await expect(history).toContainText('Vurdering ændret fra På sporet til Bagud');
    await expect(history).toContainText('Milepæl »Aftale om behandlingsforløb med regionen«: Ændret');
    await expect(history).toContainText(`Nået den ændret fra tom til ${todayInDanish()}`);
    const earlier = section(page, 'Tidligere statusopdateringer');
    await expect(earlier).toContainText('Regionen har ikke budget til forløbene i år');
  });

  test('a conflicting edit from another browser is shown, and the lead keeps what they typed', async ({ page, browser, baseURL }) => {
    test.setTimeout(60_000);
    await openInitiative(page, MSO_LED_FOR_CONFLICT);
    await page.getByRole('button', { name: 'Redigér Resumé' }).click();
    const summary = page.getByLabel('Resumé', { exact: true });
    await expect(summary).toBeFocused();
    const mine = 'Frivillige besøgsvenner på alle plejecentre – skrevet, mens en anden ændrede titlen.';
    await summary.fill(mine);

    // Meanwhile, someone else changes the title.
    const other = await leadInNewBrowser(browser, baseURL);
    await openInitiative(other, MSO_LED_FOR_CONFLICT);
    await other.getByRole('button', { name: 'Redigér Titel' }).click();
    await other.getByLabel('Titel', { exact: true }).fill('Besøgsvenner på alle plejecentre');
    await other.getByRole('button', { name: 'Gem Titel' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Besøgsvenner på alle plejecentre' })).toBeVisible();
    await other.context().close();

    await page.getByRole('button', { name: 'Gem Resumé' }).click();
    const dialog = page.getByRole('dialog', { name: 'En anden har ændret det samme imens' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Titel/ })).toContainText(MSO_LED_FOR_CONFLICT);
    await expect(dialog.getByRole('row', { name: /Titel/ })).toContainText('Besøgsvenner på alle plejecentre');
    await expect(summary).toHaveValue(mine);
    expect(await wcagViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Brug mine ændringer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Resumé er gemt.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Besøgsvenner på alle plejecentre' })).toBeVisible();
    await expect(section(page, 'Oversigt')).toContainText(mine);
  });

  test('the lead cannot edit an initiative led by Børn og Unge, and the API refuses it too', async ({ page, context }) => {
    await openInitiative(page, MBU_LED);
    await expect(page.getByText('Din afdeling deltager i initiativet')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Redigér/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Tilføj milepæl|Tilknyt partner|Gem afdelinger|^Slet/ })).toHaveCount(0);
    // A participating department still reports: milestones and status updates.
    await expect(section(page, 'Ny statusopdatering')).toBeVisible();

    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const read = await page.request.get(`/api/initiatives/${id}`);
    const etag = read.headers()['etag'];
    expect(etag).toMatch(/^"\d+"$/);
    const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    const forced = await page.request.patch(`/api/initiatives/${id}`, {
      data: { title: 'Overtaget af MSO' },
      headers: { 'If-Match': etag, 'X-XSRF-TOKEN': xsrf },
    });
    expect(forced.status()).toBe(403);
  });

  test('the language switch shows English and survives a reload', async ({ page }) => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My initiatives' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Initiatives', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('My initiatives – Fremdrift');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'My initiatives' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.mine__reporting').first()).toHaveText(/Status update|No status update required/);

    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mine initiativer' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  });
});

test.describe('Accessibility of “Mine initiativer” and the initiative page (axe-core, WCAG 2.1 A/AA)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.leadMso);
  });

  for (const width of [1280, 360]) {
    test(`“Mine initiativer”, the initiative page and the status update form with errors, at ${width} px`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/mine');
      await expect(page.locator('.mine__card').first()).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);

      await openInitiative(page, MSO_LED_FOR_AXE);
      await expect(section(page, 'Historik').locator('.history__event').first()).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);

      const form = section(page, 'Ny statusopdatering');
      await form.getByRole('radio', { name: 'Bagud' }).check();
      await form.getByRole('button', { name: 'Send statusopdatering' }).click();
      await expect(form.getByText('Skriv, hvordan det går.')).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('The approval queue', () => {
  test('management approves a lead’s public text or returns it with a comment', async ({ page, browser, baseURL }) => {
    test.setTimeout(60_000);
    // A lead writes two public texts.
    const lead = await leadInNewBrowser(browser, baseURL);
    await openInitiative(lead, MSO_LED_FOR_AXE);
    const form = section(lead, 'Ny statusopdatering');
    for (const text of ['Alle nyankomne får nu et sundhedstjek med tolk.', 'Sundhedstjekket er nu en fast del af modtagelsen.']) {
      await form.getByLabel('Hvordan går det?').fill('Status til godkendelse.');
      await form.getByLabel('Tekst til borgerne').fill(text);
      await form.getByRole('button', { name: 'Send statusopdatering' }).click();
      await expect(lead.getByRole('status').filter({ hasText: 'venter på ledelsens godkendelse' })).toBeVisible();
      // Sent, the form starts over.
      await expect(form.getByLabel('Tekst til borgerne')).toHaveValue('');
    }
    await lead.context().close();

    await signIn(page, DEMO_USERS.management);
    await mainMenu(page).getByRole('link', { name: 'Godkendelser' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Godkendelser' })).toBeVisible();
    const first = page.getByRole('listitem').filter({ hasText: 'Alle nyankomne får nu et sundhedstjek med tolk.' });
    const second = page.getByRole('listitem').filter({ hasText: 'Sundhedstjekket er nu en fast del af modtagelsen.' });
    await expect(first).toBeVisible();
    await expect(second).toBeVisible();
    expect(await wcagViolations(page)).toEqual([]);

    await first.getByRole('button', { name: /^Godkend teksten/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'er godkendt' })).toBeVisible();
    await expect(first).toHaveCount(0);

    await second.getByRole('button', { name: /^Send retur: teksten/ }).click();
    await second.getByRole('button', { name: 'Send retur med kommentar' }).click();
    await expect(second.getByText('Skriv, hvad afdelingslederen skal rette.')).toBeVisible();
    await second.getByLabel('Kommentar til afdelingslederen').fill('Skriv hvor mange der har fået tjekket.');
    await second.getByRole('button', { name: 'Send retur med kommentar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'er sendt retur' })).toBeVisible();
  });
});
