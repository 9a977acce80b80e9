import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type CreateDepartment, type Department, type Page, type UpdateDepartment } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../http/query-params';

/** Data access for the magistratsafdelinger: `/api/departments`. */
@Injectable({ providedIn: 'root' })
export class DepartmentsApi {
  private readonly http = inject(HttpClient);

  /** All departments; a municipality has a handful, so one page of the largest size holds them. */
  listAll(): Observable<Page<Department>> {
    return this.http.get<Page<Department>>('/api/departments', {
      params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }),
    });
  }

  /** Admins only. */
  create(department: CreateDepartment): Observable<Department> {
    return this.http.post<Department>('/api/departments', department);
  }

  /** Admins only: rename, reorder (`sortOrder`), deactivate or reactivate (`active`). */
  update(id: string, changes: UpdateDepartment): Observable<Department> {
    return this.http.patch<Department>(`/api/departments/${encodeURIComponent(id)}`, changes);
  }
}
