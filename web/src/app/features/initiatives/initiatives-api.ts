import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InitiativeQuery, InitiativeSummary, Page } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Data access for initiatives: `/api/initiatives`. */
@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly http = inject(HttpClient);

  list(query: InitiativeQuery): Observable<Page<InitiativeSummary>> {
    return this.http.get<Page<InitiativeSummary>>('/api/initiatives', { params: toHttpParams({ ...query }) });
  }
}
