import type { Page } from '@playwright/test';
import type { PublicInitiative } from '@fremdrift/contracts';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The public front page is rendered by the server a page at a time: links for paging, a GET form
 * for search and filters, all in the URL. The demo data fits one page of 24, so the paging test
 * asks for pages of 5 (`pageSize`, as the open-data API takes it).
 */

interface Download {
  total: number;
  items: PublicInitiative[];
}

const PHONE = { width: 360, height: 640 };

async function everything(page: Page): Promise<Download> {
  const response = await page.request.get('/api/public/initiatives.json');
  expect(response.status()).toBe(200);
  return (await response.json()) as Download;
}

/** Sums the page's layout shifts from the first paint, as Lighthouse's CLS does (leaving out those right after input), noting what moved. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = window as unknown as { __shifts: { total: number; moved: string[] } };
    state.__shifts = { total: 0, moved: [] };
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        state.__shifts.total += entry.value;
        for (const source of entry.sources) {
          const node =
            source.node instanceof Element ? `${source.node.tagName.toLowerCase()}.${[...source.node.classList].join('.')}` : String(source.node?.nodeName);
          state.__shifts.moved.push(`${entry.value.toFixed(3)} ${node}: y ${source.previousRect.y} → ${source.currentRect.y}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { total: number; moved: string[] } }).__shifts);
const cardTitles = (page: Page) => page.locator('.card__title').allInnerTexts();

test.describe('The public list, a page at a time', () => {
  test('pages through the server with links, the page in the URL', async ({ page }) => {
    const all = await everything(page);
    expect(all.total).toBeGreaterThan(5);
    const pages = Math.ceil(all.total / 5);
    await page.goto('/?pageSize=5');
    await expect(page.getByRole('status')).toHaveText(`Viser ${all.total} initiativer`);
    await expect(page.locator('.pagination__position')).toHaveText(`Side 1 af ${pages}`);
    expect(await cardTitles(page)).toEqual(all.items.slice(0, 5).map((i) => i.title));
    await expect(page.getByRole('link', { name: 'Forrige side' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Næste side' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.locator('.pagination__position')).toHaveText(`Side 2 af ${pages}`);
    expect(await cardTitles(page)).toEqual(all.items.slice(5, 10).map((i) => i.title));

    await page.getByRole('link', { name: 'Forrige side' }).click();
    await expect(page).not.toHaveURL(/page=\d/);
    expect(await cardTitles(page)).toEqual(all.items.slice(0, 5).map((i) => i.title));

    await page.goto(`/?pageSize=5&page=${pages + 3}`);
    await expect(page.getByText('Der er ikke så mange initiativer.')).toBeVisible();
    await page.getByRole('link', { name: 'Gå til første side' }).click();
    expect(await cardTitles(page)).toEqual(all.items.slice(0, 5).map((i) => i.title));
  });

  test('sends the filters and the search to the server in the URL, and says when nothing matches', async ({ page }) => {
    const all = await everything(page);
    const target = all.items[all.items.length - 1];
    const department = target.leadDepartment;
    const inDepartment = all.items.filter(
      (i) => i.leadDepartment.code === department.code || i.participatingDepartments.some((d) => d.code === department.code),
    );

    await page.goto('/');
    await page.getByLabel('Afdeling', { exact: true }).selectOption({ label: department.name });
    await page.getByRole('button', { name: 'Vis initiativer' }).click();
    await expect(page).toHaveURL(new RegExp(`department=${department.code}`));
    await expect(page.getByRole('status')).toHaveText(inDepartment.length === 1 ? 'Viser 1 initiativ' : `Viser ${inDepartment.length} initiativer`);

    await page.getByRole('searchbox', { name: 'Søg' }).fill(target.title);
    await page.getByRole('searchbox', { name: 'Søg' }).press('Enter');
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('link', { name: target.title, exact: true })).toBeVisible();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue(department.code);

    await page.reload();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue(department.code);
    await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue(target.title);
    await expect(page.getByRole('link', { name: target.title, exact: true })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Søg' }).fill('zzzz-intet-matcher');
    await page.getByRole('searchbox', { name: 'Søg' }).press('Enter');
    await expect(page.getByText('Ingen initiativer matcher')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Viser 0 initiativer');
    await page.getByRole('link', { name: 'Nulstil filtre' }).first().click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toHaveText(`Viser ${all.total} initiativer`);
  });

  test('keeps the layout still on a phone: front page, an initiative and a plan (CLS ≤ 0.02)', async ({ page }) => {
    const { items } = await everything(page);
    const initiative = items.find((i) => i.milestones.length > 0 && i.updates.length > 0) ?? items[0];
    await page.setViewportSize(PHONE);
    await recordLayoutShifts(page);
    for (const url of ['/', `/initiativ/${initiative.id}`, `/handleplan/${initiative.actionPlan.id}`]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.waitForTimeout(300);
      const shifts = await layoutShifts(page);
      test.info().annotations.push({ type: 'layout shift', description: `${url}: ${shifts.total.toFixed(3)}` });
      expect(shifts.total, `layout shift of ${url}:\n${shifts.moved.join('\n')}`).toBeLessThanOrEqual(0.02);
    }
  });

  test('the paged front page is axe-clean at 1280 and 360 px, and fits 320 px without scrolling sideways', async ({ page }) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/?pageSize=5&page=2');
      await expect(page.locator('.card').first()).toBeVisible();
      expect(await wcagViolations(page), `/?pageSize=5&page=2 at ${width}px`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/?pageSize=5');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
