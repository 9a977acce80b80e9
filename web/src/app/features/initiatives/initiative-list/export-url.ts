import type { InitiativeQuery, TransferFormat } from '@fremdrift/contracts';
import { toHttpParams } from '../../../core/http/query-params';

/** The list's filters and sorting without its page: what an export of "the current filter" holds. */
export type ExportFilter = Omit<InitiativeQuery, 'page' | 'pageSize'>;

/**
 * The address of the list's export (`/api/initiatives/export`): every initiative the filter matches,
 * on all pages, as XLSX (with a milestones sheet) or CSV, with headers and labels in `lang`.
 */
export function initiativeExportUrl(format: TransferFormat, lang: string, filter: ExportFilter): string {
  return `/api/initiatives/export?${toHttpParams({ format, lang, ...filter }).toString()}`;
}
