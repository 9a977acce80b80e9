/** What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a spreadsheet cell that cannot run as a formula: a leading `'` makes the program show
 * the rest as text (`=HYPERLINK(…)` would otherwise become a link). Only for text; numbers the
 * app writes stay numbers.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
