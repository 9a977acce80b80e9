import type { FieldErrorCode } from './errors';

/**
 * The initiative list as a spreadsheet, both ways: the export (XLSX with an initiatives sheet and a
 * milestones sheet, or CSV with the initiatives alone) has the same columns an import reads, so
 * that export → edit in Excel → import is a round trip, and an unedited export imports as no change.
 */
export const TRANSFER_FORMATS = ['xlsx', 'csv'] as const;
export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

export const TRANSFER_SHEETS = ['initiatives', 'milestones'] as const;
export type TransferSheet = (typeof TRANSFER_SHEETS)[number];

/**
 * The initiatives sheet's columns in order. `id` (or, for a first import, `externalReference`)
 * matches a row to an initiative; an empty `id` with an unknown reference creates one. Read-only
 * columns are exported for the reader and ignored by an import.
 */
export const INITIATIVE_TRANSFER_COLUMNS = [
  'id',
  'externalReference',
  'actionPlan',
  'goal',
  'title',
  'summary',
  'description',
  'leadDepartment',
  'participatingDepartments',
  'ownerName',
  'status',
  'health',
  'startDate',
  'targetDate',
  'cancellationReason',
  'internalNotes',
  'progress',
  'expectedProgress',
] as const;
export type InitiativeTransferColumn = (typeof INITIATIVE_TRANSFER_COLUMNS)[number];
export const READ_ONLY_INITIATIVE_COLUMNS: readonly InitiativeTransferColumn[] = ['progress', 'expectedProgress'];

/** The milestones sheet's columns in order; a milestone belongs to the initiative named by id or external reference. */
export const MILESTONE_TRANSFER_COLUMNS = [
  'id',
  'initiativeId',
  'initiativeExternalReference',
  'initiativeTitle',
  'title',
  'description',
  'dueDate',
  'completedDate',
  'weight',
  'position',
] as const;
export type MilestoneTransferColumn = (typeof MILESTONE_TRANSFER_COLUMNS)[number];
export const READ_ONLY_MILESTONE_COLUMNS: readonly MilestoneTransferColumn[] = ['initiativeTitle'];

/** What an import refuses before it reads a row. */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 } as const;

/** Problems with a cell that only an import has, besides the API's own field codes. */
export const IMPORT_CELL_ERROR_CODES = [
  'required',
  'unknownId',
  'unknownActionPlan',
  'unknownGoal',
  'unknownDepartment',
  'unknownInitiative',
  'unknownValue',
  'duplicateKey',
  'invalidDate',
  'invalidNumber',
  'openMilestones',
  'cancellationReason',
  'notAllowed',
  /** The API refused the change for a reason without a cell of its own; `params.detail` says which. */
  'rejected',
] as const;
export type ImportCellErrorCode = (typeof IMPORT_CELL_ERROR_CODES)[number];

export type ImportRowAction = 'create' | 'update' | 'unchanged' | 'error';

/** One problem with one cell: "Række 7, kolonne Slutdato: datoen ligger før startdatoen". */
export interface ImportCellError {
  sheet: TransferSheet;
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header as it stands in the file; empty for a problem with the whole row. */
  column: string;
  code: ImportCellErrorCode | FieldErrorCode;
  params?: Record<string, string | number>;
  /** The problem in Danish, ready to show. */
  message: string;
}

export interface ImportFieldChange {
  /** The column's header as it stands in the file. */
  column: string;
  before: string;
  after: string;
}

export interface ImportRowResult {
  sheet: TransferSheet;
  row: number;
  action: ImportRowAction;
  /** The initiative's or milestone's title, as in the file. */
  title: string;
  /** For an update: the cells that differ from what is stored. */
  changes: ImportFieldChange[];
  errors: ImportCellError[];
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

/**
 * A dry run's answer. Nothing is written. To apply it, send the same file again with `confirm`
 * and this `token`: if the file or the data it touches changed meanwhile, the import answers 409.
 */
export interface ImportPreview {
  fileName: string;
  counts: ImportCounts;
  /** Rows that would be created, updated or are in error; unchanged rows are counted only. */
  rows: ImportRowResult[];
  /** Present when the file has no errors and can be applied. */
  token: string | null;
}

export interface ImportOutcome {
  counts: ImportCounts;
}
