import type { Page } from '@playwright/test';
import type { PublicActionPlan, PublicInitiatives } from '@fremdrift/contracts';
import { expect, test, wcagViolations } from './support/fixtures';

/**
 * The open data as portals, search engines and curious citizens meet it: the "Om data" page with
 * the progress rule and schema.org markup, the DCAT catalog it links to, the note beside the
 * progress figures, and the accessibility statement at /was.
 */

interface SchemaOrgDataset {
  '@context': string;
  '@type': string;
  name: string;
  description: string;
  license?: string;
  creator?: { name: string };
  distribution: { '@type': string; encodingFormat: string; contentUrl: string }[];
}

/** The page's one JSON-LD block: the catalog's three datasets. */
async function schemaOrgMarkup(page: Page): Promise<SchemaOrgDataset[]> {
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const datasets = [JSON.parse((await scripts.textContent()) ?? 'null') as SchemaOrgDataset | SchemaOrgDataset[]].flat();
  expect(datasets).toHaveLength(3);
  return datasets;
}

async function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('Open data', () => {
  test('"Om data" states how progress is computed, with the weights the code uses', async ({ page }) => {
    await page.goto('/om-data');
    const rule = page.locator('#beregning');
    await expect(rule.getByRole('heading', { level: 2, name: 'Sådan beregnes fremdriften' })).toBeVisible();
    await expect(rule).toContainText('vægtet med milepælenes vægt');
    await expect(rule).toContainText('gennemsnittet af initiativernes fremdrift');
    const table = rule.getByRole('table', { name: 'Fremdrift for et initiativ uden milepæle, efter status' });
    await expect(table.getByRole('row', { name: /I gang\s+50\s%/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Afsluttet\s+100\s%/ })).toBeVisible();
  });

  test('"Om data" describes each dataset as schema.org Dataset markup, whose downloads answer', async ({ page }) => {
    await page.goto('/om-data');
    const datasets = await schemaOrgMarkup(page);
    for (const dataset of datasets) {
      expect(dataset['@context']).toBe('https://schema.org');
      expect(dataset['@type']).toBe('Dataset');
      expect(dataset.name.length).toBeGreaterThan(0);
      expect(dataset.description.length).toBeGreaterThanOrEqual(50);
      expect(dataset.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
      expect(dataset.creator?.name).toBeTruthy();
      expect(dataset.distribution.length).toBeGreaterThan(0);
      for (const download of dataset.distribution) {
        expect(download['@type']).toBe('DataDownload');
        const response = await page.request.get(download.contentUrl);
        expect({ url: download.contentUrl, status: response.status() }).toEqual({ url: download.contentUrl, status: 200 });
        expect(response.headers()['content-type']).toContain(download.encodingFormat);
      }
    }
    expect(datasets.map((d) => d.name)).toContain('Samskabte initiativer og deres fremdrift');

    // In English the markup follows the page's language.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About the data' })).toBeVisible();
    expect((await schemaOrgMarkup(page)).map((d) => d.name)).toContain('Co-created initiatives and their progress');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Om data' })).toBeVisible();

    // Only "Om data" carries the markup.
    await page.locator('a.site-header__brand').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  });

  test('"Om data" links to the DCAT-AP-DK catalog in Turtle and JSON-LD', async ({ page }) => {
    await page.goto('/om-data');
    for (const [href, type] of [
      ['/api/public/dcat/catalog.ttl', 'text/turtle'],
      ['/api/public/dcat/catalog.jsonld', 'application/ld+json'],
    ]) {
      await expect(page.locator(`main a[href="${href}"]`)).toBeVisible();
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
    }
  });

  test('the plan and initiative pages link from their progress figures to how they are computed', async ({ page }) => {
    const plans = (await (await page.request.get('/api/public/action-plans')).json()) as PublicActionPlan[];
    const plan = plans.find((p) => p.initiativeIds.length > 0);
    expect(plan).toBeDefined();
    await page.goto(`/handleplan/${plan?.id}`);
    const note = page.getByRole('link', { name: 'Sådan beregnes fremdriften' });
    await expect(note).toBeVisible();
    await note.click();
    await expect(page).toHaveURL(/\/om-data#beregning$/);
    // A plain link to the fragment: the browser scrolls to the section and starts keyboard navigation there.
    await expect(page.locator('#beregning:target')).toBeInViewport();

    const { items } = (await (await page.request.get('/api/public/initiatives')).json()) as PublicInitiatives;
    await page.goto(`/initiativ/${items[0].id}`);
    await expect(page.getByRole('link', { name: 'Sådan beregnes fremdriften' })).toHaveAttribute('href', '/om-data#beregning');
  });

  test('/was leads to the accessibility statement, whose placeholders name the settings that fill them', async ({ page }) => {
    await page.goto('/was');
    await expect(page).toHaveURL(/\/tilgaengelighed$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' })).toBeVisible();
    await expect(page.locator('.placeholder', { hasText: 'ACCESSIBILITY_CONTACT_EMAIL' })).toBeVisible();
    await expect(page.locator('footer').getByRole('link', { name: 'Tilgængelighedserklæring' })).toHaveAttribute('href', '/was');
  });

  test('the pages are accessible (axe) and fit at 1280 and 360 pixels', async ({ page }) => {
    const plans = (await (await page.request.get('/api/public/action-plans')).json()) as PublicActionPlan[];
    const { items } = (await (await page.request.get('/api/public/initiatives')).json()) as PublicInitiatives;
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of ['/om-data', '/om-data#beregning', '/tilgaengelighed', `/handleplan/${plans[0].id}`, `/initiativ/${items[0].id}`]) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await wcagViolations(page), `${url} at ${width}px`).toEqual([]);
        expect(await noSidewaysScroll(page), `${url} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
  });
});
