import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PUBLIC_API } from '../data/public-api';
import { PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';

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

/** "Om data": the open-data endpoints, fields, CSV columns and feeds in plain words. */
@Component({
  selector: 'fd-public-about-data',
  imports: [PubTextPipe],
  templateUrl: './about-data.html',
  styleUrl: '../public-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AboutData {
  protected readonly api = PUBLIC_API;
  protected readonly fields = PUBLIC_FIELDS;
  protected readonly columns = CSV_COLUMN_NAMES;
  protected readonly endpoints = [
    { path: PUBLIC_API.initiatives, key: 'about.eJson', link: true },
    { path: '/api/public/initiatives/{id}', key: 'about.eOne', link: false },
    { path: PUBLIC_API.actionPlans, key: 'about.ePlans', link: true },
    { path: '/api/public/action-plans/{id}', key: 'about.ePlan', link: false },
    { path: PUBLIC_API.csv, key: 'about.eCsv', link: true },
    { path: PUBLIC_API.feed, key: 'about.eFeed', link: true },
    { path: '/api/public/action-plans/{id}/feed.atom', key: 'about.ePlanFeed', link: false },
  ];

  constructor() {
    usePublicTexts();
  }
}
