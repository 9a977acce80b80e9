import type { OpenDataConfig } from '../../core/config/open-data-config';
import { html, type SafeHtml } from './html';
import type { Translator } from './public-site-texts';

/** The settings that fill the built-in statement's placeholders (named on the page until they are set). */
export const ACCESSIBILITY_SETTINGS = {
  preparedOn: 'ACCESSIBILITY_STATEMENT_DATE',
  responsible: 'ACCESSIBILITY_CONTACT_UNIT',
  email: 'ACCESSIBILITY_CONTACT_EMAIL',
  phone: 'ACCESSIBILITY_CONTACT_PHONE',
} as const;

const ENFORCEMENT_URL = 'https://www.was.digst.dk/';

function placeholder(t: Translator, setting: string): SafeHtml {
  return html`<span class="placeholder">[${t.t('pub.a11y.placeholderSetting', { setting })}]</span>`;
}

/**
 * The tilgængelighedserklæring. When the municipality has published its statement in
 * Digitaliseringsstyrelsen's WAS-Tool (ACCESSIBILITY_STATEMENT_URL), the page points there;
 * otherwise it is the built-in statement in the usual Danish form, filled in from the settings.
 */
export function renderAccessibility(t: Translator, config: Pick<OpenDataConfig, 'accessibilityStatementUrl' | 'accessibility'>): SafeHtml {
  const enforcement = html`<section class="prose-section" aria-labelledby="a11y-enforcement">
    <h2 id="a11y-enforcement">${t.t('pub.a11y.enforcementTitle')}</h2>
    <p>${t.t('pub.a11y.enforcement')}</p>
    <p><a href="${ENFORCEMENT_URL}" lang="da">${t.t('pub.a11y.enforcementLink')}</a></p>
  </section>`;
  const url = config.accessibilityStatementUrl;
  if (url) {
    return html`<div class="page-head">
        <h1>${t.t('pub.a11y.title')}</h1>
        <p class="page-head__lead">${t.t('pub.a11y.wasLead')}</p>
      </div>
      <p><a href="${url}">${t.t('pub.a11y.wasLink')}</a></p>
      ${enforcement}`;
  }
  const { preparedOn, responsible, email, phone } = config.accessibility;
  return html`<div class="page-head">
      <h1>${t.t('pub.a11y.title')}</h1>
      <p class="page-head__lead">${t.t('pub.a11y.lead')}</p>
    </div>
    <section class="prose-section" aria-labelledby="a11y-status">
      <h2 id="a11y-status">${t.t('pub.a11y.statusTitle')}</h2>
      <p>${t.t('pub.a11y.status')}</p>
    </section>
    <section class="prose-section" aria-labelledby="a11y-compliant">
      <h2 id="a11y-compliant">${t.t('pub.a11y.compliantTitle')}</h2>
      <ul>
        ${t.list('pub.a11y.compliant').map((item) => html`<li>${item}</li>`)}
      </ul>
    </section>
    <section class="prose-section" aria-labelledby="a11y-limitations">
      <h2 id="a11y-limitations">${t.t('pub.a11y.limitationsTitle')}</h2>
      <ul>
        ${t.list('pub.a11y.limitations').map((item) => html`<li>${item}</li>`)}
      </ul>
    </section>
    <section class="prose-section" aria-labelledby="a11y-method">
      <h2 id="a11y-method">${t.t('pub.a11y.methodTitle')}</h2>
      <p>${t.t('pub.a11y.method')}</p>
      <p>${t.t('pub.a11y.preparedOn')} ${preparedOn ? t.date(preparedOn) : placeholder(t, ACCESSIBILITY_SETTINGS.preparedOn)}.</p>
    </section>
    <section class="prose-section" aria-labelledby="a11y-feedback">
      <h2 id="a11y-feedback">${t.t('pub.a11y.feedbackTitle')}</h2>
      <p>${t.t('pub.a11y.feedback')}</p>
      <dl class="terms">
        <dt>${t.t('pub.a11y.responsible')}</dt>
        <dd>${responsible ? responsible : placeholder(t, ACCESSIBILITY_SETTINGS.responsible)}</dd>
        <dt>${t.t('pub.a11y.email')}</dt>
        <dd>${email ? html`<a href="mailto:${email}">${email}</a>` : placeholder(t, ACCESSIBILITY_SETTINGS.email)}</dd>
        <dt>${t.t('pub.a11y.phone')}</dt>
        <dd>${phone ? phone : placeholder(t, ACCESSIBILITY_SETTINGS.phone)}</dd>
      </dl>
    </section>
    ${enforcement}`;
}
