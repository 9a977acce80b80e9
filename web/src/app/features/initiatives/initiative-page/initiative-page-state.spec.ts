import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Initiative, UpdateInitiative } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aProposal, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativesApi } from '../initiatives-api';
import { InitiativePageState } from './initiative-page-state';

const conflict = (current: Initiative) =>
  new HttpErrorResponse({ status: 409, error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'staleVersion', current } });

function setup(update: (id: string, version: number, changes: UpdateInitiative) => ReturnType<InitiativesApi['update']>) {
  const api = { update: jest.fn(update), get: jest.fn() };
  TestBed.configureTestingModule({
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  const pageState = TestBed.inject(InitiativePageState);
  const prompt = TestBed.inject(ConflictPrompt);
  return { pageState, prompt, api };
}

/** Waits until the page's state asks the user. */
async function asked(prompt: ConflictPrompt) {
  for (let i = 0; i < 10 && !prompt.request(); i++) await Promise.resolve();
  return prompt.request();
}

describe('InitiativePageState', () => {
  it('knows what the signed-in lead may do', () => {
    const { pageState } = setup(() => of(anInitiative()));
    pageState.set(anInitiative());
    expect(pageState.canEdit()).toBe(true);
    expect(pageState.canReport()).toBe(true);

    pageState.set(
      anInitiative({
        leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' },
        participatingDepartments: [leadMso.departments[0]],
      }),
    );
    expect(pageState.canEdit()).toBe(false);
    expect(pageState.canReport()).toBe(true);

    pageState.set(anInitiative({ leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' }, participatingDepartments: [] }));
    expect(pageState.canReport()).toBe(false);
  });

  it('saves with the version it read and counts the change', async () => {
    const base = anInitiative();
    const { pageState, api } = setup((_id, _version, changes) => of({ ...base, ...changes, version: 4 } as Initiative));
    pageState.set(base);

    const outcome = await pageState.saveInitiative({ summary: 'Ny' }, base);

    expect(api.update).toHaveBeenCalledWith('i1', 3, { summary: 'Ny' });
    expect(outcome).toEqual({ kind: 'saved', value: expect.objectContaining({ summary: 'Ny', version: 4 }) });
    expect(pageState.initiative()?.version).toBe(4);
    expect(pageState.revision()).toBe(1);
  });

  it('on a conflict shows what someone else changed and sends the user’s change again on top', async () => {
    const base = anInitiative();
    const theirs = anInitiative({ title: 'Ny titel fra en anden', version: 4 });
    const { pageState, prompt, api } = setup((_id, version, changes) =>
      version === 3 ? throwError(() => conflict(theirs)) : of({ ...theirs, ...changes, version: 5 } as Initiative),
    );
    pageState.set(base);

    const saving = pageState.saveInitiative({ summary: 'Min tekst' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Titel', started: 'Psykosocial støtte', now: 'Ny titel fra en anden', mine: null }]);
    prompt.answer('mine');

    await expect(saving).resolves.toEqual({
      kind: 'saved',
      value: expect.objectContaining({ title: 'Ny titel fra en anden', summary: 'Min tekst', version: 5 }),
    });
    expect(api.update).toHaveBeenLastCalledWith('i1', 4, { summary: 'Min tekst' });
  });

  it('takes the other version when the user discards their change', async () => {
    const base = anInitiative();
    const theirs = anInitiative({ summary: 'Deres tekst', version: 4 });
    const { pageState, prompt, api } = setup(() => throwError(() => conflict(theirs)));
    pageState.set(base);

    const saving = pageState.saveInitiative({ summary: 'Min tekst' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Resumé', started: 'Støtte til traumatiserede flygtninge.', now: 'Deres tekst', mine: 'Min tekst' }]);
    prompt.answer('discard');

    await expect(saving).resolves.toEqual({ kind: 'discarded', value: theirs });
    expect(api.update).toHaveBeenCalledTimes(1);
    expect(pageState.initiative()).toEqual(theirs);
  });

  it('shows a public summary someone else proposed meanwhile, though the approved one is unchanged', async () => {
    const base = anInitiative({ publicSummary: 'Godkendt.' });
    const theirs = anInitiative({ publicSummary: 'Godkendt.', publicProposal: aProposal({ publicSummary: 'Deres forslag.' }), version: 4 });
    const { pageState, prompt } = setup(() => throwError(() => conflict(theirs)));
    pageState.set(base);

    const saving = pageState.saveInitiative({ publicSummary: 'Mit forslag.' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Foreslået offentligt resumé', started: 'tom', now: 'Deres forslag.', mine: null }]);
    prompt.answer('cancel');
    await expect(saving).resolves.toEqual({ kind: 'kept', value: theirs });
  });

  it('passes on other failures', async () => {
    const { pageState } = setup(() => throwError(() => new HttpErrorResponse({ status: 403 })));
    pageState.set(anInitiative());
    await expect(pageState.saveInitiative({ title: 'x' }, anInitiative())).rejects.toMatchObject({ status: 403 });
  });
});
