import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Initiative, UpdateInitiative } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeLifecycle } from './initiative-lifecycle';

const REASON = 'Lagt sammen med kommunens fælles praktikordning.';

function setup(update: (id: string, version: number, changes: UpdateInitiative) => Observable<Initiative>, initiative = anInitiative()) {
  const api = { update: jest.fn(update) };
  TestBed.configureTestingModule({
    imports: [InitiativeLifecycle],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, UnsavedChanges, { provide: InitiativesApi, useValue: api }],
  });
  const pageState = TestBed.inject(InitiativePageState);
  pageState.set(initiative);
  const fixture = TestBed.createComponent(InitiativeLifecycle);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name);
  const dialog = () => element.querySelector('dialog') as HTMLDialogElement;
  const choose = async (value: string) => {
    dialog().querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)?.click();
    await fixture.whenStable();
  };
  const typeReason = async (value: string) => {
    const area = dialog().querySelector<HTMLTextAreaElement>('#lifecycle-reason');
    if (!area) throw new Error('no reason field');
    area.value = value;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    dialog()
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  };
  const open = async () => {
    await fixture.whenStable();
    button('Skift status')?.click();
    await fixture.whenStable();
  };
  return { fixture, element, api, button, dialog, choose, typeReason, submit, open, pageState };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('InitiativeLifecycle', () => {
  it('shows the status and opens the dialog from "Skift status" with the current status chosen', async () => {
    const { element, dialog, open } = setup(() => of(anInitiative()));
    await open();
    expect(text(element.querySelector('.lifecycle__status'))).toBe('I gang');
    expect(text(dialog().querySelector('h2'))).toBe('Skift status');
    expect(dialog().querySelector<HTMLInputElement>('input[value="in_progress"]')?.checked).toBe(true);
    expect(dialog().querySelector('#lifecycle-reason')).toBeNull();
  });

  it('changes to an ordinary status directly, says so, and closes with focus back on the button', async () => {
    const { api, dialog, choose, submit, open, button, pageState } = setup((_id, _v, changes) => of(anInitiative({ ...changes, version: 4 })));
    await open();
    await choose('on_hold');
    await submit();
    expect(api.update).toHaveBeenCalledWith('i1', 3, { status: 'on_hold' });
    expect(dialog().querySelector('form')).toBeNull();
    expect(pageState.initiative()?.status).toBe('on_hold');
    await Promise.resolve();
    expect(pageState.announcement()).toBe('Status er ændret til Sat på pause.');
    expect(document.activeElement).toBe(button('Skift status'));
  });

  it('asks for the reason when cancelling, refuses a short one before sending, and sends it trimmed', async () => {
    const cancelled = anInitiative({ status: 'cancelled', cancellationReason: REASON, version: 4 });
    const { api, element, dialog, choose, typeReason, submit, open } = setup(() => of(cancelled));
    await open();
    await choose('cancelled');
    const area = dialog().querySelector('#lifecycle-reason');
    expect(area?.hasAttribute('required')).toBe(true);
    expect(text(dialog().querySelector('#lifecycle-reason-hint'))).toContain('mindst 10 tegn');
    expect(dialog().querySelector('fd-char-counter')).not.toBeNull();

    await submit();
    expect(api.update).not.toHaveBeenCalled();
    expect(text(dialog().querySelector('#lifecycle-reason-error'))).toContain('Skriv en begrundelse for annulleringen.');
    expect(area?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(area);

    await typeReason('For kort');
    await submit();
    expect(text(dialog().querySelector('#lifecycle-reason-error'))).toContain('mindst 10 tegn');
    expect(api.update).not.toHaveBeenCalled();

    await typeReason(`  ${REASON}  `);
    await submit();
    expect(api.update).toHaveBeenCalledWith('i1', 3, { status: 'cancelled', cancellationReason: REASON });
    expect(text(element.querySelector('.lifecycle__reason'))).toBe(`Annulleret: ${REASON}`);
  });

  it('asks what to do with open milestones when completing, and sends the choice', async () => {
    const initiative = anInitiative({ milestoneCount: 4, completedMilestoneCount: 1 });
    const { api, dialog, choose, submit, open, pageState } = setup(() => of(anInitiative({ status: 'completed', progress: 1, version: 4 })), initiative);
    const milestonesBefore = pageState.milestonesRevision();
    await open();
    await choose('completed');
    expect(text(dialog().querySelector('.lifecycle-dialog__milestones legend'))).toBe('3 milepæle er ikke afsluttet. Hvad skal der ske med dem?');

    await submit();
    expect(api.update).not.toHaveBeenCalled();
    expect(text(dialog().querySelector('#lifecycle-milestones-error'))).toContain('Vælg, hvad der skal ske med milepælene.');

    await choose('complete');
    await submit();
    expect(api.update).toHaveBeenCalledWith('i1', 3, { status: 'completed', openMilestones: 'complete' });
    expect(pageState.milestonesRevision()).toBe(milestonesBefore + 1);
    await Promise.resolve();
    expect(pageState.announcement()).toBe('Status er ændret til Afsluttet, og milepælene er markeret som afsluttet i dag.');
  });

  it('completes without asking when every milestone is done', async () => {
    const { api, dialog, choose, submit, open } = setup(() => of(anInitiative({ status: 'completed' })), anInitiative({ completedMilestoneCount: 2 }));
    await open();
    await choose('completed');
    expect(dialog().querySelector('.lifecycle-dialog__milestones')).toBeNull();
    await submit();
    expect(api.update).toHaveBeenCalledWith('i1', 3, { status: 'completed' });
  });

  it('asks after all when the API finds open milestones the page did not know of', async () => {
    let calls = 0;
    const { api, dialog, choose, submit, open } = setup(
      () =>
        calls++ === 0
          ? throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409, code: 'openMilestones', params: { count: 2 } } }))
          : of(anInitiative({ status: 'completed' })),
      anInitiative({ completedMilestoneCount: 2 }),
    );
    await open();
    await choose('completed');
    await submit();
    expect(text(dialog().querySelector('.lifecycle-dialog__milestones legend'))).toContain('2 milepæle er ikke afsluttet.');
    await choose('keep');
    await submit();
    expect(api.update).toHaveBeenLastCalledWith('i1', 3, { status: 'completed', openMilestones: 'keep' });
  });

  it('shows the API’s error by its code and keeps the dialog open', async () => {
    const { dialog, choose, submit, open } = setup(() =>
      throwError(() => new HttpErrorResponse({ status: 403, error: { title: 'Forbidden', status: 403, code: 'forbidden' } })),
    );
    await open();
    await choose('on_hold');
    await submit();
    expect(text(dialog().querySelector('[role="alert"]'))).toBe('Status blev ikke ændret. Du har ikke adgang til at gøre dette');
    expect(dialog().querySelector('form')).not.toBeNull();
  });

  it('keeps the reason typed while the user decides about someone else’s change, and sends it on top of the new version', async () => {
    const theirs = anInitiative({ title: 'En andens titel', version: 4 });
    const { fixture, api, dialog, choose, typeReason, submit, open } = setup((_id, version, changes) =>
      version === 3
        ? throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409, code: 'staleVersion', current: theirs } }))
        : of({ ...theirs, ...(changes as Partial<Initiative>), version: 5 }),
    );
    const prompt = TestBed.inject(ConflictPrompt);
    await open();
    await choose('cancelled');
    await typeReason(REASON);
    void submit();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));

    expect(prompt.request()?.lines.map((line) => line.label)).toEqual(['Titel']);
    expect(dialog().querySelector<HTMLTextAreaElement>('#lifecycle-reason')?.value).toBe(REASON);
    expect(dialog().querySelector<HTMLInputElement>('input[value="cancelled"]')?.checked).toBe(true);

    prompt.answer('mine');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(api.update).toHaveBeenLastCalledWith('i1', 4, { status: 'cancelled', cancellationReason: REASON });
  });

  it('refuses keeping the same status', async () => {
    const { api, dialog, submit, open } = setup(() => of(anInitiative()));
    await open();
    await submit();
    expect(api.update).not.toHaveBeenCalled();
    expect(text(dialog().querySelector('#lifecycle-status-error'))).toContain('Vælg en anden status end den nuværende.');
  });

  it('offers no change to someone who may not edit the initiative', async () => {
    const { element } = setup(
      () => of(anInitiative()),
      anInitiative({ leadDepartment: { id: 'd-x', code: 'X', name: 'Anden' }, participatingDepartments: [] }),
    );
    expect(element.querySelector('button')).toBeNull();
  });
});
