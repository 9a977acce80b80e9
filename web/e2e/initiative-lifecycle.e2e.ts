import type { Page } from '@playwright/test';
import { DEMO_USERS, signIn } from './support/auth';
import { expect, test, wcagViolations } from './support/fixtures';

/*
 * An initiative's lifecycle on its page: cancelling asks for the reason, completing with open
 * milestones asks what to do with them; the page's in-page navigation, and the confirmation of a
 * status update where the user is. As the admin, on demo initiatives no other browser test uses.
 */
const TO_CANCEL = 'Lektiecafeer i samarbejde med frivillige';
const TO_COMPLETE = 'Frivilliglaug i byens parker og naturområder';
const TO_REPORT_ON = 'Fritidsguider til foreningsliv og idræt';
const FOR_AXE = 'Boligsocial indsats ved boligplacering';
const REASON = 'Lektiecafeerne er lagt sammen med bibliotekernes lektiehjælp fra næste skoleår.';

async function openInitiative(page: Page, title: string): Promise<void> {
  const found = await page.request.get(`/api/initiatives?q=${encodeURIComponent(title)}`);
  const [initiative] = (await found.json()).items as { id: string; title: string }[];
  expect(initiative?.title).toBe(title);
  await page.goto(`/initiativer/${initiative.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const head = (page: Page) => page.locator('.initiative-head');
const statusDialog = (page: Page) => page.getByRole('dialog', { name: 'Skift status' });

/** Whether the element is within the window, wholly or partly. */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });

test.describe('The lifecycle of an initiative, and finding one’s way on its page', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_USERS.admin);
  });

  test('cancelling asks for a reason, which the page then shows', async ({ page }) => {
    await openInitiative(page, TO_CANCEL);
    await head(page).getByRole('button', { name: 'Skift status' }).click();
    const dialog = statusDialog(page);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: 'Annulleret' }).check();

    const reason = dialog.getByLabel('Begrundelse for annulleringen');
    await expect(dialog.getByText('mindst 10 tegn')).toBeVisible();
    await dialog.getByRole('button', { name: 'Gem status' }).click();
    await expect(dialog.getByText('Skriv en begrundelse for annulleringen.')).toBeVisible();
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');

    await reason.fill(REASON);
    await expect(dialog.getByText(`${REASON.length}/2.000 tegn`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Gem status' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Status er ændret til Annulleret.' })).toBeVisible();
    await expect(head(page)).toContainText(`Annulleret: ${REASON}`);
    await expect(head(page).getByRole('button', { name: 'Skift status' })).toBeFocused();

    // It stays after a reload, and the history says what changed.
    await page.reload();
    await expect(head(page)).toContainText(`Annulleret: ${REASON}`);
    await expect(page.getByRole('region', { name: 'Historik', exact: true })).toContainText('Begrundelse for annullering');
    await page.screenshot({ path: 'tmp/e2e-results/lifecycle-cancelled.png', fullPage: false });
  });

  test('completing with open milestones asks what to do with them; marking them done brings progress to 100 %', async ({ page }) => {
    await openInitiative(page, TO_COMPLETE);
    const progress = head(page).getByRole('progressbar');
    await expect(progress).not.toHaveAttribute('aria-valuenow', '100');
    const openBoxes = page.getByRole('region', { name: 'Milepæle', exact: true }).getByRole('checkbox', { checked: false });
    await expect(openBoxes.first()).toBeVisible();
    const open = await openBoxes.count();
    expect(open).toBeGreaterThan(1);

    await head(page).getByRole('button', { name: 'Skift status' }).click();
    const dialog = statusDialog(page);
    await dialog.getByRole('radio', { name: 'Afsluttet' }).check();
    const question = dialog.getByRole('group', { name: `${open} milepæle er ikke afsluttet. Hvad skal der ske med dem?` });
    await expect(question).toBeVisible();
    await question.getByRole('radio', { name: 'Markér dem som afsluttet i dag' }).check();
    await dialog.getByRole('button', { name: 'Gem status' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'milepælene er markeret som afsluttet i dag' })).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(head(page)).toContainText('Afsluttet');
    await expect(page.getByRole('region', { name: 'Milepæle', exact: true }).getByRole('checkbox', { checked: false })).toHaveCount(0);
  });

  test('the in-page navigation brings the user to a section’s heading, and the sent status update is confirmed where the user is', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openInitiative(page, TO_REPORT_ON);
    const nav = page.getByRole('navigation', { name: 'På denne side' });
    await expect(nav.getByRole('link')).toHaveText([
      'Oversigt',
      'Milepæle',
      'Ny statusopdatering',
      'Tidligere statusopdateringer',
      'Påmindelser',
      'Samskabelsespartnere',
      'Deltagende afdelinger',
      'Historik',
    ]);

    await nav.getByRole('link', { name: 'Milepæle' }).click();
    const milestonesHeading = page.getByRole('heading', { level: 2, name: 'Milepæle' });
    await expect(milestonesHeading).toBeFocused();
    await expect(milestonesHeading).toBeInViewport();
    await expect(nav.getByRole('link', { name: 'Milepæle' })).toHaveAttribute('aria-current', 'true');
    // Sticky beside the page on a wide screen: still there after scrolling.
    await expect(nav).toBeInViewport();
    await page.screenshot({ path: 'tmp/e2e-results/lifecycle-nav-1280.png' });

    // Tabbing goes on from the section.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('milepaele');

    const form = page.getByRole('region', { name: 'Ny statusopdatering', exact: true });
    await form.getByLabel('Hvordan går det?').fill('Fritidsguiderne har fået 12 nye børn i foreninger denne måned.');
    await form.getByRole('button', { name: 'Send statusopdatering' }).click();
    const confirmation = form.getByRole('status').filter({ hasText: 'Statusopdateringen er sendt' });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toBeInViewport();
    expect(await inViewport(page, '.status-form__sent')).toBe(true);
    await expect(page.getByRole('region', { name: 'Tidligere statusopdateringer', exact: true })).toContainText(
      'Fritidsguiderne har fået 12 nye børn i foreninger denne måned.',
    );
    await page.screenshot({ path: 'tmp/e2e-results/lifecycle-sent.png' });
  });

  test('on a phone the in-page navigation is a compact list above the sections, and nothing overflows', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openInitiative(page, TO_REPORT_ON);
    const nav = page.getByRole('navigation', { name: 'På denne side' });
    await nav.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tmp/e2e-results/lifecycle-nav-360-top.png' });
    const box = await nav.boundingBox();
    expect(box?.height).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await nav.getByRole('link', { name: 'Historik' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Historik' })).toBeFocused();
    await page.screenshot({ path: 'tmp/e2e-results/lifecycle-nav-360.png' });
  });

  for (const width of [1280, 360]) {
    test(`the page with the status dialog open has no WCAG 2.1 AA violations at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openInitiative(page, FOR_AXE);
      await head(page).getByRole('button', { name: 'Skift status' }).click();
      const dialog = statusDialog(page);
      await dialog.getByRole('radio', { name: 'Annulleret' }).check();
      await dialog.getByRole('button', { name: 'Gem status' }).click();
      await expect(dialog.getByText('Skriv en begrundelse for annulleringen.')).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: `tmp/e2e-results/lifecycle-dialog-cancel-${width}.png` });

      await dialog.getByRole('radio', { name: 'Afsluttet' }).check();
      await expect(dialog.getByRole('group', { name: /milepæle er ikke afsluttet/ })).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: `tmp/e2e-results/lifecycle-dialog-complete-${width}.png` });

      // Escape closes it without changing anything, and focus goes back.
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(head(page).getByRole('button', { name: 'Skift status' })).toBeFocused();
      await expect(head(page)).not.toContainText('Annulleret');
    });
  }
});
