import { HEALTHS, INITIATIVE_STATUSES, LIMITS, type DepartmentRef, type Health, type InitiativeStatus, type PublicInitiative } from '@fremdrift/contracts';
import { html, type SafeHtml } from './html';
import { initiativeCard, pagination, planHref } from './components';
import type { Translator } from './public-site-texts';

/** Initiatives per page on the front page. */
export const FRONT_PAGE_SIZE = 24;
/** Page numbers beyond this are read as this (the API's own limit on offsets stays far away). */
const MAX_PAGE = 100_000;

/** The front page's query: what the search form sends, read leniently (a value that is not a choice is no filter). */
export interface FrontFilters {
  q: string;
  department: string;
  goal: string;
  health: Health | '';
  status: InitiativeStatus | '';
}

export interface FrontQuery {
  filters: FrontFilters;
  page: number;
  /** As the open-data API takes it (1–100); the page's own size when absent or out of range. */
  pageSize: number;
  /** The search text is longer than the API accepts: shown as an error on the field, not searched. */
  qTooLong: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function parseFrontQuery(query: Record<string, unknown>): FrontQuery {
  const q = one(query['q']).trim();
  const department = one(query['department']).trim();
  const goal = one(query['goal']).trim().toLowerCase();
  const health = one(query['health']);
  const status = one(query['status']);
  const page = Number.parseInt(one(query['page']), 10);
  const pageSize = Number(one(query['pageSize']) || Number.NaN);
  return {
    filters: {
      q,
      department: department.length <= LIMITS.departmentCode.max ? department : '',
      goal: UUID.test(goal) ? goal : '',
      health: (HEALTHS as readonly string[]).includes(health) ? (health as Health) : '',
      status: (INITIATIVE_STATUSES as readonly string[]).includes(status) ? (status as InitiativeStatus) : '',
    },
    page: Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= LIMITS.pageSize.min && pageSize <= LIMITS.pageSize.max ? pageSize : FRONT_PAGE_SIZE,
    qTooLong: q.length > LIMITS.searchText.max,
  };
}

/** The front page's address with these filters and page: only the filters in use, the page from the second, a size other than the page's own. */
export function frontHref(filters: FrontFilters, page = 1, pageSize = FRONT_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (pageSize !== FRONT_PAGE_SIZE) params.set('pageSize', String(pageSize));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export interface FrontPageData {
  items: PublicInitiative[];
  total: number;
  page: number;
  pageSize: number;
  lastUpdatedAt: string | null;
  /** The department filter's choices. */
  departments: DepartmentRef[];
  /** The goal filter's choices. */
  goals: { id: string; title: string }[];
}

interface GoalGroup {
  id: string;
  title: string | null;
  items: PublicInitiative[];
}

interface PlanGroup {
  id: string;
  title: string;
  goals: GoalGroup[];
}

/** Initiatives grouped by action plan, then goal, in the order they came (the API's); those without a goal last in their plan. */
export function groupByPlanAndGoal(items: readonly PublicInitiative[]): PlanGroup[] {
  const plans = new Map<string, PlanGroup>();
  for (const item of items) {
    let plan = plans.get(item.actionPlan.id);
    if (!plan) {
      plan = { id: item.actionPlan.id, title: item.actionPlan.title, goals: [] };
      plans.set(plan.id, plan);
    }
    const goalId = item.goal?.id ?? '';
    let goal = plan.goals.find((g) => g.id === goalId);
    if (!goal) {
      goal = { id: goalId, title: item.goal?.title ?? null, items: [] };
      plan.goals.push(goal);
    }
    goal.items.push(item);
  }
  for (const plan of plans.values()) plan.goals.sort((a, b) => Number(a.title === null) - Number(b.title === null));
  return [...plans.values()];
}

export const OPEN_DATA = {
  json: '/api/public/initiatives.json',
  csv: '/api/public/initiatives.csv',
  feed: '/api/public/feed.atom',
} as const;

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}" ${selected ? html` selected` : ''}>${label}</option>`;
}

function filtersForm(t: Translator, query: FrontQuery, data: FrontPageData): SafeHtml {
  const { filters } = query;
  const anyFilter = Object.values(filters).some(Boolean);
  const departments = [...data.departments].sort((a, b) => t.compare(a.name, b.name));
  const qError = query.qTooLong ? t.t('pub.front.searchTooLong', { max: t.number(LIMITS.searchText.max) }) : '';
  return html`<section class="public-filters" aria-labelledby="filters-heading">
    <h2 id="filters-heading" class="visually-hidden">${t.t('pub.front.filters')}</h2>
    <form class="public-filters__form" role="search" method="get" action="/">
      ${query.pageSize === FRONT_PAGE_SIZE ? '' : html`<input type="hidden" name="pageSize" value="${query.pageSize}" />`}
      <div class="field public-filters__search">
        <label for="public-q">${t.t('pub.front.search')}</label>
        <p class="field-hint" id="public-q-hint">${t.t('pub.front.searchHint')}</p>
        <input
          id="public-q"
          name="q"
          type="search"
          value="${filters.q}"
          aria-describedby="public-q-hint${qError ? ' public-q-error' : ''}"
          ${qError ? html` aria-invalid="true"` : ''}
        />
        ${qError ? html`<p class="field-error" id="public-q-error">${qError}</p>` : ''}
      </div>
      <div class="field">
        <label for="public-department">${t.t('pub.front.department')}</label>
        <select id="public-department" name="department">
          ${option('', t.t('pub.front.all'), !filters.department)}${departments.map((d) => option(d.code, d.name, filters.department === d.code))}
        </select>
      </div>
      <div class="field">
        <label for="public-goal">${t.t('pub.front.goal')}</label>
        <select id="public-goal" name="goal">
          ${option('', t.t('pub.front.all'), !filters.goal)}${data.goals.map((g) => option(g.id, g.title, filters.goal === g.id))}
        </select>
      </div>
      <div class="field">
        <label for="public-health">${t.t('pub.front.health')}</label>
        <select id="public-health" name="health">
          ${option('', t.t('pub.front.all'), !filters.health)}${HEALTHS.map((h) => option(h, t.t(`enum.health.${h}`), filters.health === h))}
        </select>
      </div>
      <div class="field">
        <label for="public-status">${t.t('pub.front.status')}</label>
        <select id="public-status" name="status">
          ${option('', t.t('pub.front.all'), !filters.status)}${INITIATIVE_STATUSES.map((s) => option(s, t.t(`enum.status.${s}`), filters.status === s))}
        </select>
      </div>
      <div class="public-filters__actions">
        <button type="submit" class="button">${t.t('pub.front.submit')}</button>
        ${anyFilter ? html`<a class="button button--secondary" href="/">${t.t('pub.front.clear')}</a>` : ''}
      </div>
    </form>
  </section>`;
}

function results(t: Translator, query: FrontQuery, data: FrontPageData): SafeHtml {
  const anyFilter = Object.values(query.filters).some(Boolean);
  if (query.qTooLong) return html``;
  if (data.items.length === 0) {
    const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));
    if (data.total > 0 && data.page > pageCount) {
      return html`<div class="notice notice--empty">
        <p class="notice__title">${t.t('pub.front.pageTooFar')}</p>
        <p><a href="${frontHref(query.filters, 1, query.pageSize)}">${t.t('pub.front.firstPage')}</a></p>
      </div>`;
    }
    if (anyFilter) {
      return html`<div class="notice notice--empty">
        <p class="notice__title">${t.t('pub.front.noMatch')}</p>
        <p>${t.t('pub.front.noMatchHint')}</p>
        <p><a class="button button--secondary" href="/">${t.t('pub.front.clear')}</a></p>
      </div>`;
    }
    return html`<div class="notice notice--empty"><p>${t.t('pub.front.none')}</p></div>`;
  }
  return html`${groupByPlanAndGoal(data.items).map(
    (plan) =>
      html`<section class="plan" aria-labelledby="plan-${plan.id}">
        <h2 id="plan-${plan.id}">${plan.title}</h2>
        <p>
          <a href="${planHref(plan.id)}">${t.t('pub.front.planLink')}<span class="visually-hidden">: ${plan.title}</span></a>
        </p>
        ${plan.goals.map(
          (goal) =>
            html`<h3 class="goal">${goal.title ?? t.t('pub.front.noGoal')}</h3>
              <ul class="cards">
                ${goal.items.map((initiative) => html`<li>${initiativeCard(t, initiative, 4)}</li>`)}
              </ul>`,
        )}
      </section>`,
  )}
  ${pagination(t, data.page, data.total, data.pageSize, (page) => frontHref(query.filters, page, query.pageSize))}`;
}

/** The public front page: the published initiatives by plan and goal, a page at a time, searched and filtered on the server. */
export function renderFrontPage(t: Translator, query: FrontQuery, data: FrontPageData): SafeHtml {
  const count = query.qTooLong ? '' : t.plural('pub.front.count', data.total);
  return html`<div class="page-head">
      <h1>${t.t('pub.front.title')}</h1>
      <p class="page-head__lead">${t.t('pub.front.lead')}</p>
      ${data.lastUpdatedAt ? html`<p class="meta">${t.t('pub.front.lastUpdated', { date: t.dateTime(data.lastUpdatedAt) })}</p>` : ''}
    </div>
    ${filtersForm(t, query, data)}
    <p class="results__summary" role="status">${count}</p>
    <div class="results">${results(t, query, data)}</div>
    <section class="open-data" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading">${t.t('pub.front.openData')}</h2>
      <p>${t.t('pub.front.openDataLead')}</p>
      <ul>
        <li><a href="${OPEN_DATA.json}" download>${t.t('pub.front.json')}</a></li>
        <li><a href="${OPEN_DATA.csv}" download>${t.t('pub.front.csv')}</a></li>
        <li><a href="${OPEN_DATA.feed}">${t.t('pub.front.feed')}</a></li>
        <li><a href="/om-data">${t.t('pub.front.aboutLink')}</a></li>
      </ul>
    </section>`;
}
