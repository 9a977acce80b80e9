import { HttpClient, HttpEventType, HttpHeaders, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportOutcome, ImportPreview, TransferFormat } from '@fremdrift/contracts';
import { filter, map, Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

export const EXPORT_URL = '/api/initiatives/export';
export const TEMPLATE_URL = '/api/initiatives/import/template';
export const IMPORT_URL = '/api/initiatives/import';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** Where an upload stands: the share sent so far, then the server checking or applying it, then its answer. */
export type UploadState<T> = { stage: 'sending'; fraction: number | null } | { stage: 'processing' } | { stage: 'done'; body: T };

/** The spreadsheet format a file is in, by its name (browsers do not all give a type for .csv), or null. */
export function formatOf(file: Pick<File, 'name'>): TransferFormat | null {
  const name = file.name.toLowerCase();
  return name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.csv') ? 'csv' : null;
}

/** The same file under both the language and format a download is for. */
function downloadUrl(base: string, format: TransferFormat, lang: string): string {
  return `${base}?${toHttpParams({ format, lang }).toString()}`;
}

/**
 * The import of initiatives from a spreadsheet: `/api/initiatives/import`. The file goes as the raw
 * request body with its type, and the upload reports its progress, which needs the XHR backend
 * (fetch cannot report an upload's progress): provide this service where `provideHttpClient(withXhr())` is.
 */
@Injectable()
export class InitiativeTransferApi {
  private readonly http = inject(HttpClient);

  /** Every initiative (no filter), as the starting point for an import. */
  exportAllUrl(format: TransferFormat, lang: string): string {
    return downloadUrl(EXPORT_URL, format, lang);
  }

  templateUrl(format: TransferFormat, lang: string): string {
    return downloadUrl(TEMPLATE_URL, format, lang);
  }

  /** The dry run: what the file would create, update and leave alone, and its errors. Nothing is written. */
  check(file: File): Observable<UploadState<ImportPreview>> {
    return this.upload<ImportPreview>(file, null);
  }

  /** Applies the file checked before, with the dry run's token; 409 `importChanged` when anything changed since. */
  apply(file: File, token: string): Observable<UploadState<ImportOutcome>> {
    return this.upload<ImportOutcome>(file, token);
  }

  private upload<T>(file: File, token: string | null): Observable<UploadState<T>> {
    const type = formatOf(file) === 'csv' ? CSV_TYPE : XLSX_TYPE;
    return this.http
      .post<T>(IMPORT_URL, file, {
        params: toHttpParams({ fileName: file.name, confirm: token }),
        headers: new HttpHeaders({ 'Content-Type': type }),
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event) => uploadState(event)),
        filter((state): state is UploadState<T> => state !== null),
      );
  }
}

function uploadState<T>(event: HttpEvent<T>): UploadState<T> | null {
  switch (event.type) {
    case HttpEventType.Sent:
      return { stage: 'sending', fraction: 0 };
    case HttpEventType.UploadProgress: {
      if (!event.total) return { stage: 'sending', fraction: null };
      const fraction = Math.min(1, event.loaded / event.total);
      // All of it sent: the rest of the wait is the server's.
      return fraction >= 1 ? { stage: 'processing' } : { stage: 'sending', fraction };
    }
    case HttpEventType.Response:
      return { stage: 'done', body: event.body as T };
    default:
      return null;
  }
}
