import {
  INITIATIVE_TRANSFER_COLUMNS,
  MILESTONE_TRANSFER_COLUMNS,
  type InitiativeTransferColumn,
  type MilestoneTransferColumn,
  type TransferSheet,
} from '@fremdrift/contracts';
import type { ExportLanguage } from '../../core/export/labels';

type Labels<C extends string> = Record<ExportLanguage, Record<C, string>>;

export const INITIATIVE_COLUMN_LABELS: Labels<InitiativeTransferColumn> = {
  da: {
    id: 'Id',
    externalReference: 'Ekstern reference',
    actionPlan: 'Handleplan',
    goal: 'Mål',
    title: 'Titel',
    summary: 'Resumé',
    description: 'Beskrivelse',
    leadDepartment: 'Ansvarlig afdeling',
    participatingDepartments: 'Deltagende afdelinger',
    ownerName: 'Ansvarlig person',
    status: 'Status',
    health: 'Vurdering',
    startDate: 'Startdato',
    targetDate: 'Slutdato',
    cancellationReason: 'Begrundelse for annullering',
    internalNotes: 'Interne noter',
    progress: 'Fremdrift',
    expectedProgress: 'Forventet fremdrift',
  },
  en: {
    id: 'Id',
    externalReference: 'External reference',
    actionPlan: 'Action plan',
    goal: 'Goal',
    title: 'Title',
    summary: 'Summary',
    description: 'Description',
    leadDepartment: 'Lead department',
    participatingDepartments: 'Participating departments',
    ownerName: 'Owner',
    status: 'Status',
    health: 'Health',
    startDate: 'Start date',
    targetDate: 'Target date',
    cancellationReason: 'Cancellation reason',
    internalNotes: 'Internal notes',
    progress: 'Progress',
    expectedProgress: 'Expected progress',
  },
};

export const MILESTONE_COLUMN_LABELS: Labels<MilestoneTransferColumn> = {
  da: {
    id: 'Id',
    initiativeId: 'Initiativ-id',
    initiativeExternalReference: 'Initiativets eksterne reference',
    initiativeTitle: 'Initiativ',
    title: 'Titel',
    description: 'Beskrivelse',
    dueDate: 'Frist',
    completedDate: 'Nået den',
    weight: 'Vægt',
    position: 'Rækkefølge',
  },
  en: {
    id: 'Id',
    initiativeId: 'Initiative id',
    initiativeExternalReference: 'Initiative external reference',
    initiativeTitle: 'Initiative',
    title: 'Title',
    description: 'Description',
    dueDate: 'Due date',
    completedDate: 'Completed on',
    weight: 'Weight',
    position: 'Position',
  },
};

export const SHEET_NAMES: Record<ExportLanguage, Record<TransferSheet, string> & { guide: string }> = {
  da: { initiatives: 'Initiativer', milestones: 'Milepæle', guide: 'Vejledning' },
  en: { initiatives: 'Initiatives', milestones: 'Milestones', guide: 'Guide' },
};

/** Headers compare without case, spaces, hyphens or underscores: "Slut dato", "SLUTDATO" and "targetDate" all name one column. */
export const headerKey = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/[\s\-_.]+/g, '');

/** Every header text that names each column: its key and its label in either language. */
function headerIndex<C extends string>(columns: readonly C[], labels: Labels<C>): Map<string, C> {
  const index = new Map<string, C>();
  for (const column of columns) {
    for (const text of [column, labels.da[column], labels.en[column]]) index.set(headerKey(text), column);
  }
  return index;
}

export const INITIATIVE_HEADERS = headerIndex(INITIATIVE_TRANSFER_COLUMNS, INITIATIVE_COLUMN_LABELS);
export const MILESTONE_HEADERS = headerIndex(MILESTONE_TRANSFER_COLUMNS, MILESTONE_COLUMN_LABELS);

/** Columns a sheet must have; an import refuses a file without them before it reads a row. */
export const REQUIRED_COLUMNS: { initiatives: readonly InitiativeTransferColumn[]; milestones: readonly MilestoneTransferColumn[] } = {
  initiatives: ['title'],
  milestones: ['title'],
};

/** The sheet a table of headers is: the milestones sheet names an initiative or a due date, the initiatives sheet a lead department. */
export function sheetOfHeaders(headers: readonly string[]): TransferSheet | null {
  const keys = new Set(headers.map(headerKey));
  const has = (index: Map<string, string>, column: string) => [...keys].some((key) => index.get(key) === column);
  if (has(MILESTONE_HEADERS, 'initiativeId') || has(MILESTONE_HEADERS, 'initiativeExternalReference') || has(MILESTONE_HEADERS, 'dueDate')) return 'milestones';
  if ([...keys].some((key) => INITIATIVE_HEADERS.has(key))) return 'initiatives';
  return null;
}

/** The sheet a worksheet's name says it is, in either language. */
export function sheetOfName(name: string): TransferSheet | 'guide' | null {
  const key = headerKey(name);
  for (const language of ['da', 'en'] as const) {
    for (const [sheet, label] of Object.entries(SHEET_NAMES[language])) if (headerKey(label) === key) return sheet as TransferSheet | 'guide';
  }
  return null;
}
