import type { ImportCellErrorCode } from '@fremdrift/contracts';

/** A cell as the readers hand it over: CSV gives text, XLSX also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { value: T } | { error: ImportCellErrorCode };

const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

/**
 * A cell's text: trimmed at the ends for single-line values, line breaks as `\n`, and without the
 * quote the exports put before text that would otherwise run as a formula (`'=…`).
 */
export function cellText(value: CellValue, multiline = false): string {
  if (value === null) return '';
  if (value instanceof Date) return isoOf(value) ?? '';
  const text = String(value).replace(/\r\n?/g, '\n').replace(FORMULA_GUARD, '');
  return multiline ? text.replace(/\s+$/, '') : text.trim();
}

const isoOf = (date: Date): string | null => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10));

/** Days from Excel's day 0 (1899-12-30, which absorbs Lotus 1-2-3's missing 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/** A calendar date from its parts, or null when it does not exist (31-02-2026). */
function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? isoOf(date) : null;
}

/**
 * A date as Danish spreadsheets write it: `2026-03-01`, `01-03-2026`, `1.3.2026`, `01/03/2026`, an
 * Excel date cell, or an Excel serial number (46082). Empty is null (clears the date).
 */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (value instanceof Date) {
    const iso = isoOf(value);
    return iso ? { value: iso } : { error: 'invalidDate' };
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2_958_465) return { error: 'invalidDate' };
    return { value: isoOf(new Date((value - EXCEL_EPOCH_OFFSET) * MS_PER_DAY)) as string };
  }
  const text = cellText(value);
  if (text === '') return { value: null };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (match) return orInvalid(calendarDate(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(text);
  if (match) return orInvalid(calendarDate(Number(match[4]), Number(match[3]), Number(match[1])));
  if (/^\d{5}$/.test(text)) return parseDate(Number(text));
  return { error: 'invalidDate' };
}

const orInvalid = (iso: string | null): Parsed<string | null> => (iso ? { value: iso } : { error: 'invalidDate' });

/**
 * A number with a decimal comma (`2,5`) or point (`2.5`), and Danish thousands points (`1.000,5`).
 * Empty is null.
 */
export function parseNumber(value: CellValue): Parsed<number | null> {
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { error: 'invalidNumber' };
  if (typeof value !== 'string') return value === null ? { value: null } : { error: 'invalidNumber' };
  const text = cellText(value).replace(/[\s\u00a0]/g, '');
  if (text === '') return { value: null };
  let normal: string | null = null;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normal = text.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d+(,\d+)?$/.test(text)) normal = text.replace(',', '.');
  else if (/^[-+]?\d*\.\d+$/.test(text) || /^[-+]?\d+$/.test(text)) normal = text;
  return normal === null ? { error: 'invalidNumber' } : { value: Number(normal) };
}

/**
 * One of a fixed set of values, by its code or its label in either language, in any letter case
 * (`I gang`, `in progress`, `in_progress`). Empty is null.
 */
export function parseChoice<T extends string>(value: CellValue, codes: readonly T[], labels: readonly Record<T, string>[]): Parsed<T | null> {
  const text = cellText(value);
  if (text === '') return { value: null };
  const key = choiceKey(text);
  for (const code of codes) {
    if (choiceKey(code) === key || labels.some((label) => choiceKey(label[code]) === key)) return { value: code };
  }
  return { error: 'unknownValue' };
}

const choiceKey = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/[\s_]+/g, ' ')
    .trim();

/** A list in one cell: `MSO, MBU` or `MSO; MBU`, without empty entries. */
export function parseList(value: CellValue): string[] {
  return cellText(value)
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
