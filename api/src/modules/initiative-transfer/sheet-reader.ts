import { inflateRawSync } from 'node:zlib';
import { HttpStatus } from '@nestjs/common';
import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  IMPORT_LIMITS,
  type InitiativeTransferColumn,
  type MilestoneTransferColumn,
  type ProblemCode,
  type TransferFormat,
  type TransferSheet,
} from '@fremdrift/contracts';
import { ProblemException, problem } from '../../core/http/problem';
import type { ExportLanguage } from '../../core/export/labels';
import type { CellValue } from './cell-values';
import {
  headerKey,
  INITIATIVE_COLUMN_LABELS,
  INITIATIVE_HEADERS,
  MILESTONE_COLUMN_LABELS,
  MILESTONE_HEADERS,
  REQUIRED_COLUMNS,
  sheetOfHeaders,
  sheetOfName,
} from './transfer-columns';

/** One data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column. */
export interface SheetRow<C extends string> {
  row: number;
  cells: Map<C, CellValue>;
}

export interface ReadSheet<C extends string> {
  /** The columns the file has, with their header text as written. */
  headers: Map<C, string>;
  rows: SheetRow<C>[];
}

export interface ImportFile {
  /** The language of most headers: the one missing columns are named in. */
  language: ExportLanguage;
  initiatives: ReadSheet<InitiativeTransferColumn> | null;
  milestones: ReadSheet<MilestoneTransferColumn> | null;
}

/** Uncompressed, an XLSX of IMPORT_LIMITS.maxRows rows is a fraction of this; more is a zip bomb. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

export class ImportRefusedException extends ProblemException {
  constructor(code: ProblemCode, detail: string, params?: Record<string, string | number>) {
    super(problem(HttpStatus.BAD_REQUEST, detail, { code, ...(params ? { params } : {}) }));
  }
}

const unreadable = (why: string) => new ImportRefusedException('unreadableFile', `The file cannot be read as a spreadsheet: ${why}`);

/** Reads an uploaded XLSX or CSV into its initiatives and milestones tables, refusing what is not one or is over the limits. */
export async function readImportFile(body: Buffer, format: TransferFormat): Promise<ImportFile> {
  if (body.length === 0) throw unreadable('it is empty.');
  const tables = format === 'xlsx' ? await readXlsx(body) : [readCsv(body)];
  const sheets: { initiatives: RawTable | null; milestones: RawTable | null } = { initiatives: null, milestones: null };
  for (const table of tables) {
    const sheet = table.sheet ?? sheetOfHeaders(table.header.map((cell) => String(cell ?? '')));
    if (sheet && !sheets[sheet]) sheets[sheet] = table;
  }
  if (!sheets.initiatives && !sheets.milestones) {
    throw new ImportRefusedException('missingColumns', 'The file has no sheet with the columns of initiatives or milestones.', {
      columns: INITIATIVE_COLUMN_LABELS.da.title,
    });
  }
  const rows = (sheets.initiatives?.rows.length ?? 0) + (sheets.milestones?.rows.length ?? 0);
  if (rows > IMPORT_LIMITS.maxRows) {
    throw new ImportRefusedException('tooManyRows', `The file has ${rows} rows; an import takes at most ${IMPORT_LIMITS.maxRows}.`, {
      max: IMPORT_LIMITS.maxRows,
      rows,
    });
  }
  const headers = [...(sheets.initiatives?.header ?? []), ...(sheets.milestones?.header ?? [])].map((cell) => headerKey(String(cell ?? '')));
  const count = (language: ExportLanguage) =>
    headers.filter((key) =>
      [...Object.values(INITIATIVE_COLUMN_LABELS[language]), ...Object.values(MILESTONE_COLUMN_LABELS[language])].some((label) => headerKey(label) === key),
    ).length;
  const language: ExportLanguage = count('en') > count('da') ? 'en' : 'da';
  return {
    language,
    initiatives: sheets.initiatives ? toSheet(sheets.initiatives, INITIATIVE_HEADERS, 'initiatives', language) : null,
    milestones: sheets.milestones ? toSheet(sheets.milestones, MILESTONE_HEADERS, 'milestones', language) : null,
  };
}

interface RawTable {
  /** The sheet the worksheet's name says, if it says one. */
  sheet: TransferSheet | null;
  header: CellValue[];
  /** Data rows, numbered as the spreadsheet shows them; rows without a value are left out. */
  rows: { row: number; cells: CellValue[] }[];
}

function toSheet<C extends string>(table: RawTable, index: Map<string, C>, sheet: TransferSheet, language: ExportLanguage): ReadSheet<C> {
  const positions = new Map<C, number>();
  const headers = new Map<C, string>();
  table.header.forEach((cell, position) => {
    const text = String(cell ?? '').trim();
    const column = index.get(headerKey(text));
    if (column && !positions.has(column)) {
      positions.set(column, position);
      headers.set(column, text);
    }
  });
  const labels = (sheet === 'initiatives' ? INITIATIVE_COLUMN_LABELS : MILESTONE_COLUMN_LABELS)[language] as Record<string, string>;
  const missing = (REQUIRED_COLUMNS[sheet] as readonly string[]).filter((column) => !positions.has(column as C));
  if (missing.length > 0) {
    const names = missing.map((column) => labels[column]).join(', ');
    throw new ImportRefusedException('missingColumns', `The ${sheet} sheet lacks the columns ${names}.`, { columns: names, sheet });
  }
  return {
    headers,
    rows: table.rows.map(({ row, cells }) => ({ row, cells: new Map([...positions].map(([column, position]) => [column, cells[position] ?? null])) })),
  };
}

const hasValue = (cell: CellValue) => cell !== null && !(typeof cell === 'string' && cell.trim() === '');

// ---- CSV ----

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** UTF-8 (with or without a BOM), else Windows-1252: what Danish Excel's "CSV (semikolonsepareret)" saves. */
export function decodeCsv(body: Buffer): string {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    text = windows1252.decode(body);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes; `;` on a tie. */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(body: Buffer): RawTable {
  const text = decodeCsv(body);
  if (text.includes('\u0000')) throw unreadable('it is not text.');
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    throw unreadable(`it is not valid CSV (${error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unknown'}).`);
  }
  const [header = [], ...data] = records;
  if (!header.some(hasValue)) throw unreadable('its first line holds no column headers.');
  return {
    sheet: null,
    header,
    rows: data.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some(hasValue)),
  };
}

// ---- XLSX ----

async function readXlsx(body: Buffer): Promise<RawTable[]> {
  checkZip(body);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable('it is not an Excel workbook (.xlsx).');
  }
  if (workbook.worksheets.length === 0) throw unreadable('it is not an Excel workbook (.xlsx): it has no sheets.');
  const tables: RawTable[] = [];
  for (const worksheet of workbook.worksheets) {
    const named = sheetOfName(worksheet.name);
    if (named === 'guide' || worksheet.actualRowCount === 0) continue;
    if (worksheet.actualRowCount - 1 > IMPORT_LIMITS.maxRows) {
      throw new ImportRefusedException('tooManyRows', `The sheet ${worksheet.name} has more than ${IMPORT_LIMITS.maxRows} rows.`, {
        max: IMPORT_LIMITS.maxRows,
      });
    }
    tables.push({ sheet: named, ...worksheetRows(worksheet) });
  }
  return tables;
}

function worksheetRows(worksheet: Worksheet): Omit<RawTable, 'sheet'> {
  const width = worksheet.getRow(1).cellCount;
  const header: CellValue[] = [];
  const rows: RawTable['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: width }, (_, index) => plainValue(row.getCell(index + 1).value));
    if (number === 1) header.push(...cells);
    else if (cells.some(hasValue)) rows.push({ row: number, cells });
  });
  return { header, rows };
}

/** A cell's value as text, number, boolean or date: rich text joined, a formula's result, a link's text. */
export function plainValue(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as { result?: ExcelCellValue }).result);
  if ('text' in value) return plainValue((value as { text: ExcelCellValue }).text);
  if ('error' in value) return String(value.error);
  return null;
}

class TooLarge extends Error {}

/** Rows and cells beyond the limit's rows: the header rows, and a guide sheet of some forty rows. */
const ROW_ALLOWANCE = 100;
/** Far more columns than the sheets have: a sheet wider than this is no export of ours. */
const MAX_CELLS = (IMPORT_LIMITS.maxRows + ROW_ALLOWANCE) * 60;
const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_ELEMENT = /<(?:\w+:)?row[\s>/]/g;
const CELL_ELEMENT = /<(?:\w+:)?c[\s>/]/g;

/**
 * Checks a zip before exceljs unpacks all of it into memory (where 400,000 small rows take
 * seconds and more than a gigabyte): its entries must unpack to at most MAX_UNZIPPED_BYTES (each is
 * inflated with a cap, so a size the directory understates counts too), and its worksheets may
 * hold no more rows than an import takes.
 */
export function checkZip(body: Buffer): void {
  if (body.length < 22 || body.readUInt32LE(0) !== 0x04034b50) throw unreadable('it is not an Excel workbook (.xlsx).');
  let end = -1;
  for (let i = body.length - 22; i >= Math.max(0, body.length - 22 - 0xffff); i--) {
    if (body.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('the zip archive is incomplete.');
  const entries = body.readUInt16LE(end + 10);
  let offset = body.readUInt32LE(end + 16);
  let budget = MAX_UNZIPPED_BYTES;
  let rows = 0;
  let cells = 0;
  try {
    for (let n = 0; n < entries; n++) {
      if (body.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad directory');
      const method = body.readUInt16LE(offset + 10);
      const compressed = body.readUInt32LE(offset + 20);
      const nameLength = body.readUInt16LE(offset + 28);
      const name = body.toString('utf8', offset + 46, offset + 46 + nameLength);
      const local = body.readUInt32LE(offset + 42);
      offset += 46 + nameLength + body.readUInt16LE(offset + 30) + body.readUInt16LE(offset + 32);
      if (body.readUInt32LE(local) !== 0x04034b50) throw new Error('bad entry');
      const start = local + 30 + body.readUInt16LE(local + 26) + body.readUInt16LE(local + 28);
      const data = body.subarray(start, start + compressed);
      if (method !== 0 && method !== 8) throw new Error('unknown compression');
      const unpacked = method === 0 ? data : inflateRawSync(data, { maxOutputLength: budget + 1 });
      budget -= unpacked.length;
      if (budget < 0) throw new TooLarge();
      if (WORKSHEET_ENTRY.test(name)) {
        const xml = unpacked.toString('latin1');
        rows += xml.match(ROW_ELEMENT)?.length ?? 0;
        cells += xml.match(CELL_ELEMENT)?.length ?? 0;
      }
    }
  } catch (error) {
    const tooLarge = error instanceof TooLarge || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw unreadable(tooLarge ? 'it unpacks to more than an import takes.' : 'the zip archive is damaged.');
  }
  if (rows > IMPORT_LIMITS.maxRows + ROW_ALLOWANCE) {
    throw new ImportRefusedException('tooManyRows', `The workbook has ${rows} rows; an import takes at most ${IMPORT_LIMITS.maxRows}.`, {
      max: IMPORT_LIMITS.maxRows,
      rows,
    });
  }
  if (cells > MAX_CELLS) throw unreadable(`its sheets have ${cells} cells, more than an import of ${IMPORT_LIMITS.maxRows} rows takes.`);
}
