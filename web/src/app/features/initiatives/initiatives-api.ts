import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  LIMITS,
  type AuditEvent,
  type CreateInitiative,
  type CreateMilestone,
  type CreateStatusUpdate,
  type Initiative,
  type InitiativePartner,
  type InitiativeQuery,
  type InitiativeSummary,
  type LinkPartner,
  type Milestone,
  type Page,
  type SentMailRecord,
  type StatusUpdate,
  type UpdateInitiative,
  type UpdateMilestone,
  type UpdateStatusUpdate,
} from '@fremdrift/contracts';
import { Observable } from 'rxjs';
import { ifMatch } from '../../core/http/if-match';
import { toHttpParams } from '../../core/http/query-params';

const base = (id: string) => `/api/initiatives/${encodeURIComponent(id)}`;

/** Data access for initiatives and what belongs to them: `/api/initiatives/…`. */
@Injectable({ providedIn: 'root' })
export class InitiativesApi {
  private readonly http = inject(HttpClient);

  list(query: InitiativeQuery): Observable<Page<InitiativeSummary>> {
    return this.http.get<Page<InitiativeSummary>>('/api/initiatives', { params: toHttpParams({ ...query }) });
  }

  /** The signed-in lead's initiatives: those their departments lead or take part in. */
  mine(): Observable<Page<InitiativeSummary>> {
    return this.list({ mine: true, page: 1, pageSize: LIMITS.pageSize.max });
  }

  get(id: string): Observable<Initiative> {
    return this.http.get<Initiative>(base(id));
  }

  update(id: string, version: number, changes: UpdateInitiative): Observable<Initiative> {
    return this.http.patch<Initiative>(base(id), changes, { headers: ifMatch(version) });
  }

  create(initiative: CreateInitiative): Observable<Initiative> {
    return this.http.post<Initiative>('/api/initiatives', initiative);
  }

  /** Deletes the initiative with its milestones, status updates and partner links. */
  delete(id: string, version: number): Observable<void> {
    return this.http.delete<void>(base(id), { headers: ifMatch(version) });
  }

  milestones(id: string): Observable<Page<Milestone>> {
    return this.http.get<Page<Milestone>>(`${base(id)}/milestones`, { params: toHttpParams({ page: 1, pageSize: LIMITS.pageSize.max }) });
  }

  createMilestone(id: string, milestone: CreateMilestone): Observable<Milestone> {
    return this.http.post<Milestone>(`${base(id)}/milestones`, milestone);
  }

  updateMilestone(id: string, milestoneId: string, version: number, changes: UpdateMilestone): Observable<Milestone> {
    return this.http.patch<Milestone>(`${base(id)}/milestones/${encodeURIComponent(milestoneId)}`, changes, { headers: ifMatch(version) });
  }

  deleteMilestone(id: string, milestoneId: string, version: number): Observable<void> {
    return this.http.delete<void>(`${base(id)}/milestones/${encodeURIComponent(milestoneId)}`, { headers: ifMatch(version) });
  }

  /** Newest period first. */
  statusUpdates(id: string, pageSize: number): Observable<Page<StatusUpdate>> {
    return this.http.get<Page<StatusUpdate>>(`${base(id)}/status-updates`, { params: toHttpParams({ page: 1, pageSize }) });
  }

  updateStatusUpdate(id: string, updateId: string, version: number, changes: UpdateStatusUpdate): Observable<StatusUpdate> {
    return this.http.patch<StatusUpdate>(`${base(id)}/status-updates/${encodeURIComponent(updateId)}`, changes, { headers: ifMatch(version) });
  }

  createStatusUpdate(id: string, update: CreateStatusUpdate): Observable<StatusUpdate> {
    return this.http.post<StatusUpdate>(`${base(id)}/status-updates`, update);
  }

  partners(id: string): Observable<InitiativePartner[]> {
    return this.http.get<InitiativePartner[]>(`${base(id)}/partners`);
  }

  /** Links a partner, or changes the role and consent of a linked one. */
  linkPartner(id: string, partnerId: string, link: LinkPartner): Observable<InitiativePartner> {
    return this.http.put<InitiativePartner>(`${base(id)}/partners/${encodeURIComponent(partnerId)}`, link);
  }

  unlinkPartner(id: string, partnerId: string): Observable<void> {
    return this.http.delete<void>(`${base(id)}/partners/${encodeURIComponent(partnerId)}`);
  }

  /** Reminders and escalations recorded for the initiative, newest first. */
  sentReminders(id: string): Observable<SentMailRecord[]> {
    return this.http.get<SentMailRecord[]>(`/api/reminders/initiatives/${encodeURIComponent(id)}`);
  }

  /** Changes to the initiative and everything in it, newest first. */
  history(id: string, page: number, pageSize: number): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>(`${base(id)}/history`, { params: toHttpParams({ page, pageSize }) });
  }
}
