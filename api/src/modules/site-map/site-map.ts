import type { PublicPageRow } from './site-map.repository';

/** The sitemap protocol's limit of URLs per file (sitemaps.org); beyond it, /sitemap.xml becomes an index. */
export const URLS_PER_SITE_MAP = 50_000;

/** One `<url>` of a sitemap: an absolute URL and, when known, the day its page last changed. */
export interface SiteMapUrl {
  loc: string;
  lastModified: Date | null;
}

/**
 * The web app's public pages, as `web/src/app/features/public/public.routes.ts` names them: the
 * front page, the two pages that explain the data and accessibility, each action plan and each
 * published initiative.
 */
export function publicPageUrls(baseUrl: string, pages: { plans: PublicPageRow[]; initiatives: PublicPageRow[] }): SiteMapUrl[] {
  const newest = [...pages.plans, ...pages.initiatives].reduce<Date | null>(
    (latest, page) => (latest === null || page.lastModified > latest ? page.lastModified : latest),
    null,
  );
  return [
    { loc: `${baseUrl}/`, lastModified: newest },
    { loc: `${baseUrl}/om-data`, lastModified: null },
    { loc: `${baseUrl}/tilgaengelighed`, lastModified: null },
    ...pages.plans.map((plan) => ({ loc: `${baseUrl}/handleplan/${plan.id}`, lastModified: plan.lastModified })),
    ...pages.initiatives.map((initiative) => ({ loc: `${baseUrl}/initiativ/${initiative.id}`, lastModified: initiative.lastModified })),
  ];
}

/**
 * The sitemap documents: one `<urlset>` while the URLs fit in one file, else one per
 * `URLS_PER_SITE_MAP` URLs and a `<sitemapindex>` that lists them (`/sitemap.xml?page=n`).
 * `index` is what /sitemap.xml answers; `pages[n - 1]` is page n.
 */
export function siteMapDocuments(baseUrl: string, urls: SiteMapUrl[], perFile = URLS_PER_SITE_MAP): { index: string; pages: string[] } {
  const pages: string[] = [];
  for (let start = 0; start < urls.length || pages.length === 0; start += perFile) pages.push(urlSet(urls.slice(start, start + perFile)));
  if (pages.length === 1) return { index: pages[0], pages };
  const sitemaps = pages.map((_, i) => `  <sitemap>\n    <loc>${xml(`${baseUrl}/sitemap.xml?page=${i + 1}`)}</loc>\n  </sitemap>\n`);
  return { index: `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${sitemaps.join('')}</sitemapindex>\n`, pages };
}

/**
 * Crawlers may read the public pages, the assets they load and the open data; not the rest of
 * the API, the sign-in pages or the internal pages (which only show a sign-in form to a crawler).
 * Paths are below the public URL's own path, where the app is served.
 */
export function robotsTxt(baseUrl: string): string {
  const root = new URL(baseUrl).pathname.replace(/\/$/, '');
  const lines = [
    'User-agent: *',
    `Allow: ${root}/api/public/`,
    `Disallow: ${root}/api/`,
    ...INTERNAL_PATHS.map((path) => `Disallow: ${root}/${path}`),
    `Allow: ${root}/`,
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The web app's sign-in and internal areas (web/src/app/app.routes.ts). */
const INTERNAL_PATHS = [
  'login',
  'ingen-adgang',
  'mine',
  'dashboard',
  'initiativer',
  'handleplaner',
  'partnere',
  'godkendelser',
  'brugere',
  'admin',
  'aendringslog',
  'konto',
];

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlSet(urls: SiteMapUrl[]): string {
  const entries = urls.map(
    (url) => `  <url>\n    <loc>${xml(url.loc)}</loc>\n${url.lastModified ? `    <lastmod>${url.lastModified.toISOString()}</lastmod>\n` : ''}  </url>\n`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('')}</urlset>\n`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
