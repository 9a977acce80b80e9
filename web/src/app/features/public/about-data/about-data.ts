import { httpResource } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, Scroll } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { PROGRESS_BY_STATUS } from '@fremdrift/progress';
import { I18n } from '../../../core/i18n/i18n';
import { PROGRESS_RULE_LINK, PROGRESS_WITHOUT_MILESTONES } from '../data/progress-rule';
import { PUBLIC_API } from '../data/public-api';
import { PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';
import { schemaOrgDatasets, type DcatCatalogDocument } from '../data/schema-org';

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

/** The CSV's columns, in the file's order (the API's CSV_COLUMNS in public-formats.ts). */
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

/**
 * "Om data": the open-data endpoints, fields, CSV columns and feeds in plain words, how progress is
 * computed, and the DCAT catalog for data portals. For search engines, each dataset of the catalog
 * is also described as a schema.org `Dataset` in the page's head.
 */
@Component({
  selector: 'fd-public-about-data',
  imports: [PubTextPipe, TranslatePipe],
  templateUrl: './about-data.html',
  styleUrl: '../public-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AboutData {
  protected readonly api = PUBLIC_API;
  protected readonly fields = PUBLIC_FIELDS;
  protected readonly columns = CSV_COLUMN_NAMES;
  protected readonly endpoints = [
    { path: PUBLIC_API.initiatives, key: 'about.eList', link: true },
    { path: PUBLIC_API.json, key: 'about.eJson', link: true },
    { path: '/api/public/initiatives/{id}', key: 'about.eOne', link: false },
    { path: PUBLIC_API.actionPlans, key: 'about.ePlans', link: true },
    { path: '/api/public/action-plans/{id}', key: 'about.ePlan', link: false },
    { path: PUBLIC_API.csv, key: 'about.eCsv', link: true },
    { path: PUBLIC_API.feed, key: 'about.eFeed', link: true },
    { path: '/api/public/action-plans/{id}/feed.atom', key: 'about.ePlanFeed', link: false },
  ];

  protected readonly i18n = inject(I18n);
  protected readonly withoutMilestones = PROGRESS_WITHOUT_MILESTONES;
  protected readonly completedShare = PROGRESS_BY_STATUS.completed;
  protected readonly ruleId = PROGRESS_RULE_LINK.fragment;
  private readonly catalog = httpResource<DcatCatalogDocument>(() => PUBLIC_API.catalogJsonLd);

  constructor() {
    usePublicTexts();
    const document = inject(DOCUMENT);
    let scripts: HTMLScriptElement[] = [];
    const removeScripts = () => {
      for (const script of scripts) script.remove();
      scripts = [];
    };
    effect(() => {
      const catalog = this.catalog.hasValue() ? this.catalog.value() : null;
      const language = this.i18n.language();
      removeScripts();
      if (!catalog) return;
      for (const dataset of schemaOrgDatasets(catalog, language)) {
        // A data block, not a script: Angular's templates would drop it, and the CSP does not apply to it.
        const script = document.createElement('script');
        script.type = 'application/ld+json';
        script.textContent = JSON.stringify(dataset);
        document.head.appendChild(script);
        scripts.push(script);
      }
    });
    inject(DestroyRef).onDestroy(removeScripts);
    // On each navigation the router scrolls to the top (the app has no anchor scrolling); the plan
    // and initiative pages link to the rule, so its section is scrolled to and focused right after.
    inject(Router)
      .events.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        const anchor = event instanceof Scroll ? event.anchor : null;
        if (!anchor) return;
        setTimeout(() => {
          const target = document.getElementById(anchor);
          target?.scrollIntoView();
          target?.focus({ preventScroll: true });
        });
      });
  }
}
