import { INITIATIVE_STATUSES } from '@fremdrift/contracts';
import { PROGRESS_BY_STATUS } from '@fremdrift/progress';
import { html, type SafeHtml } from './html';
import type { Translator } from './public-site-texts';
import { schemaOrgDatasets, type DcatCatalogDocument } from './schema-org';

/** The JSON fields of a public initiative, in the contract's order (libs/contracts public.ts). */
export const PUBLIC_FIELDS = [
  'id',
  'title',
  'summary',
  'actionPlan',
  'goal',
  'leadDepartment',
  'participatingDepartments',
  'status',
  'health',
  'progress',
  'expectedProgress',
  'startDate',
  'targetDate',
  'milestones',
  'updates',
  'partners',
  'lastUpdatedAt',
] as const;

/** The CSV's columns, in the file's order (CSV_COLUMNS in modules/public/public-formats.ts). */
export const CSV_COLUMN_NAMES = [
  'id',
  'titel',
  'resume',
  'handleplan',
  'maal',
  'ansvarlig_afdeling_kode',
  'ansvarlig_afdeling',
  'deltagende_afdelinger',
  'status',
  'vurdering',
  'fremdrift_procent',
  'forventet_fremdrift_procent',
  'startdato',
  'slutdato',
  'milepaele_i_alt',
  'milepaele_naaet',
  'seneste_status_periode_slut',
  'seneste_status_tekst',
  'samarbejdspartnere',
  'sidst_opdateret',
] as const;

/** Where the public pages explain the progress rule: "Om data", at this fragment. */
export const PROGRESS_RULE_HREF = '/om-data#beregning';

const API = {
  initiatives: '/api/public/initiatives',
  json: '/api/public/initiatives.json',
  actionPlans: '/api/public/action-plans',
  csv: '/api/public/initiatives.csv',
  feed: '/api/public/feed.atom',
  catalog: '/api/public/dcat/catalog',
  catalogTurtle: '/api/public/dcat/catalog.ttl',
  catalogJsonLd: '/api/public/dcat/catalog.jsonld',
} as const;

const ENDPOINTS = [
  { path: API.initiatives, key: 'pub.about.eList', link: true },
  { path: API.json, key: 'pub.about.eJson', link: true },
  { path: '/api/public/initiatives/{id}', key: 'pub.about.eOne', link: false },
  { path: API.actionPlans, key: 'pub.about.ePlans', link: true },
  { path: '/api/public/action-plans/{id}', key: 'pub.about.ePlan', link: false },
  { path: API.csv, key: 'pub.about.eCsv', link: true },
  { path: API.feed, key: 'pub.about.eFeed', link: true },
  { path: '/api/public/action-plans/{id}/feed.atom', key: 'pub.about.ePlanFeed', link: false },
] as const;

const code = (path: string) => html`<code>${path}</code>`;

/**
 * "Om data": the open-data addresses, fields, CSV columns and feeds in plain words, how progress is
 * computed, and the DCAT catalog for data portals; each dataset of the catalog is also a schema.org
 * `Dataset` for search engines.
 */
export function renderAboutData(t: Translator, catalog: DcatCatalogDocument | null): { main: SafeHtml; jsonLd?: unknown } {
  const main = html`<div class="page-head">
      <h1>${t.t('pub.about.title')}</h1>
      <p class="page-head__lead">${t.t('pub.about.lead')}</p>
    </div>
    <section class="prose-section" aria-labelledby="endpoints-heading">
      <h2 id="endpoints-heading">${t.t('pub.about.endpoints')}</h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="endpoints-heading">
        <table class="data-table" aria-labelledby="endpoints-heading">
          <thead>
            <tr>
              <th scope="col">${t.t('pub.about.endpoint')}</th>
              <th scope="col">${t.t('pub.about.format')}</th>
            </tr>
          </thead>
          <tbody>
            ${ENDPOINTS.map(
              (e) =>
                html`<tr>
                  <td>${e.link ? html`<a href="${e.path}">${code(e.path)}</a>` : code(e.path)}</td>
                  <td>${t.t(e.key)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>${t.t('pub.about.values')}</p>
    </section>
    <section class="prose-section" aria-labelledby="fields-heading">
      <h2 id="fields-heading">${t.t('pub.about.fields')}</h2>
      <dl class="terms">
        ${PUBLIC_FIELDS.map(
          (f) =>
            html`<dt>${code(f)}</dt>
              <dd>${t.t(`pub.about.f.${f}`)}</dd>`,
        )}
      </dl>
    </section>
    <section class="prose-section" aria-labelledby="columns-heading">
      <h2 id="columns-heading">${t.t('pub.about.columns')}</h2>
      <p>${t.t('pub.about.eCsv')}</p>
      <dl class="terms">
        ${CSV_COLUMN_NAMES.map(
          (c) =>
            html`<dt>${code(c)}</dt>
              <dd>${t.t(`pub.about.c.${c}`)}</dd>`,
        )}
      </dl>
    </section>
    <section class="prose-section" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">${t.t('pub.about.feeds')}</h2>
      <p>${t.t('pub.about.feedsLead')}</p>
      <ul>
        <li><a href="${API.feed}">${code(API.feed)}</a>: ${t.t('pub.about.eFeed')}</li>
        <li>${code('/api/public/action-plans/{id}/feed.atom')}: ${t.t('pub.about.ePlanFeed')}</li>
      </ul>
    </section>
    <section class="prose-section" id="beregning" aria-labelledby="rule-heading" tabindex="-1">
      <h2 id="rule-heading">${t.t('pub.about.rule.title')}</h2>
      <p>${t.t('pub.about.rule.milestones')}</p>
      <p>${t.t('pub.about.rule.completed', { share: t.percent(PROGRESS_BY_STATUS.completed) })}</p>
      <div class="table-scroll">
        <table class="data-table">
          <caption>
            ${t.t('pub.about.rule.byStatus')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.t('pub.about.rule.status')}</th>
              <th scope="col" class="numeric">${t.t('pub.about.rule.progress')}</th>
            </tr>
          </thead>
          <tbody>
            ${INITIATIVE_STATUSES.map(
              (status) =>
                html`<tr>
                  <th scope="row">${t.t(`enum.status.${status}`)}</th>
                  <td class="numeric">${t.percent(PROGRESS_BY_STATUS[status])}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>${t.t('pub.about.rule.expected')}</p>
      <p>${t.t('pub.about.rule.rollUp')}</p>
      <p>${t.t('pub.about.rule.check')}</p>
    </section>
    <section class="prose-section" aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">${t.t('pub.about.catalog')}</h2>
      <p>${t.t('pub.about.catalogLead')}</p>
      <ul>
        <li><a href="${API.catalogTurtle}">${code(API.catalogTurtle)}</a>: ${t.t('pub.about.catalogTurtle')}</li>
        <li><a href="${API.catalogJsonLd}">${code(API.catalogJsonLd)}</a>: ${t.t('pub.about.catalogJsonLd')}</li>
        <li>${code(API.catalog)}: ${t.t('pub.about.catalogNegotiated')}</li>
      </ul>
    </section>`;
  const datasets = catalog ? schemaOrgDatasets(catalog, t.lang) : [];
  return { main, ...(datasets.length ? { jsonLd: datasets.length === 1 ? datasets[0] : datasets } : {}) };
}
