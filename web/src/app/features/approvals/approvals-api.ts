import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type Page, type PendingApproval, type ReviewPublicText, type StatusUpdate } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Management's approval of public texts: `/api/approvals` and the review of one status update. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  /** Oldest first. */
  list(page: number): Observable<Page<PendingApproval>> {
    return this.http.get<Page<PendingApproval>>('/api/approvals', { params: toHttpParams({ page, pageSize: LIMITS.pageSize.default }) });
  }

  review(initiativeId: string, statusUpdateId: string, review: ReviewPublicText): Observable<StatusUpdate> {
    return this.http.post<StatusUpdate>(
      `/api/initiatives/${encodeURIComponent(initiativeId)}/status-updates/${encodeURIComponent(statusUpdateId)}/review`,
      review,
    );
  }
}
