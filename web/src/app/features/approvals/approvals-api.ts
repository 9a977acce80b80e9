import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type Initiative, type Page, type PendingApproval, type ReviewPublicText, type StatusUpdate } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { ifMatch } from '../../core/http/if-match';
import { toHttpParams } from '../../core/http/query-params';

const initiativeBase = (id: string) => `/api/initiatives/${encodeURIComponent(id)}`;

/**
 * Management's approval of what reaches the public: `/api/approvals`, and the review of a status
 * update's public text or of a change to an initiative's public face. Every review names the version
 * management read (If-Match), so that a text changed since is not approved unread (409).
 */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  /** Oldest first: public texts of status updates and changes to initiatives' public face. */
  list(page: number): Observable<Page<PendingApproval>> {
    return this.http.get<Page<PendingApproval>>('/api/approvals', { params: toHttpParams({ page, pageSize: LIMITS.pageSize.default }) });
  }

  /** Approves or returns the public text of a status update read at `version`. */
  reviewStatusUpdate(initiativeId: string, statusUpdateId: string, version: number, review: ReviewPublicText): Observable<StatusUpdate> {
    return this.http.post<StatusUpdate>(`${initiativeBase(initiativeId)}/status-updates/${encodeURIComponent(statusUpdateId)}/review`, review, {
      headers: ifMatch(version),
    });
  }

  /** Approves or returns the proposed change to the public face of an initiative read at `version`. */
  reviewInitiative(initiativeId: string, version: number, review: ReviewPublicText): Observable<Initiative> {
    return this.http.post<Initiative>(`${initiativeBase(initiativeId)}/public-review`, review, { headers: ifMatch(version) });
  }

  /** Reviews an item of the queue with the version it was listed with. */
  review(item: PendingApproval, review: ReviewPublicText): Observable<StatusUpdate | Initiative> {
    return item.kind === 'status_update'
      ? this.reviewStatusUpdate(item.initiative.id, item.statusUpdate.id, item.statusUpdate.version, review)
      : this.reviewInitiative(item.initiative.id, item.initiative.version, review);
  }
}
