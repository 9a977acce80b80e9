import { html, jsonForScript, raw, type SafeHtml } from './html';
import { PUBLIC_CSS } from './public-styles';
import { translator, type PublicLanguage, type Translator } from './public-site-texts';

/** One server-rendered public page: what `renderPage` wraps in the common frame. */
export interface PublicPage {
  lang: PublicLanguage;
  /** The request's path and query, for the language switch and the canonical address. */
  path: string;
  title: string;
  description: string;
  main: SafeHtml;
  /** A schema.org object for a `<script type="application/ld+json">` block. */
  jsonLd?: unknown;
  signedIn: boolean;
}

/** The installation's address, set once when the module starts (the canonical link must be absolute). */
const site = { publicUrl: '' };

export function setPublicSiteUrl(publicUrl: string): void {
  site.publicUrl = publicUrl.replace(/\/+$/, '');
}

export const LANGUAGE_COOKIE = 'fremdrift_lang';
export const SITE_NAME = 'Fremdrift';

/** The address of the language switch: `/sprog/en?til=/om-data`. */
export function languageSwitchHref(lang: PublicLanguage, path: string): string {
  return `/sprog/${lang}?til=${encodeURIComponent(path)}`;
}

const LOGO = raw(
  '<svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M7 22h6v-5H7zm6-5h6v-5h-6zm6-5h6V7h-6z" fill="#1a3a5c"/></svg>',
);

/** The whole document: head with the inline stylesheet, skip link, header, main, footer. No scripts. */
export function renderPage(page: PublicPage): string {
  const t = translator(page.lang);
  const other: PublicLanguage = page.lang === 'da' ? 'en' : 'da';
  const canonical = `${site.publicUrl}${page.path}`;
  const title = page.title === SITE_NAME ? SITE_NAME : `${page.title} – ${SITE_NAME}`;
  const document = html`<!doctype html>
    <html lang="${page.lang}">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content="${page.description}" />
        <meta name="theme-color" content="#1a3a5c" />
        <link rel="canonical" href="${canonical}" />
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        <style>
          ${raw(PUBLIC_CSS)}
        </style>
        ${
          page.jsonLd === undefined
            ? ''
            : html`<script type="application/ld+json">
                ${jsonForScript(page.jsonLd)}
              </script>`
        }
      </head>
      <body>
        <a class="skip-link" href="#main">${t.t('shell.skipLink')}</a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-header__brand" href="/">${LOGO}<span>${SITE_NAME}</span></a>
            <p class="site-header__tagline">${t.t('shell.tagline')}</p>
            <div class="site-header__account">
              <a class="button button--on-dark" href="${languageSwitchHref(other, page.path)}" lang="${other}" hreflang="${other}"
                >${t.t('shell.switchLanguage')}</a
              >
              ${accountLink(t, page.signedIn)}
            </div>
          </div>
        </header>
        <main id="main" class="container site-main" tabindex="-1">${page.main}</main>
        <footer class="site-footer">
          <div class="container">
            <p>${t.t('shell.footer', { year: yearInCopenhagen() })}</p>
            <nav aria-label="${t.t('shell.footerNav')}">
              <ul class="site-footer__links">
                <li><a href="/">${t.t('shell.frontPage')}</a></li>
                <li><a href="/om-data">${t.t('shell.aboutData')}</a></li>
                <li><a href="/was">${t.t('shell.accessibility')}</a></li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html> `;
  return document.value;
}

/** This year in the municipality, like every "today" in the app. */
function yearInCopenhagen(): string {
  return new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());
}

function accountLink(t: Translator, signedIn: boolean): SafeHtml {
  if (signedIn) return html`<a class="button button--on-dark" href="/">${t.t('shell.toApp')}</a>`;
  return html`<a class="button button--on-dark" href="/login">${t.t('shell.login')}<span class="visually-hidden"> (${t.t('shell.loginHint')})</span></a>`;
}

/** The page for an unknown address or an id that is not (or no longer) public, in the same frame. */
export function renderNotFound(lang: PublicLanguage, path: string, signedIn: boolean): string {
  const t = translator(lang);
  return renderPage({
    lang,
    path,
    signedIn,
    title: t.t('notFound.title'),
    description: t.t('notFound.text'),
    main: html`<h1>${t.t('notFound.title')}</h1>
      <p>${t.t('notFound.text')}</p>
      <p><a href="/">${t.t('notFound.link')}</a></p>`,
  });
}
