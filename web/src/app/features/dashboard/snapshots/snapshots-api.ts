import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  LIMITS,
  SNAPSHOT_NOW,
  type CreateReportingSnapshotRequest,
  type Page,
  type ReportingSnapshot,
  type ReportingSnapshotSummary,
  type SnapshotDiff,
} from '@fremdrift/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../../core/http/query-params';

export const SNAPSHOTS_URL = '/api/reporting-snapshots';

/** What a snapshot is compared with: another snapshot, or the initiatives as they are now. */
export type DiffTarget = string;
export const NOW: DiffTarget = SNAPSHOT_NOW;

const one = (id: string) => `${SNAPSHOTS_URL}/${encodeURIComponent(id)}`;

/** Data access for the frozen reporting snapshots ("Status pr. <dato>") and their diff. */
@Injectable({ providedIn: 'root' })
export class SnapshotsApi {
  private readonly http = inject(HttpClient);

  /** The newest snapshots first, in one page of the largest size; `total` says whether there are more. */
  list(): Observable<Page<ReportingSnapshotSummary>> {
    return this.http.get<Page<ReportingSnapshotSummary>>(SNAPSHOTS_URL, { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }) });
  }

  get(id: string): Observable<ReportingSnapshot> {
    return this.http.get<ReportingSnapshot>(one(id));
  }

  /** Freezes the state of every initiative of a plan (or of every plan) as it is now. */
  create(request: CreateReportingSnapshotRequest): Observable<ReportingSnapshot> {
    return this.http.post<ReportingSnapshot>(SNAPSHOTS_URL, request);
  }

  /** What changed from a snapshot to another one, or to now. */
  diff(fromId: string, to: DiffTarget = NOW): Observable<SnapshotDiff> {
    return this.http.get<SnapshotDiff>(`${one(fromId)}/diff`, { params: toHttpParams({ to }) });
  }
}
