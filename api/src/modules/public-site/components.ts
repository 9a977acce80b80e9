import type { Health, PublicInitiative, PublicMilestone } from '@fremdrift/contracts';
import { html, raw, type SafeHtml } from './html';
import type { Translator } from './public-site-texts';

/** Each health as a shape as well as a word and a colour: circle, triangle, octagon. */
const HEALTH_SHAPES: Record<Health, string> = {
  on_track: '<circle cx="8" cy="8" r="7.5" class="health__shape"/><path d="M4.5 8.2 7 10.6l4.6-5" class="health__glyph"/>',
  at_risk: '<path d="M8 0.8 15.6 14.6H0.4Z" class="health__shape"/><path d="M8 5.6v4.4M8 11.8v0.9" class="health__glyph"/>',
  off_track: '<path d="M5 0.5h6l4.5 4.5v6L11 15.5H5L0.5 11V5Z" class="health__shape"/><path d="m5.2 5.2 5.6 5.6m0-5.6-5.6 5.6" class="health__glyph"/>',
};

export function healthBadge(t: Translator, health: Health): SafeHtml {
  return html`<span class="health health--${health}"
    ><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${raw(HEALTH_SHAPES[health] ?? '')}</svg
    ><span>${t.t(`enum.health.${health}`)}</span></span
  >`;
}

export function statusTag(t: Translator, status: PublicInitiative['status']): SafeHtml {
  return html`<span class="tag">${t.t(`enum.status.${status}`)}</span>`;
}

function toPercent(fraction: number | null): number {
  if (fraction === null || !Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/**
 * Progress (0–1) as a bar with the expected progress as a marker. The numbers are in the text
 * beside it too; the progressbar role and its value text tell assistive technology the same.
 */
export function progressBar(t: Translator, value: number, expected: number | null, label: string): SafeHtml {
  const percent = toPercent(value);
  const valueLabel = t.percent(percent / 100);
  const expectedPercent = expected === null ? null : toPercent(expected);
  const expectedLabel = expectedPercent === null ? null : t.percent(expectedPercent / 100);
  const valueText = expectedLabel === null ? valueLabel : t.t('progress.valueText', { value: valueLabel, expected: expectedLabel });
  return html`<div class="progress">
    <div
      class="progress__bar"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow="${percent}"
      aria-valuetext="${valueText}"
      aria-label="${label}"
    >
      <div class="progress__fill" style="width:${percent}%"></div>
      ${expectedPercent === null ? '' : html`<div class="progress__marker" style="left:${expectedPercent}%"></div>`}
    </div>
    <p class="progress__text" aria-hidden="true">
      <span class="progress__value">${valueLabel}</span>${
        expectedLabel === null
          ? ''
          : html`<span class="progress__expected"><span class="progress__key"></span>${t.t('progress.expected', { value: expectedLabel })}</span>`
      }
    </p>
  </div>`;
}

/** Reached milestones, most recent first. */
export function completedMilestones(milestones: readonly PublicMilestone[]): PublicMilestone[] {
  return milestones.filter((m) => m.completedDate).sort((a, b) => (b.completedDate ?? '').localeCompare(a.completedDate ?? ''));
}

/** The open milestone due first (undated ones last), or null. */
export function nextMilestone(milestones: readonly PublicMilestone[]): PublicMilestone | null {
  const open = milestones.filter((m) => !m.completedDate);
  open.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return open[0] ?? null;
}

export const initiativeHref = (id: string): string => `/initiativ/${encodeURIComponent(id)}`;
export const planHref = (id: string): string => `/handleplan/${encodeURIComponent(id)}`;

/** One published initiative in brief: who, how far, how it goes, what happened lately. `level` is its title's heading level. */
export function initiativeCard(t: Translator, initiative: PublicInitiative, level: 2 | 3 | 4 = 3): SafeHtml {
  const completed = completedMilestones(initiative.milestones);
  const next = nextMilestone(initiative.milestones);
  const latest = initiative.updates[0] ?? null;
  const participating = initiative.participatingDepartments.map((d) => d.name).join(', ');
  const partners = initiative.partners.map((p) => p.name).join(', ');
  const heading = raw(`h${level}`);
  return html`<article class="card">
<${heading} class="card__title"><a href="${initiativeHref(initiative.id)}">${initiative.title}</a></${heading}>
<p class="card__summary">${initiative.summary}</p>
<div class="card__state">${healthBadge(t, initiative.health)} ${statusTag(t, initiative.status)}</div>
${progressBar(t, initiative.progress, initiative.expectedProgress, t.t('pub.card.progress', { title: initiative.title }))}
<dl class="card__facts">
<div><dt>${t.t('pub.card.lead')}</dt><dd>${initiative.leadDepartment.name}</dd></div>
${
  participating
    ? html`<div>
        <dt>${t.t('pub.card.participating')}</dt>
        <dd>${participating}</dd>
      </div>`
    : ''
}
${
  completed.length > 0
    ? html`<div>
        <dt>${t.t('pub.card.completed')}</dt>
        <dd>
          <ul class="card__list">
            ${completed.map((m) => html`<li>${m.title} <span class="meta">(${t.t('pub.card.completedOn', { date: t.date(m.completedDate) })})</span></li>`)}
          </ul>
        </dd>
      </div>`
    : ''
}
<div><dt>${t.t('pub.card.next')}</dt><dd>${
    next
      ? html`${next.title}${next.dueDate ? html` <span class="meta">(${t.t('pub.card.due', { date: t.date(next.dueDate) })})</span>` : ''}`
      : t.t('pub.card.noNext')
  }</dd></div>
${
  partners
    ? html`<div>
        <dt>${t.t('pub.card.partners')}</dt>
        <dd>${partners}</dd>
      </div>`
    : ''
}
</dl>
${
  latest
    ? html`<div class="card__latest">
        <p class="card__latest-title">
          ${t.t('pub.card.latest')},
          ${t.t('pub.initiative.updatePeriod', {
            from: t.date(latest.periodStart),
            to: t.date(latest.periodEnd),
          })}
        </p>
        <p class="card__latest-text">${latest.text}</p>
      </div>`
    : ''
}
<p class="card__updated meta">${t.t('pub.card.updated', { date: t.date(initiative.lastUpdatedAt) })}</p>
</article>`;
}

/**
 * Previous/next links for a paged list whose page is in the query (`?page=2`); nothing for one page.
 * `hrefOf(page)` builds the address of a page with the list's other parameters.
 */
export function pagination(t: Translator, page: number, total: number, pageSize: number, hrefOf: (page: number) => string, label?: string): SafeHtml {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return html``;
  return html`<nav class="pagination" aria-label="${label ?? t.t('pagination.pages')}">
    ${
      page > 1
        ? html`<a class="button button--secondary" href="${hrefOf(Math.min(page - 1, pageCount))}" rel="prev"
            ><span aria-hidden="true">←</span> ${t.t('pagination.previous')}</a
          >`
        : ''
    }<span class="pagination__position">${t.t('pagination.position', { page: t.number(page), count: t.number(pageCount) })}</span>${
      page < pageCount
        ? html`<a class="button button--secondary" href="${hrefOf(page + 1)}" rel="next">${t.t('pagination.next')} <span aria-hidden="true">→</span></a>`
        : ''
    }
  </nav>`;
}
