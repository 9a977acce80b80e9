import type { PublicInitiative, PublicMilestone, PublicUpdate } from '@fremdrift/contracts';
import { PROGRESS_RULE_HREF } from './about-data-page';
import { healthBadge, initiativeHref, planHref, progressBar, statusTag } from './components';
import { followForm } from './follow-page';
import { html, type SafeHtml } from './html';
import type { Translator } from './public-site-texts';

/** What a page renderer gives the layout: everything but the frame's own facts (language, path, session). */
export interface PageContent {
  title: string;
  description: string;
  main: SafeHtml;
}

export type TimelineEntry = { kind: 'milestone'; date: string | null; milestone: PublicMilestone } | { kind: 'update'; date: string; update: PublicUpdate };

/** Milestones (by the date reached, else due) and updates (by period end), newest first; undated milestones last. */
export function timeline(initiative: PublicInitiative): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...initiative.milestones.map((milestone): TimelineEntry => ({ kind: 'milestone', date: milestone.completedDate ?? milestone.dueDate, milestone })),
    ...initiative.updates.map((update): TimelineEntry => ({ kind: 'update', date: update.periodEnd, update })),
  ];
  return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0));
}

/** A meta description from a text a user wrote: whole words, marked with an ellipsis where it is cut. */
export function describe(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function timelineEntry(t: Translator, entry: TimelineEntry): SafeHtml {
  if (entry.kind === 'milestone') {
    const { milestone } = entry;
    const kind = milestone.completedDate
      ? `${t.t('pub.initiative.milestoneDone')} · ${t.date(milestone.completedDate)}`
      : milestone.dueDate
        ? `${t.t('pub.initiative.milestoneDue')} · ${t.date(milestone.dueDate)}`
        : t.t('pub.initiative.milestoneOpen');
    return html`<li class="timeline__item timeline__item--milestone${milestone.completedDate ? ' timeline__item--done' : ''}">
      <p class="timeline__kind">${kind}</p>
      <h3 class="timeline__title">${milestone.title}</h3>
    </li>`;
  }
  const { update } = entry;
  return html`<li class="timeline__item timeline__item--update">
    <h3 class="timeline__title">${t.t('pub.initiative.updatePeriod', { from: t.date(update.periodStart), to: t.date(update.periodEnd) })}</h3>
    ${healthBadge(t, update.health)}
    <p class="timeline__text">${update.text}</p>
    <p class="meta">${t.t('pub.initiative.published', { date: t.date(update.publishedAt) })}</p>
  </li>`;
}

const fact = (term: string, definition: SafeHtml | string) =>
  html`<div>
    <dt>${term}</dt>
    <dd>${definition}</dd>
  </div>`;

/** One published initiative at a stable address: its facts, its timeline and the form to follow it. */
export function initiativePage(t: Translator, initiative: PublicInitiative): PageContent {
  const participating = initiative.participatingDepartments.map((d) => d.name).join(', ');
  const entries = timeline(initiative);
  const href = initiativeHref(initiative.id);
  const main = html`<p><a class="back-link" href="/">${t.t('pub.initiative.back')}</a></p>
    <div class="page-head">
      <h1>${initiative.title}</h1>
      <p class="page-head__lead">${initiative.summary}</p>
    </div>
    <div class="facts">
      <div class="facts__state">${healthBadge(t, initiative.health)} ${statusTag(t, initiative.status)}</div>
      ${progressBar(t, initiative.progress, initiative.expectedProgress, t.t('pub.card.progress', { title: initiative.title }))}
      <p class="rule-note"><a href="${PROGRESS_RULE_HREF}">${t.t('pub.about.rule.link')}</a></p>
      <dl class="facts__list">
        ${fact(t.t('pub.initiative.plan'), html`<a href="${planHref(initiative.actionPlan.id)}">${initiative.actionPlan.title}</a>`)}
        ${initiative.goal ? fact(t.t('pub.initiative.goal'), initiative.goal.title) : ''} ${fact(t.t('pub.card.lead'), initiative.leadDepartment.name)}
        ${participating ? fact(t.t('pub.card.participating'), participating) : ''}
        ${initiative.startDate ? fact(t.t('pub.initiative.from'), t.date(initiative.startDate)) : ''}
        ${initiative.targetDate ? fact(t.t('pub.initiative.to'), t.date(initiative.targetDate)) : ''}
        ${
          initiative.partners.length > 0
            ? fact(
                t.t('pub.card.partners'),
                html`<ul class="plain-list">
                  ${initiative.partners.map(
                    (p) => html`<li>${p.name} <span class="meta">(${t.t(`pub.initiative.partnerTypes.${p.type}`)}${p.role ? `, ${p.role}` : ''})</span></li>`,
                  )}
                </ul>`,
              )
            : ''
        }
        ${fact(t.t('pub.initiative.share'), html`<a href="${href}">${href}</a>`)}
      </dl>
      <p class="meta">${t.t('pub.card.updated', { date: t.dateTime(initiative.lastUpdatedAt) })}</p>
    </div>
    <section aria-labelledby="timeline-heading" class="timeline-section">
      <h2 id="timeline-heading">${t.t('pub.initiative.timeline')}</h2>
      <p>${t.t('pub.initiative.timelineLead')}</p>
      ${entries.length === 0 ? html`<p>${t.t('pub.initiative.noMilestones')} ${t.t('pub.initiative.noUpdates')}</p>` : ''}
      ${
        entries.length === 0
          ? ''
          : html`<ol class="timeline">
              ${entries.map((entry) => timelineEntry(t, entry))}
            </ol>`
      }
    </section>
    ${followForm(t, { kind: 'initiative', id: initiative.id, title: initiative.title })}`;
  return { title: initiative.title, description: describe(initiative.summary || initiative.title), main };
}

/** An id that is unknown, or of an initiative that is not public: the same page for both, so it tells nothing. */
export function initiativeNotFound(t: Translator): PageContent {
  return recordNotFound(t, t.t('pub.initiative.notFoundTitle'), t.t('pub.initiative.notFoundLead'));
}

/** The page for a record (initiative or plan) that is not public: its heading and lead, and the way back to the front page. */
export function recordNotFound(t: Translator, title: string, lead: string): PageContent {
  return {
    title,
    description: lead,
    main: html`<p><a class="back-link" href="/">${t.t('pub.initiative.back')}</a></p>
      <div class="page-head">
        <h1>${title}</h1>
        <p class="page-head__lead">${lead}</p>
      </div>
      <p><a href="/">${t.t('pub.initiative.notFoundLink')}</a></p>`,
  };
}
