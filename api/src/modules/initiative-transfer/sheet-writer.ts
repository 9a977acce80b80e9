import { Workbook, type Worksheet } from 'exceljs';
import {
  HEALTHS,
  IMPORT_LIMITS,
  INITIATIVE_STATUSES,
  INITIATIVE_TRANSFER_COLUMNS,
  LIMITS,
  MILESTONE_TRANSFER_COLUMNS,
  READ_ONLY_INITIATIVE_COLUMNS,
  READ_ONLY_MILESTONE_COLUMNS,
  type InitiativeTransferColumn,
  type MilestoneTransferColumn,
} from '@fremdrift/contracts';
import { toCsv, type CsvCell } from '../../core/export/csv';
import { EXPORT_LABELS, type ExportLanguage } from '../../core/export/labels';
import { neutralizeFormula } from '../../core/export/spreadsheet-text';
import { INITIATIVE_COLUMN_LABELS, MILESTONE_COLUMN_LABELS, SHEET_NAMES } from './transfer-columns';

export type InitiativeCells = Record<InitiativeTransferColumn, CsvCell>;
export type MilestoneCells = Record<MilestoneTransferColumn, CsvCell>;

export interface TransferTables {
  initiatives: InitiativeCells[];
  milestones: MilestoneCells[];
}

const DATE_FORMAT = 'yyyy-mm-dd';
const PERCENT = '0%';

const INITIATIVE_FORMATS: Partial<Record<InitiativeTransferColumn, { width: number; format?: string }>> = {
  id: { width: 38 },
  title: { width: 40 },
  summary: { width: 40 },
  description: { width: 40 },
  startDate: { width: 12, format: DATE_FORMAT },
  targetDate: { width: 12, format: DATE_FORMAT },
  progress: { width: 12, format: PERCENT },
  expectedProgress: { width: 12, format: PERCENT },
};
const MILESTONE_FORMATS: Partial<Record<MilestoneTransferColumn, { width: number; format?: string }>> = {
  id: { width: 38 },
  initiativeId: { width: 38 },
  initiativeTitle: { width: 40 },
  title: { width: 40 },
  description: { width: 40 },
  dueDate: { width: 12, format: DATE_FORMAT },
  completedDate: { width: 12, format: DATE_FORMAT },
};

/** Text cells cannot run as formulas; numbers and dates stay what they are. */
const safe = (value: CsvCell): CsvCell => (typeof value === 'string' ? neutralizeFormula(value) : value);

function addSheet<C extends string>(
  workbook: Workbook,
  name: string,
  columns: readonly C[],
  labels: Record<C, string>,
  formats: Partial<Record<C, { width: number; format?: string }>>,
  rows: Record<C, CsvCell>[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const format = formats[column];
    return { header: labels[column], width: format?.width ?? 20, style: format?.format ? { numFmt: format.format } : {} };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows.map((row) => columns.map((column) => safe(row[column]))));
  return sheet;
}

/** The initiatives sheet and the milestones sheet; a template (no rows) also gets a guide to the columns. */
export async function transferXlsx(tables: TransferTables, language: ExportLanguage, options: { guide?: boolean } = {}): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Fremdrift';
  const names = SHEET_NAMES[language];
  addSheet(workbook, names.initiatives, INITIATIVE_TRANSFER_COLUMNS, INITIATIVE_COLUMN_LABELS[language], INITIATIVE_FORMATS, tables.initiatives);
  addSheet(workbook, names.milestones, MILESTONE_TRANSFER_COLUMNS, MILESTONE_COLUMN_LABELS[language], MILESTONE_FORMATS, tables.milestones);
  if (options.guide) addGuide(workbook, language);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The initiatives sheet alone, as Danish Excel opens it: UTF-8 with BOM, semicolons. */
export function transferCsv(rows: InitiativeCells[], language: ExportLanguage): string {
  return toCsv(
    INITIATIVE_TRANSFER_COLUMNS.map((column) => INITIATIVE_COLUMN_LABELS[language][column]),
    rows.map((row) => INITIATIVE_TRANSFER_COLUMNS.map((column) => row[column])),
  );
}

const GUIDE_TEXT = {
  da: {
    headers: ['Ark', 'Kolonne', 'Indhold'],
    readOnly: 'Kun til orientering; ignoreres ved indlæsning.',
    intro: [
      'Rækker matches på Id, eller på Ekstern reference når Id er tom. En række uden begge opretter et nyt initiativ.',
      'Rækker, der ikke står i filen, ændres ikke, og intet slettes ved en indlæsning.',
      'En tom celle rydder et valgfrit felt. Kolonner, der mangler i filen, ændres ikke.',
      'Datoer: ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ.',
      `Højst ${IMPORT_LIMITS.maxRows.toLocaleString('da-DK')} rækker og ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB pr. fil.`,
    ],
    values: {
      status: () => INITIATIVE_STATUSES.map((s) => EXPORT_LABELS.da.status[s]).join(', '),
      health: () => HEALTHS.map((h) => EXPORT_LABELS.da.health[h]).join(', '),
      departments: 'Afdelingskoder adskilt af komma, f.eks. MSO, MBU',
      lead: 'Afdelingens kode, f.eks. MSO',
      actionPlan: 'Handleplanens titel',
      goal: 'Titlen på et mål i handleplanen',
      weight: `Helt tal fra ${LIMITS.milestoneWeight.min} til ${LIMITS.milestoneWeight.max}`,
      initiative: 'Initiativets Id, eller dets eksterne reference (også et nyt initiativ i samme fil)',
    },
  },
  en: {
    headers: ['Sheet', 'Column', 'Content'],
    readOnly: 'For information only; ignored on import.',
    intro: [
      'Rows match by Id, or by External reference when Id is empty. A row with neither creates a new initiative.',
      'Rows not in the file are left alone; an import deletes nothing.',
      'An empty cell clears an optional field. Columns missing from the file are not changed.',
      'Dates: YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY.',
      `At most ${IMPORT_LIMITS.maxRows.toLocaleString('en-GB')} rows and ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB per file.`,
    ],
    values: {
      status: () => INITIATIVE_STATUSES.map((s) => EXPORT_LABELS.en.status[s]).join(', '),
      health: () => HEALTHS.map((h) => EXPORT_LABELS.en.health[h]).join(', '),
      departments: 'Department codes separated by commas, e.g. MSO, MBU',
      lead: 'The department’s code, e.g. MSO',
      actionPlan: 'The action plan’s title',
      goal: 'The title of a goal of the action plan',
      weight: `Whole number from ${LIMITS.milestoneWeight.min} to ${LIMITS.milestoneWeight.max}`,
      initiative: 'The initiative’s Id, or its external reference (also of a new initiative in the same file)',
    },
  },
} as const;

function addGuide(workbook: Workbook, language: ExportLanguage): void {
  const text = GUIDE_TEXT[language];
  const names = SHEET_NAMES[language];
  const sheet = workbook.addWorksheet(names.guide);
  sheet.columns = [{ width: 14 }, { width: 32 }, { width: 90 }];
  for (const line of text.intro) sheet.addRow(['', '', line]);
  sheet.addRow([]);
  sheet.addRow(text.headers).font = { bold: true };
  const initiativeNotes: Partial<Record<InitiativeTransferColumn, string>> = {
    actionPlan: text.values.actionPlan,
    goal: text.values.goal,
    leadDepartment: text.values.lead,
    participatingDepartments: text.values.departments,
    status: text.values.status(),
    health: text.values.health(),
  };
  for (const column of INITIATIVE_TRANSFER_COLUMNS) {
    const note = READ_ONLY_INITIATIVE_COLUMNS.includes(column) ? text.readOnly : (initiativeNotes[column] ?? '');
    sheet.addRow([names.initiatives, INITIATIVE_COLUMN_LABELS[language][column], note]);
  }
  const milestoneNotes: Partial<Record<MilestoneTransferColumn, string>> = {
    initiativeId: text.values.initiative,
    initiativeExternalReference: text.values.initiative,
    weight: text.values.weight,
  };
  for (const column of MILESTONE_TRANSFER_COLUMNS) {
    const note = READ_ONLY_MILESTONE_COLUMNS.includes(column) ? text.readOnly : (milestoneNotes[column] ?? '');
    sheet.addRow([names.milestones, MILESTONE_COLUMN_LABELS[language][column], note]);
  }
}
