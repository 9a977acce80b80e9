import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LIMITS, type CreatePartner, type Page, type Partner, type PartnerConsent, type PartnerQuery, type UpdatePartner } from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { toHttpParams } from '../http/query-params';

/** Data access for the shared register of co-creation partners: `/api/partners`. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(query: PartnerQuery): Observable<Page<Partner>> {
    return this.http.get<Page<Partner>>('/api/partners', { params: toHttpParams({ ...query }) });
  }

  listAll(): Observable<Page<Partner>> {
    return this.list({ page: 1, pageSize: LIMITS.pageSize.max });
  }

  create(partner: CreatePartner): Observable<Partner> {
    return this.http.post<Partner>('/api/partners', partner);
  }

  update(id: string, changes: UpdatePartner): Observable<Partner> {
    return this.http.patch<Partner>(`/api/partners/${encodeURIComponent(id)}`, changes);
  }

  /** Merges `duplicateId` into the partner `keptId` and deletes the duplicate (admins). */
  merge(keptId: string, duplicateId: string): Observable<Partner> {
    return this.http.post<Partner>(`/api/partners/${encodeURIComponent(keptId)}/merge`, { duplicateId });
  }
}

/**
 * How a link's consent to be named publicly reads: "Samtykke givet 12. mar. 2026 på workshop",
 * "Trukket tilbage 1. jun. 2026" or "Intet samtykke". A translation key with its parameters;
 * `date` formats the ISO dates in the current language.
 */
export function consentSummary(consent: PartnerConsent, date: (iso: string) => string): { key: string; params: Record<string, string> } {
  if (consent.publicConsent && consent.consentGivenOn && consent.consentMethod) {
    return { key: `partners.consentGivenBy.${consent.consentMethod}`, params: { date: date(consent.consentGivenOn) } };
  }
  if (consent.consentWithdrawnOn) return { key: 'partners.consentWithdrawn', params: { date: date(consent.consentWithdrawnOn) } };
  return { key: 'partners.consentNone', params: {} };
}
