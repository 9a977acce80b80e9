import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  LIMITS,
  type ActionPlan,
  type CreateActionPlan,
  type CreateGoal,
  type Goal,
  type InitiativeSummary,
  type Page,
  type UpdateActionPlan,
  type UpdateGoal,
} from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Reading and keeping action plans and their goals: `/api/action-plans`. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  /** The plans in use, or the archived ones; a municipality has a handful, so one page of the largest size holds them. */
  list(archived: boolean): Observable<Page<ActionPlan>> {
    return this.http.get<Page<ActionPlan>>('/api/action-plans', { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max, archived }) });
  }

  get(id: string): Observable<ActionPlan> {
    return this.http.get<ActionPlan>(`/api/action-plans/${encodeURIComponent(id)}`);
  }

  create(plan: CreateActionPlan): Observable<ActionPlan> {
    return this.http.post<ActionPlan>('/api/action-plans', plan);
  }

  update(id: string, changes: UpdateActionPlan): Observable<ActionPlan> {
    return this.http.patch<ActionPlan>(`/api/action-plans/${encodeURIComponent(id)}`, changes);
  }

  createGoal(planId: string, goal: CreateGoal): Observable<Goal> {
    return this.http.post<Goal>(`/api/action-plans/${encodeURIComponent(planId)}/goals`, goal);
  }

  updateGoal(planId: string, goalId: string, changes: UpdateGoal): Observable<Goal> {
    return this.http.patch<Goal>(`/api/action-plans/${encodeURIComponent(planId)}/goals/${encodeURIComponent(goalId)}`, changes);
  }

  removeGoal(planId: string, goalId: string): Observable<void> {
    return this.http.delete<void>(`/api/action-plans/${encodeURIComponent(planId)}/goals/${encodeURIComponent(goalId)}`);
  }

  /** The plan's initiatives with their progress and health (a plan has at most a few dozen). */
  initiatives(planId: string): Observable<Page<InitiativeSummary>> {
    return this.http.get<Page<InitiativeSummary>>('/api/initiatives', {
      params: toHttpParams({ actionPlanId: planId, page: 1, pageSize: LIMITS.pageSize.max }),
    });
  }
}
