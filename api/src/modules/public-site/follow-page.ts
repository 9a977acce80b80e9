import { LIMITS } from '@fremdrift/contracts';
import { initiativeHref, planHref } from './components';
import { html, type SafeHtml } from './html';
import type { PageContent } from './initiative-page';
import type { Translator } from './public-site-texts';

/** What the form follows: a published initiative or an action plan, named as the consent text names it. */
export interface FollowTarget {
  kind: 'initiative' | 'plan';
  id: string;
  title: string;
}

/** Why the address was refused, as the form says it on the field. */
export type FollowFieldError = 'emailRequired' | 'emailInvalid' | 'emailMax';

/** The form as it was sent back: the address as typed and what is wrong with it. */
export interface FollowFormState {
  email: string;
  error: FollowFieldError;
}

export const targetHref = (target: Pick<FollowTarget, 'kind' | 'id'>): string =>
  target.kind === 'initiative' ? initiativeHref(target.id) : planHref(target.id);

/** Where the form posts: beside the page it is on. */
export const followAction = (target: Pick<FollowTarget, 'kind' | 'id'>): string => `${targetHref(target)}/foelg`;

/** The id of the section on the target's page, for links back to the form. */
export const FOLLOW_SECTION_ID = 'foelg';

const ids = (target: FollowTarget) => `follow-${target.kind}`;

function fieldErrorText(t: Translator, error: FollowFieldError): string {
  return t.t(`pub.follow.${error}`, { max: LIMITS.email.max });
}

/**
 * "Follow by e-mail" on an initiative or plan page: a plain form that posts the address; the
 * consent text describes the field. `state` is the address sent back with its error; on a page of
 * its own the form's heading is the page's h1.
 */
export function followForm(t: Translator, target: FollowTarget, state?: FollowFormState, headingLevel: 1 | 2 = 2): SafeHtml {
  const id = ids(target);
  const isInitiative = target.kind === 'initiative';
  const errorId = `${id}-email-error`;
  const heading =
    headingLevel === 1
      ? html`<h1 class="follow__heading" id="${id}-heading">${t.t('pub.follow.heading')}</h1>`
      : html`<h2 class="follow__heading" id="${id}-heading">${t.t('pub.follow.heading')}</h2>`;
  return html`<section class="follow" id="${FOLLOW_SECTION_ID}" aria-labelledby="${id}-heading">
    ${heading}
    <p>${t.t(isInitiative ? 'pub.follow.leadInitiative' : 'pub.follow.leadPlan')}</p>
    <form class="form follow__form" method="post" action="${followAction(target)}" novalidate>
      <div class="field">
        <label for="${id}-email">${t.t('pub.follow.email')}</label>
        ${state ? html`<p class="field-error" id="${errorId}"><span class="visually-hidden">${t.t('pub.follow.errorPrefix')}: </span>${fieldErrorText(t, state.error)}</p>` : ''}
        <input
          id="${id}-email"
          name="email"
          type="email"
          value="${state?.email ?? ''}"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          autocapitalize="off"
          aria-describedby="${state ? `${errorId} ${id}-consent` : `${id}-consent`}"
          ${state ? html` aria-invalid="true"` : ''}
        />
      </div>
      <p class="follow__consent" id="${id}-consent">
        ${t.t(isInitiative ? 'pub.follow.consentInitiative' : 'pub.follow.consentPlan', { title: target.title })}
      </p>
      <div class="form-actions"><button type="submit" class="button">${t.t('pub.follow.submit')}</button></div>
    </form>
  </section>`;
}

const backLink = (t: Translator, target: FollowTarget) =>
  html`<p><a class="back-link" href="${targetHref(target)}">${t.t('pub.follow.back', { title: target.title })}</a></p>`;

/**
 * The form again after a refused address (the GOV.UK pattern): "Error:" in the title, a summary at
 * the top that links to the field (focused on load, so it is read out first), the address as typed,
 * and the message on the field.
 */
export function followErrorPage(t: Translator, target: FollowTarget, state: FollowFormState): PageContent {
  const message = fieldErrorText(t, state.error);
  return {
    title: `${t.t('pub.follow.errorPrefix')}: ${t.t('pub.follow.heading')}`,
    description: t.t(target.kind === 'initiative' ? 'pub.follow.leadInitiative' : 'pub.follow.leadPlan'),
    main: html`${backLink(t, target)}
      <div class="notice notice--error error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="follow-error-summary-title">
        <h2 class="notice__title" id="follow-error-summary-title">${t.t('pub.follow.errorSummary')}</h2>
        <ul class="error-summary__list">
          <li><a href="#${ids(target)}-email">${message}</a></li>
        </ul>
      </div>
      ${followForm(t, target, state, 1)}`,
  };
}

/** The address was taken: a confirmation link is on its way (or the address follows already; the page says the same). */
export function followSentPage(t: Translator, target: FollowTarget, email: string): PageContent {
  return {
    title: t.t('pub.follow.sentTitle'),
    description: t.t('pub.follow.sentTitle'),
    main: html`${backLink(t, target)}
      <div class="page-head">
        <h1>${t.t('pub.follow.sentTitle')}</h1>
      </div>
      <div class="notice notice--success follow__done" role="status">
        <p>${t.t('pub.follow.sent', { email })}</p>
      </div>
      <p><a href="${targetHref(target)}#${FOLLOW_SECTION_ID}">${t.t('pub.follow.again')}</a></p>`,
  };
}

/** The sign-up was refused as a whole: too many from here, the target is no longer public, or the form came from another site. */
export function followFailedPage(t: Translator, target: FollowTarget | null, reason: { tooMany: number | null } | 'gone' | 'crossSite'): PageContent {
  let text: string;
  if (reason === 'gone') text = t.t('pub.follow.gone');
  else if (reason === 'crossSite') text = t.t('pub.follow.crossSite');
  else if (reason.tooMany !== null && reason.tooMany > 0) text = t.t('pub.follow.tooMany', { minutes: Math.ceil(reason.tooMany / 60) });
  else text = t.t('pub.follow.tooManyUnknown');
  return {
    title: t.t('pub.follow.failed'),
    description: text,
    main: html`${target && reason !== 'gone' ? backLink(t, target) : html`<p><a class="back-link" href="/">${t.t('pub.initiative.back')}</a></p>`}
      <div class="page-head">
        <h1>${t.t('pub.follow.failed')}</h1>
      </div>
      <div class="notice notice--error">
        <p>${text}</p>
      </div>`,
  };
}
