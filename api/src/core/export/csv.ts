import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from './spreadsheet-text';

export type CsvCell = string | number | Date | null;

const danishNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '').replace('.', ','));

const cellText = (value: CsvCell): string => {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'number' ? danishNumber(value) : neutralizeFormula(value);
};

/**
 * The one CSV writer of every export: what Danish Excel opens as it is (UTF-8 with a BOM,
 * semicolons, decimal commas, CRLF), dates as YYYY-MM-DD, and text that cannot run as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify([header.map(cellText), ...rows.map((row) => row.map(cellText))], {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
}
