import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUser, Page, ResetPassword, UpdateUser, User, UserQuery } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/query-params';

/** Data access for user accounts (admins only): `/api/users`. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>('/api/users', { params: toHttpParams({ ...query }) });
  }

  get(id: string): Observable<User> {
    return this.http.get<User>(`/api/users/${encodeURIComponent(id)}`);
  }

  create(user: CreateUser): Observable<User> {
    return this.http.post<User>('/api/users', user);
  }

  update(id: string, changes: UpdateUser): Observable<User> {
    return this.http.patch<User>(`/api/users/${encodeURIComponent(id)}`, changes);
  }

  /** Sets a temporary password for another user and signs them out everywhere. */
  resetPassword(id: string, reset: ResetPassword): Observable<void> {
    return this.http.post<void>(`/api/users/${encodeURIComponent(id)}/password`, reset);
  }
}
