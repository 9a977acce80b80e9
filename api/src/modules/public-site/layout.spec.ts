import { html } from './html';
import { languageSwitchHref, renderNotFound, renderPage, setPublicSiteUrl, type PublicPage } from './layout';

const base: PublicPage = { lang: 'da', path: '/om-data', title: 'Om data', description: 'Åbne data', main: html`<h1>Om data</h1>`, signedIn: false };

describe('renderPage', () => {
  beforeAll(() => setPublicSiteUrl('https://fremdrift.example.dk/'));

  it('frames the page with language, title, canonical address, skip link, header, main and footer, and no script', () => {
    const page = renderPage(base);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="da">');
    expect(page).toContain('<title>Om data – Fremdrift</title>');
    expect(page).toMatch(/<link rel="canonical" href="https:\/\/fremdrift\.example\.dk\/om-data"/);
    expect(page).toMatch(/<meta name="description" content="Åbne data"/);
    expect(page).toMatch(/<a class="skip-link" href="#main">Gå til indhold<\/a>/);
    expect(page).toMatch(/<main id="main"/);
    expect(page).toMatch(/href="\/was"\s*>Tilgængelighedserklæring<\/a/);
    expect(page).toMatch(/href="\/login"/);
    expect(page).not.toMatch(/<script/);
    expect(page.match(/<style>/g)).toHaveLength(1);
  });

  it('offers the other language at the same address, and the app to a signed-in user', () => {
    const page = renderPage({ ...base, lang: 'en', path: '/?q=a&b=c', signedIn: true });
    expect(page).toContain(`href="${languageSwitchHref('da', '/?q=a&b=c').replace(/&/g, '&amp;')}"`);
    expect(languageSwitchHref('da', '/?q=a&b=c')).toBe('/sprog/da?til=%2F%3Fq%3Da%26b%3Dc');
    expect(page).toMatch(/>Dansk<\/a/);
    expect(page).toMatch(/href="\/"\s*>Go to Fremdrift<\/a>/);
    expect(page).not.toMatch(/href="\/login"/);
  });

  it('escapes the title, description and path, and keeps a JSON-LD value from closing its script block', () => {
    const page = renderPage({ ...base, title: '<b>x</b>', description: '"><script>', path: '/"><x', jsonLd: { name: '</script><script>alert(1)</script>' } });
    expect(page).toContain('<title>&lt;b&gt;x&lt;/b&gt; – Fremdrift</title>');
    expect(page).toContain('content="&quot;&gt;&lt;script&gt;"');
    expect(page).not.toContain('/"><x');
    expect(page).toMatch(/<script type="application\/ld\+json">\s*\{"name":"\\u003c\/script>\\u003cscript>alert\(1\)\\u003c\/script>"\}\s*<\/script>/);
  });

  it('renders the not-found page in the same frame with a way back to the front page', () => {
    const page = renderNotFound('en', '/initiativ/x/y', false);
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toMatch(/<a href="\/">All initiatives<\/a>/);
  });
});
