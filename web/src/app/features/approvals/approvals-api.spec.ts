import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PendingApproval } from '@fremdrift/contracts';
import { firstValueFrom } from 'rxjs';
import { anApprovalInitiative, anInitiative, aProposal, aStatusUpdate } from '../../shared/testing/initiative.fixtures';
import { ApprovalsApi } from './approvals-api';

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(ApprovalsApi), http: TestBed.inject(HttpTestingController) };
}

describe('ApprovalsApi', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reviews a status update’s public text with the version of the status update that was read', async () => {
    const { api, http } = setup();
    const item: PendingApproval = {
      kind: 'status_update',
      statusUpdate: aStatusUpdate({ id: 's9', initiativeId: 'i9', publicTextState: 'pending', version: 4 }),
      initiative: anApprovalInitiative({ version: 7 }),
    };
    const done = firstValueFrom(api.review(item, { decision: 'approve' }));

    const request = http.expectOne('/api/initiatives/i9/status-updates/s9/review');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('If-Match')).toBe('"4"');
    expect(request.request.body).toEqual({ decision: 'approve' });
    request.flush(aStatusUpdate({ publicTextState: 'approved' }));
    await done;
  });

  it('reviews a change to an initiative’s public face with the version of the initiative that was read', async () => {
    const { api, http } = setup();
    const item: PendingApproval = { kind: 'initiative', proposal: aProposal(), initiative: anApprovalInitiative({ id: 'i9', version: 7 }) };
    const done = firstValueFrom(api.review(item, { decision: 'return', comment: 'Skriv det enklere.' }));

    const request = http.expectOne('/api/initiatives/i9/public-review');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('If-Match')).toBe('"7"');
    expect(request.request.body).toEqual({ decision: 'return', comment: 'Skriv det enklere.' });
    request.flush(anInitiative());
    await done;
  });
});
