import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PendingApproval, ReviewPublicText, StatusUpdate } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aStatusUpdate } from '../../initiatives/initiative.fixtures';
import { ApprovalsApi } from '../approvals-api';
import { ApprovalQueue } from './approval-queue';

const pending: PendingApproval = {
  statusUpdate: aStatusUpdate({ id: 's9', publicText: 'Alle får nu et sundhedstjek.', publicTextState: 'pending' }),
  initiative: { id: 'i9', title: 'Sundhedstjek ved ankomst', leadDepartment: { id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' }, published: false },
};

function setup(review: (initiativeId: string, id: string, body: ReviewPublicText) => Observable<StatusUpdate>, items = [pending]) {
  let remaining = items;
  const api = {
    list: jest.fn(() => of({ items: remaining, total: remaining.length, page: 1, pageSize: 25 })),
    review: jest.fn((initiativeId: string, id: string, body: ReviewPublicText) => {
      remaining = [];
      return review(initiativeId, id, body);
    }),
  };
  TestBed.configureTestingModule({ imports: [ApprovalQueue], providers: [provideRouter([]), provideI18nTesting(), { provide: ApprovalsApi, useValue: api }] });
  const fixture = TestBed.createComponent(ApprovalQueue);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: RegExp) => Array.from(element.querySelectorAll('button')).find((b) => name.test(b.getAttribute('aria-label') ?? text(b)));
  return { fixture, element, api, button };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ApprovalQueue', () => {
  it('shows each public text with its initiative and approves it', async () => {
    const { fixture, element, api, button } = setup(() => of(aStatusUpdate({ publicTextState: 'approved' })));
    await fixture.whenStable();

    const item = element.querySelector('.approval');
    expect(text(item?.querySelector('h3'))).toBe('Sundhedstjek ved ankomst');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/initiativer/i9');
    expect(text(item)).toContain('Alle får nu et sundhedstjek.');
    expect(text(item)).toContain('Periode 1. nov. 2026 – 30. nov. 2026');
    expect(text(item)).toContain('Initiativet er ikke offentliggjort endnu');

    button(/^Godkend teksten til Sundhedstjek ved ankomst$/)?.click();
    await fixture.whenStable();

    expect(api.review).toHaveBeenCalledWith('i9', 's9', { decision: 'approve' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Teksten til »Sundhedstjek ved ankomst« er godkendt.');
    expect(text(element.querySelector('.notice--empty'))).toContain('Ingen tekster venter på godkendelse');
  });

  it('returns a text only with a comment', async () => {
    const { fixture, element, api, button } = setup(() => of(aStatusUpdate({ publicTextState: 'returned' })));
    await fixture.whenStable();

    button(/^Send retur: teksten til /)?.click();
    await fixture.whenStable();
    const comment = element.querySelector<HTMLTextAreaElement>('#return-s9');
    expect(document.activeElement).toBe(comment);
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(api.review).not.toHaveBeenCalled();
    expect(text(element.querySelector('#return-s9-error'))).toBe('Fejl: Skriv, hvad afdelingslederen skal rette.');

    if (comment) {
      comment.value = 'Skriv tallene med.';
      comment.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(api.review).toHaveBeenCalledWith('i9', 's9', { decision: 'return', comment: 'Skriv tallene med.' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Teksten til »Sundhedstjek ved ankomst« er sendt retur.');
  });

  it('says so when someone else handled the text first', async () => {
    const { fixture, element, button } = setup(() => throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409 } })));
    await fixture.whenStable();
    button(/^Godkend/)?.click();
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Teksten er allerede behandlet af en anden.');
  });
});
