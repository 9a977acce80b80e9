import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type CreatePartner, type Page, type Partner } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../http/query-params';

/** Data access for the shared register of co-creation partners: `/api/partners`. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  listAll(): Observable<Page<Partner>> {
    return this.http.get<Page<Partner>>('/api/partners', { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }) });
  }

  create(partner: CreatePartner): Observable<Partner> {
    return this.http.post<Partner>('/api/partners', partner);
  }
}
