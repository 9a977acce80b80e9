import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateDelayCause, DelayCause, UpdateDelayCause } from '@fremdrift/contracts';
import { Observable } from 'rxjs';

/** The municipality's list of reasons for a drop in health: `/api/delay-causes`. */
@Injectable({ providedIn: 'root' })
export class DelayCausesApi {
  private readonly http = inject(HttpClient);

  /** All causes in their order, inactive ones included (forms offer only the active ones). */
  list(): Observable<DelayCause[]> {
    return this.http.get<DelayCause[]>('/api/delay-causes');
  }

  /** Admins only. */
  create(cause: CreateDelayCause): Observable<DelayCause> {
    return this.http.post<DelayCause>('/api/delay-causes', cause);
  }

  /** Admins only: relabel, reorder (`sortOrder`), deactivate or reactivate (`active`). */
  update(id: string, changes: UpdateDelayCause): Observable<DelayCause> {
    return this.http.patch<DelayCause>(`/api/delay-causes/${encodeURIComponent(id)}`, changes);
  }
}
