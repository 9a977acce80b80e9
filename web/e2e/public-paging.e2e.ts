import type { Page } from '@playwright/test';
import type { PublicInitiative } from '@fremdrift/contracts';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The public front page pages through the server, and the public pages keep their layout still
 * while their data arrives. The demo data fits one page of 24, so the paging test asks the server
 * for pages of 5 (the request is rewritten on its way, the server answers as it would any client).
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

/** Pages of `size` instead of the page's own 24: the server answers them like any other. */
async function smallPages(page: Page, size: number): Promise<void> {
  await page.route(/\/api\/public\/initiatives\?/, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('pageSize', String(size));
    return route.continue({ url: url.toString() });
  });
}

/** Holds every public API answer back for `ms`, so that the page paints its loading state first. */
async function slowApi(page: Page, ms: number): Promise<void> {
  await page.route(/\/api\/public\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fallback();
  });
}

/**
 * Sums the page's layout shifts (as Lighthouse's CLS does, leaving out those right after input),
 * noting what moved: `page` counts those after the page's own component has painted (its data
 * arriving), `document` all of them, also the app shell's while the page's code arrives.
 */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = window as unknown as { __shifts: { page: number; document: number; moved: string[] }; __pageSince: number | null };
    state.__shifts = { page: 0, document: 0, moved: [] };
    state.__pageSince = null;
    new MutationObserver((_, observer) => {
      if (document.querySelector('main > :not(router-outlet)')) {
        observer.disconnect();
        // From the frame after the one that first painted the page (placeholders and all).
        requestAnimationFrame(() => requestAnimationFrame(() => (state.__pageSince = performance.now())));
      }
    }).observe(document, { childList: true, subtree: true });
    const describe = (node: Node | null) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} "${(node.textContent ?? '').trim().slice(0, 30)}"`
        : String(node?.nodeName);
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        state.__shifts.document += entry.value;
        const ofPage = state.__pageSince !== null && entry.startTime >= state.__pageSince;
        if (ofPage) state.__shifts.page += entry.value;
        for (const source of entry.sources)
          state.__shifts.moved.push(
            `${ofPage ? 'page' : 'shell'} ${entry.value.toFixed(3)} ${describe(source.node)}: y ${source.previousRect.y} → ${source.currentRect.y}, h ${source.previousRect.height} → ${source.currentRect.height}`,
          );
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { page: number; document: number; moved: string[] } }).__shifts);

test.describe('The public list, a page at a time', () => {
  test('pages through the server with the page in the URL, and shows progress while the next page loads', async ({ page }) => {
    const all = await everything(page);
    expect(all.total).toBeGreaterThan(5);
    await smallPages(page, 5);
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText(`Viser ${all.total} initiativer`);
    const pages = Math.ceil(all.total / 5);
    await expect(page.locator('.pagination__position')).toHaveText(`Side 1 af ${pages}`);
    const titles = () => page.locator('fd-public-initiative-card .card__title').allInnerTexts();
    expect(await titles()).toEqual(all.items.slice(0, 5).map((i) => i.title));

    await slowApi(page, 800);
    await page.getByRole('link', { name: 'Næste side' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    // The page shown stays, marked busy, until the next one is there.
    await expect(page.getByRole('status')).toHaveText('Henter …');
    await expect(page.locator('.results[aria-busy="true"] fd-public-initiative-card')).toHaveCount(5);
    await expect(page.locator('.pagination__position')).toHaveText(`Side 2 af ${pages}`);
    await expect.poll(titles).toEqual(all.items.slice(5, 10).map((i) => i.title));

    await page.reload();
    await expect.poll(titles).toEqual(all.items.slice(5, 10).map((i) => i.title));
    await page.getByRole('link', { name: 'Forrige side' }).click();
    await expect(page).not.toHaveURL(/page=/);
    await expect.poll(titles).toEqual(all.items.slice(0, 5).map((i) => i.title));
  });

  test('sends the filters and the search to the server, keeps them in the URL, and says when nothing matches', async ({ page }) => {
    const all = await everything(page);
    const target = all.items[all.items.length - 1];
    const department = target.leadDepartment;
    const inDepartment = all.items.filter(
      (i) => i.leadDepartment.code === department.code || i.participatingDepartments.some((d) => d.code === department.code),
    );

    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/initiatives?')) requests.push(request.url());
    });
    await page.goto('/');
    await page.getByLabel('Afdeling', { exact: true }).selectOption({ label: department.name });
    await expect(page).toHaveURL(new RegExp(`department=${department.code}`));
    await expect(page.getByRole('status')).toHaveText(inDepartment.length === 1 ? 'Viser 1 initiativ' : `Viser ${inDepartment.length} initiativer`);
    expect(requests.at(-1)).toContain(`department=${department.code}`);

    await page.getByRole('searchbox', { name: 'Søg' }).fill(target.title);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('link', { name: target.title, exact: true })).toBeVisible();
    await expect.poll(() => requests.at(-1) ?? '').toContain('q=');

    await page.reload();
    await expect(page.getByLabel('Afdeling', { exact: true })).toHaveValue(department.code);
    await expect(page.getByRole('searchbox', { name: 'Søg' })).toHaveValue(target.title);
    await expect(page.getByRole('link', { name: target.title, exact: true })).toBeVisible();

    await page.getByRole('searchbox', { name: 'Søg' }).fill('zzzz-intet-matcher');
    await expect(page.getByText('Ingen initiativer matcher')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Viser 0 initiativer');
    await page.getByRole('button', { name: 'Nulstil filtre' }).first().click();
    await expect(page.getByRole('status')).toHaveText(`Viser ${all.total} initiativer`);
  });

  test('keeps the layout still while the data arrives on a phone: front page, an initiative and a plan (CLS ≤ 0.02)', async ({ page }) => {
    const { items } = await everything(page);
    const initiative = items.find((i) => i.milestones.length > 0 && i.updates.length > 0) ?? items[0];
    await page.setViewportSize(PHONE);
    await recordLayoutShifts(page);
    await slowApi(page, 600);
    for (const [url, ready] of [
      ['/', page.getByRole('status').filter({ hasText: /Viser \d+ initiativ/ })],
      [`/initiativ/${initiative.id}`, page.getByRole('heading', { level: 1, name: initiative.title })],
      [`/handleplan/${initiative.actionPlan.id}`, page.locator('fd-public-initiative-card').first()],
    ] as const) {
      await page.goto(url);
      await expect(page.getByText('Henter …').first()).toBeVisible();
      await expect(ready).toBeVisible();
      await expect(page.getByText('Henter …')).toHaveCount(0);
      // Layout shifts are reported after the frame that had them.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.waitForTimeout(300);
      const shifts = await layoutShifts(page);
      test
        .info()
        .annotations.push({ type: 'layout shift', description: `${url}: page ${shifts.page.toFixed(3)}, whole document ${shifts.document.toFixed(3)}` });
      expect(shifts.page, `layout shift of ${url} after its page appeared:\n${shifts.moved.join('\n')}`).toBeLessThanOrEqual(0.02);
      expect(shifts.document, `layout shift of ${url} from the first paint:\n${shifts.moved.join('\n')}`).toBeLessThanOrEqual(0.02);
    }
  });

  test('the paged front page and a plan page are axe-clean at 1280 and 360 px', async ({ page }) => {
    const { items } = await everything(page);
    await smallPages(page, 5);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of ['/?page=2', `/handleplan/${items[0].actionPlan.id}`]) {
        await page.goto(url);
        await expect(page.locator('fd-public-initiative-card').first()).toBeVisible();
        await expect(page.getByText('Henter …')).toHaveCount(0);
        expect(await wcagViolations(page), `${url} at ${width}px`).toEqual([]);
      }
    }
  });
});
