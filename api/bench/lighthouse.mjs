// Lighthouse (mobile profile, the npm package's default config) against Debian's Chromium, a fresh
// browser per page: a reused one has given spurious zero scores.
import { existsSync } from 'node:fs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function chromiumPath() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path)) ?? null;
}

/**
 * Scores (0–100) of `categories` for `url`, the cumulative layout shift, and how long the run took.
 * Throws when Lighthouse reports a runtime error (a page that did not load is not a score of 0).
 */
export async function lighthouseRun(url, { categories = CATEGORIES, attempts = 3 } = {}) {
  const errors = [];
  for (;;) {
    try {
      const result = await lighthouseOnce(url, categories);
      return errors.length > 0 ? { ...result, retried: errors } : result;
    } catch (error) {
      // Runtime errors (NO_FCP on a starved machine, NO_NAVSTART from the trace) are retried in a new browser.
      if (!error.lighthouseRuntimeError || errors.length + 1 >= attempts) throw error;
      errors.push(error.message);
    }
  }
}

async function lighthouseOnce(url, categories) {
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error('Chromium is missing: apt-get install -y chromium');
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const started = Date.now();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw Object.assign(new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`), { lighthouseRuntimeError: true });
    }
    const scores = Object.fromEntries(categories.map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100)]));
    const failing = Object.fromEntries(
      categories.map((id) => [
        id,
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && lhr.audits[ref.id].score < 1)
          .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`),
      ]),
    );
    return {
      url,
      scores,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
      failing,
      lighthouse: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await chrome.kill();
  }
}
