import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PendingApproval, ReviewPublicText } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { anApprovalInitiative, anInitiative, aProposal, aStatusUpdate } from '../../../shared/testing/initiative.fixtures';
import { ApprovalsApi } from '../approvals-api';
import { ApprovalQueue } from './approval-queue';

const statusText: PendingApproval = {
  kind: 'status_update',
  statusUpdate: aStatusUpdate({ id: 's9', initiativeId: 'i9', publicText: 'Alle får nu et sundhedstjek.', publicTextState: 'pending', version: 4 }),
  initiative: anApprovalInitiative(),
};

/** A lead's new public summary for a published initiative; its id is the same as the status update's, on purpose. */
const summaryChange: PendingApproval = {
  kind: 'initiative',
  proposal: aProposal({ publicSummary: 'Over 100 frivillige besøgsvenner kommer nu fast på alle plejecentre.' }),
  initiative: anApprovalInitiative({
    id: 's9',
    title: 'Besøgsvenner på plejecentre',
    published: true,
    publicSummary: 'Frivillige besøgsvenner på byens plejecentre.',
    version: 12,
  }),
};

/** A lead wants an unpublished initiative on the public page, with its summary as it is. */
const publication: PendingApproval = {
  kind: 'initiative',
  proposal: aProposal({ published: true, publicSummary: null }),
  initiative: anApprovalInitiative({
    id: 'i1',
    title: 'Psykosocial støtte',
    published: false,
    publicSummary: 'Hurtigere hjælp til traumatiserede flygtninge.',
    version: 3,
  }),
};

type Review = (item: PendingApproval, body: ReviewPublicText) => Observable<unknown>;

function setup(
  review: Review,
  initial: PendingApproval[] = [statusText],
  afterReview: (items: PendingApproval[], item: PendingApproval) => PendingApproval[] = (all, item) => all.filter((i) => i !== item),
) {
  let remaining = initial;
  const api = {
    list: jest.fn(() => of({ items: remaining, total: remaining.length, page: 1, pageSize: 25 })),
    review: jest.fn((item: PendingApproval, body: ReviewPublicText) => {
      remaining = afterReview(remaining, item);
      return review(item, body);
    }),
  };
  TestBed.configureTestingModule({ imports: [ApprovalQueue], providers: [provideRouter([]), provideI18nTesting(), { provide: ApprovalsApi, useValue: api }] });
  const fixture = TestBed.createComponent(ApprovalQueue);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: RegExp) => Array.from(element.querySelectorAll('button')).find((b) => name.test(b.getAttribute('aria-label') ?? text(b)));
  const items = () => Array.from(element.querySelectorAll<HTMLElement>('.approval'));
  return { fixture, element, api, button, items };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Each version shown side by side: its label and its text. */
const versions = (item: Element) =>
  Array.from(item.querySelectorAll('.approval__version')).map((v) => [text(v.querySelector('h5')), text(v.querySelector('.approval__text'))]);

describe('ApprovalQueue', () => {
  it('shows each public text with its initiative and approves it', async () => {
    const { fixture, element, api, button } = setup(() => of(aStatusUpdate({ publicTextState: 'approved' })));
    await fixture.whenStable();

    const item = element.querySelector('.approval');
    expect(text(item?.querySelector('h3'))).toBe('Sundhedstjek ved ankomst');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/initiativer/i9');
    expect(text(item)).toContain('Tekst fra statusopdatering');
    expect(text(item)).toContain('Alle får nu et sundhedstjek.');
    expect(text(item)).toContain('Periode 1. nov. 2026 – 30. nov. 2026');
    expect(text(item)).toContain('Initiativet er ikke offentliggjort endnu');

    button(/^Godkend teksten til Sundhedstjek ved ankomst$/)?.click();
    await fixture.whenStable();

    expect(api.review).toHaveBeenCalledWith(statusText, { decision: 'approve' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Teksten til »Sundhedstjek ved ankomst« er godkendt.');
    expect(text(element.querySelector('.notice--empty'))).toContain('Intet venter på godkendelse');
  });

  it('shows a rewritten public text next to the one the public reads now', async () => {
    const rewrite: PendingApproval = {
      ...statusText,
      statusUpdate: { ...(statusText.kind === 'status_update' ? statusText.statusUpdate : aStatusUpdate()), approvedPublicText: 'Sundhedstjek for nogle.' },
    };
    const { fixture, items } = setup(() => of({}), [rewrite]);
    await fixture.whenStable();

    expect(versions(items()[0])).toEqual([
      ['Nu – det ser borgerne', 'Sundhedstjek for nogle.'],
      ['Ny tekst', 'Alle får nu et sundhedstjek.'],
    ]);
  });

  it('shows a change to an initiative’s public summary as now and proposed, and both kinds side by side', async () => {
    const publicationWithSummary: PendingApproval = {
      ...publication,
      proposal: aProposal({ published: true, publicSummary: 'Hurtig hjælp.' }),
      initiative: { ...publication.initiative, id: 'i2' },
    };
    const { fixture, items } = setup(() => of({}), [statusText, summaryChange, publication, publicationWithSummary]);
    await fixture.whenStable();

    // Same id, different kinds: an item and an id of its own for each.
    expect(items()).toHaveLength(4);
    const headingIds = items().map((item) => item.querySelector('h3')?.id);
    expect(new Set(headingIds).size).toBe(4);

    const change = items()[1];
    expect(text(change)).toContain('Ændring af den offentlige side');
    expect(text(change.querySelector('h3'))).toBe('Besøgsvenner på plejecentre');
    expect(text(change)).toContain('Foreslået af Mette Holm, 24. nov. 2026');
    expect(text(change.querySelector('.approval__changes dt'))).toBe('Offentligt resumé');
    expect(versions(change)).toEqual([
      ['Nu – det ser borgerne', 'Frivillige besøgsvenner på byens plejecentre.'],
      ['Foreslået', 'Over 100 frivillige besøgsvenner kommer nu fast på alle plejecentre.'],
    ]);
    expect(text(change)).not.toContain('Offentliggørelse');

    const publish = items()[2];
    expect(text(publish.querySelector('.approval__change dt'))).toBe('Offentliggørelse:');
    expect(text(publish.querySelector('.approval__change dd'))).toBe('ikke offentlig → ændres til offentlig');
    expect(publish.querySelector('.approval__change [aria-hidden="true"]')?.textContent?.trim()).toBe('→');
    const unchanged = publish.querySelectorAll('.approval__change')[1];
    expect(text(unchanged?.querySelector('dt'))).toBe('Offentligt resumé (uændret)');
    expect(text(unchanged?.querySelector('dd'))).toBe('Hurtigere hjælp til traumatiserede flygtninge.');

    // Not public yet: the summary now is approved, but nobody outside sees it.
    expect(versions(items()[3])).toEqual([
      ['Nu – godkendt, men ikke offentligt', 'Hurtigere hjælp til traumatiserede flygtninge.'],
      ['Foreslået', 'Hurtig hjælp.'],
    ]);
  });

  it('approves and returns a proposal with the initiative’s version', async () => {
    const { fixture, element, api, button } = setup(() => of(anInitiative()), [summaryChange, publication]);
    await fixture.whenStable();

    button(/^Godkend ændringen af Besøgsvenner på plejecentre$/)?.click();
    await fixture.whenStable();
    expect(api.review).toHaveBeenCalledWith(summaryChange, { decision: 'approve' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Ændringen af »Besøgsvenner på plejecentre« er godkendt.');

    button(/^Send retur: ændringen af Psykosocial støtte$/)?.click();
    await fixture.whenStable();
    const comment = element.querySelector<HTMLTextAreaElement>('#return-in-i1');
    expect(document.activeElement).toBe(comment);
    if (comment) {
      comment.value = 'Skriv resuméet i et enklere sprog.';
      comment.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(api.review).toHaveBeenLastCalledWith(publication, { decision: 'return', comment: 'Skriv resuméet i et enklere sprog.' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Ændringen af »Psykosocial støtte« er sendt retur.');
  });

  it('returns a text only with a comment', async () => {
    const { fixture, element, api, button } = setup(() => of(aStatusUpdate({ publicTextState: 'returned' })));
    await fixture.whenStable();

    button(/^Send retur: teksten til /)?.click();
    await fixture.whenStable();
    const comment = element.querySelector<HTMLTextAreaElement>('#return-su-s9');
    expect(document.activeElement).toBe(comment);
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(api.review).not.toHaveBeenCalled();
    expect(text(element.querySelector('#return-su-s9-error'))).toBe('Fejl: Skriv, hvad afdelingslederen skal rette.');

    if (comment) {
      comment.value = 'Skriv tallene med.';
      comment.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(api.review).toHaveBeenCalledWith(statusText, { decision: 'return', comment: 'Skriv tallene med.' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Teksten til »Sundhedstjek ved ankomst« er sendt retur.');
  });

  it('reads the queue again when the text changed since it was read, and shows the new version', async () => {
    const rewritten: PendingApproval = {
      kind: 'status_update',
      statusUpdate: aStatusUpdate({
        id: 's9',
        initiativeId: 'i9',
        publicText: 'Alle nyankomne får nu et sundhedstjek med tolk.',
        publicTextState: 'pending',
        version: 5,
      }),
      initiative: anApprovalInitiative(),
    };
    const { fixture, element, api, button } = setup(
      () => throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409 } })),
      [statusText],
      () => [rewritten],
    );
    await fixture.whenStable();
    button(/^Godkend/)?.click();
    await fixture.whenStable();

    expect(api.list).toHaveBeenCalledTimes(2);
    const alert = element.querySelector('.approval [role="alert"]');
    expect(text(alert)).toBe('Teksten er ændret, siden du læste den. Læs den nye version og godkend igen.');
    expect(document.activeElement).toBe(alert);
    expect(text(element.querySelector('.approval'))).toContain('Alle nyankomne får nu et sundhedstjek med tolk.');

    // Approving again sends the new version.
    api.review.mockImplementation(() => of(rewritten.kind === 'status_update' ? rewritten.statusUpdate : undefined));
    button(/^Godkend/)?.click();
    await fixture.whenStable();
    expect(api.review).toHaveBeenLastCalledWith(rewritten, { decision: 'approve' });
  });

  it('says so when someone else handled it first', async () => {
    const { fixture, element, button } = setup(
      () => throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409 } })),
      [summaryChange],
    );
    await fixture.whenStable();
    button(/^Godkend/)?.click();
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toBe(
      '»Besøgsvenner på plejecentre« venter ikke længere på godkendelse. En anden har behandlet det, eller det er trukket tilbage.',
    );
    expect(text(element.querySelector('.notice--empty'))).toContain('Intet venter på godkendelse');
  });
});
