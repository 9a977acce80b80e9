import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DelayCause } from '@fremdrift/contracts';
import { Observable } from 'rxjs';

/** The municipality's list of reasons for a drop in health: `/api/delay-causes`. */
@Injectable({ providedIn: 'root' })
export class DelayCausesApi {
  private readonly http = inject(HttpClient);

  /** All causes in their order, inactive ones included (forms offer only the active ones). */
  list(): Observable<DelayCause[]> {
    return this.http.get<DelayCause[]>('/api/delay-causes');
  }
}
