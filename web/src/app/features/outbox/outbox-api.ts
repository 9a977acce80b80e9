import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { JobStatus, OutboxMessage, OutboxMessageSummary, OutboxQuery, Page } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** The outbox and the jobs that send it (admins only): `/api/outbox`, `/api/jobs`. */
@Injectable({ providedIn: 'root' })
export class OutboxApi {
  private readonly http = inject(HttpClient);

  list(query: OutboxQuery): Observable<Page<OutboxMessageSummary>> {
    return this.http.get<Page<OutboxMessageSummary>>('/api/outbox', { params: toHttpParams({ ...query }) });
  }

  get(id: string): Observable<OutboxMessage> {
    return this.http.get<OutboxMessage>(`/api/outbox/${encodeURIComponent(id)}`);
  }

  retry(id: string): Observable<OutboxMessage> {
    return this.http.post<OutboxMessage>(`/api/outbox/${encodeURIComponent(id)}/retry`, {});
  }

  jobs(): Observable<JobStatus[]> {
    return this.http.get<JobStatus[]>('/api/jobs');
  }

  runJob(name: string): Observable<void> {
    return this.http.post<void>(`/api/jobs/${encodeURIComponent(name)}/run`, {});
  }
}
