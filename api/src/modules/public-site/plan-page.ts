import { PARTICIPANT_GROUPS, type Page, type PublicActionPlan, type PublicInitiative } from '@fremdrift/contracts';
import { PROGRESS_RULE_HREF } from './about-data-page';
import { initiativeCard, pagination, planHref } from './components';
import { followForm } from './follow-page';
import { html } from './html';
import { describe, recordNotFound, type PageContent } from './initiative-page';
import type { Translator } from './public-site-texts';

/** The plan's initiatives per page, as on the front page. */
export const PLAN_PAGE_SIZE = 24;

/** The address of a page of the plan's initiatives: page 1 keeps it short. */
export const planPageHref = (id: string, page: number): string => (page > 1 ? `${planHref(id)}?page=${page}` : planHref(id));

/** A page number from the query: anything but a whole number from 1 to `max` is the first page. */
export function parsePage(value: unknown, max = 100_000): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return 1;
  return Math.min(max, Math.max(1, Number(text)));
}

/** The story of one action plan: how it was co-created, by whom, its goals and its published initiatives a page at a time. */
export function planPage(t: Translator, plan: PublicActionPlan, initiatives: Page<PublicInitiative>): PageContent {
  const participants = PARTICIPANT_GROUPS.map((group) => ({ group, count: plan.participants[group] ?? 0 }));
  const total = participants.reduce((sum, p) => sum + p.count, 0);
  const feed = `/api/public/action-plans/${encodeURIComponent(plan.id)}/feed.atom`;
  const main = html`<p><a class="back-link" href="/">${t.t('pub.initiative.back')}</a></p>
    <div class="page-head">
      <h1>${plan.title}</h1>
      <p class="page-head__lead">${plan.description}</p>
      <p><a href="${feed}">${t.t('pub.plan.feed')}</a></p>
    </div>
    <section class="section" aria-labelledby="story-heading">
      <h2 id="story-heading">${t.t('pub.plan.story')}</h2>
      ${plan.coCreationDate ? html`<p>${t.t('pub.plan.coCreatedOn', { date: t.date(plan.coCreationDate) })}</p>` : ''}
      ${
        plan.coCreationMethod
          ? html`<h3>${t.t('pub.plan.method')}</h3>
              <p class="prose">${plan.coCreationMethod}</p>`
          : ''
      }
      <h3 id="participants-heading">${t.t('pub.plan.participants')}</h3>
      <p>${t.plural('pub.plan.participantsLead', total)}</p>
      <div class="table-scroll">
        <table class="data-table participants" aria-labelledby="participants-heading">
          <thead>
            <tr>
              <th scope="col">${t.t('pub.plan.group')}</th>
              <th scope="col" class="numeric">${t.t('pub.plan.number')}</th>
            </tr>
          </thead>
          <tbody>
            ${participants.map(
              (row) =>
                html`<tr>
                  <th scope="row">${t.t(`pub.plan.groups.${row.group}`)}</th>
                  <td class="numeric">${t.number(row.count)}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t.t('pub.plan.total')}</th>
              <td class="numeric">${t.number(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
    ${
      plan.goals.length > 0
        ? html`<section class="section" aria-labelledby="goals-heading">
            <h2 id="goals-heading">${t.t('pub.plan.goals')}</h2>
            <ul class="goals">
              ${plan.goals.map((g) => html`<li><strong>${g.title}</strong>${g.description ? html`<br />${g.description}` : ''}</li>`)}
            </ul>
          </section>`
        : ''
    }
    <section class="section" aria-labelledby="plan-initiatives-heading">
      <h2 id="plan-initiatives-heading">${t.t('pub.plan.initiatives')}</h2>
      <p class="rule-note"><a href="${PROGRESS_RULE_HREF}">${t.t('pub.about.rule.link')}</a></p>
      ${
        initiatives.items.length === 0
          ? html`<p>${t.t('pub.plan.noInitiatives')}</p>`
          : html`<ul class="cards">
              ${initiatives.items.map((initiative) => html`<li>${initiativeCard(t, initiative, 3)}</li>`)}
            </ul>`
      }
      ${pagination(t, initiatives.page, initiatives.total, initiatives.pageSize, (page) => planPageHref(plan.id, page))}
    </section>
    ${followForm(t, { kind: 'plan', id: plan.id, title: plan.title })}`;
  return { title: plan.title, description: describe(plan.description || plan.title), main };
}

export function planNotFound(t: Translator): PageContent {
  return recordNotFound(t, t.t('pub.plan.notFoundTitle'), t.t('pub.plan.notFoundLead'));
}
