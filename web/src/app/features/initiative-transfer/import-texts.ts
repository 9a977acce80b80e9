import type { ImportCellError } from '@fremdrift/contracts';
import type { Translate } from '../../core/http/problem';

/** "Række 7, kolonne Slutdato" (or "Milepæle, række 4, …"): where in the file a problem is. */
export function cellPlace(error: Pick<ImportCellError, 'sheet' | 'row' | 'column'>, t: Translate): string {
  return error.column
    ? t(`transfer.place.${error.sheet}.cell`, { row: error.row, column: error.column })
    : t(`transfer.place.${error.sheet}.row`, { row: error.row });
}

/**
 * What is wrong with a cell in the user's language. The API writes it in Danish, ready to show
 * ("Række 7, kolonne Slutdato: datoen ligger før startdatoen."); the place is said here, so that it
 * names the sheet too, and in another language the problem is translated by its code and parameters,
 * with the Danish text as the fallback for a code (or a parameter) this app has no words for.
 */
export function cellProblem(error: ImportCellError, language: string, t: Translate): string {
  if (language !== 'da') {
    for (const key of [`transfer.cellError.${error.code}`, `errors.field.${error.code}`]) {
      const text = t(key, error.params ?? {});
      if (text !== key && !text.includes('{{')) return text;
    }
  }
  const place = error.column ? `Række ${error.row}, kolonne ${error.column}: ` : `Række ${error.row}: `;
  return error.message.startsWith(place) ? error.message.slice(place.length) : error.message;
}

/** "Række 7, kolonne Slutdato: datoen ligger før startdatoen." */
export function cellErrorText(error: ImportCellError, language: string, t: Translate): string {
  return `${cellPlace(error, t)}: ${cellProblem(error, language, t)}`;
}
