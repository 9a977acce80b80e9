import { publicPageUrls, robotsTxt, siteMapDocuments } from './site-map';

const BASE = 'https://fremdrift.example.dk';
const at = (iso: string) => new Date(iso);

describe('publicPageUrls', () => {
  it('lists the front page, the two fixed public pages, every plan and every published initiative as absolute URLs', () => {
    const urls = publicPageUrls(BASE, {
      plans: [{ id: 'p1', lastModified: at('2026-01-02T00:00:00Z') }],
      initiatives: [{ id: 'i1', lastModified: at('2026-03-04T05:06:07Z') }],
    });
    expect(urls).toEqual([
      { loc: `${BASE}/`, lastModified: at('2026-03-04T05:06:07Z') },
      { loc: `${BASE}/om-data`, lastModified: null },
      { loc: `${BASE}/tilgaengelighed`, lastModified: null },
      { loc: `${BASE}/handleplan/p1`, lastModified: at('2026-01-02T00:00:00Z') },
      { loc: `${BASE}/initiativ/i1`, lastModified: at('2026-03-04T05:06:07Z') },
    ]);
  });

  it('dates the front page nothing when nothing is public', () => {
    expect(publicPageUrls(BASE, { plans: [], initiatives: [] })[0]).toEqual({ loc: `${BASE}/`, lastModified: null });
  });
});

describe('siteMapDocuments', () => {
  const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ loc: `${BASE}/initiativ/${i}`, lastModified: i % 2 ? at('2026-01-01T00:00:00Z') : null }));

  it('answers one urlset while the URLs fit in one file, with lastmod where known', () => {
    const { index, pages } = siteMapDocuments(BASE, urls(2), 2);
    expect(pages).toEqual([index]);
    expect(index).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        `  <url>\n    <loc>${BASE}/initiativ/0</loc>\n  </url>\n` +
        `  <url>\n    <loc>${BASE}/initiativ/1</loc>\n    <lastmod>2026-01-01T00:00:00.000Z</lastmod>\n  </url>\n` +
        '</urlset>\n',
    );
  });

  it('splits into pages and an index of them beyond the limit per file, losing no URL', () => {
    const { index, pages } = siteMapDocuments(BASE, urls(5), 2);
    expect(pages).toHaveLength(3);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => `${BASE}/sitemap.xml?page=${n}`));
    const listed = pages.flatMap((page) => [...page.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(listed).toEqual(urls(5).map((u) => u.loc));
  });

  it('escapes what XML requires in a URL', () => {
    const { index } = siteMapDocuments(`${BASE}/a&b`, [{ loc: `${BASE}/a&b/'x'`, lastModified: null }]);
    expect(index).toContain(`<loc>${BASE}/a&amp;b/&apos;x&apos;</loc>`);
  });

  it('is an empty urlset when there is nothing to list', () => {
    expect(siteMapDocuments(BASE, []).index).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>');
  });
});

describe('robotsTxt', () => {
  it('allows the public pages and open data, refuses the rest of the API and the sign-in and internal areas, and names the sitemap', () => {
    const robots = robotsTxt(BASE);
    expect(robots.split('\n')).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /api/public/',
        'Disallow: /api/',
        'Disallow: /login',
        'Disallow: /admin',
        'Allow: /',
        `Sitemap: ${BASE}/sitemap.xml`,
      ]),
    );
    // Crawlers that take the first matching rule must meet the open-data exception before /api/.
    expect(robots.indexOf('Allow: /api/public/')).toBeLessThan(robots.indexOf('Disallow: /api/'));
  });

  it('puts the rules below the path the app is served at', () => {
    const robots = robotsTxt('https://kommune.example.dk/fremdrift');
    expect(robots).toContain('Disallow: /fremdrift/api/\n');
    expect(robots).toContain('Allow: /fremdrift/\n');
    expect(robots).toContain('Sitemap: https://kommune.example.dk/fremdrift/sitemap.xml\n');
  });
});
