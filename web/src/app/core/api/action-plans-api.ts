import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type ActionPlan, type Page } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../http/query-params';

/** Data access for the action plans and their goals: `/api/action-plans`. */
@Injectable({ providedIn: 'root' })
export class ActionPlansApi {
  private readonly http = inject(HttpClient);

  /** The plans (not archived ones), each with its goals; a municipality has a handful, so one page of the largest size holds them. */
  list(): Observable<Page<ActionPlan>> {
    return this.http.get<Page<ActionPlan>>('/api/action-plans', { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }) });
  }

  get(id: string): Observable<ActionPlan> {
    return this.http.get<ActionPlan>(`/api/action-plans/${encodeURIComponent(id)}`);
  }
}
