import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEvent, AuditFilterOptions, AuditQuery, Page } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Data access for the audit trail (admins only): `/api/audit-events`, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>('/api/audit-events', { params: toHttpParams({ ...query }) });
  }

  /** The users and initiatives to filter by. */
  filterOptions(): Observable<AuditFilterOptions> {
    return this.http.get<AuditFilterOptions>('/api/audit-events/filter-options');
  }
}
