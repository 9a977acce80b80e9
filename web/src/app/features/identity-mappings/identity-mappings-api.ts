import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IdentityRoleMapping, IdentityRoleMappingInput } from '@fremdrift/contracts';
import type { Observable } from 'rxjs';
import { ifMatch } from '../../core/http/if-match';

const BASE = '/api/identity-role-mappings';

/** The admins' mappings from the identity provider's groups and roles to Fremdrift roles. */
@Injectable({ providedIn: 'root' })
export class IdentityMappingsApi {
  private readonly http = inject(HttpClient);

  /** Every mapping; an installation has a handful. */
  list(): Observable<IdentityRoleMapping[]> {
    return this.http.get<IdentityRoleMapping[]>(BASE);
  }

  create(mapping: IdentityRoleMappingInput): Observable<IdentityRoleMapping> {
    return this.http.post<IdentityRoleMapping>(BASE, mapping);
  }

  /** Refused with 409 `staleVersion` when someone changed it since `version` was read. */
  update(id: string, version: number, changes: Partial<IdentityRoleMappingInput>): Observable<IdentityRoleMapping> {
    return this.http.patch<IdentityRoleMapping>(`${BASE}/${encodeURIComponent(id)}`, changes, { headers: ifMatch(version) });
  }

  delete(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`, { headers: ifMatch(version) });
  }
}
