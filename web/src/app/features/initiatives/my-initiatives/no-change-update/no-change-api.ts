import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RecordNoChange, StatusUpdate } from '@fremdrift/contracts';
import type { Observable } from 'rxjs';

/** Records "no changes since last time": `POST /api/initiatives/:id/status-updates/no-change`. */
@Injectable({ providedIn: 'root' })
export class NoChangeApi {
  private readonly http = inject(HttpClient);

  record(initiativeId: string, input: RecordNoChange): Observable<StatusUpdate> {
    return this.http.post<StatusUpdate>(`/api/initiatives/${encodeURIComponent(initiativeId)}/status-updates/no-change`, input);
  }
}
