import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Initiative, UpdateInitiative } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aProposal, fakeAuth, leadMso } from '../initiative.fixtures';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeWorkspace } from './initiative-workspace';

const conflict = (current: Initiative) =>
  new HttpErrorResponse({ status: 409, error: { type: 'about:blank', title: 'Conflict', status: 409, current } });

function setup(update: (id: string, version: number, changes: UpdateInitiative) => ReturnType<InitiativesApi['update']>) {
  const api = { update: jest.fn(update), get: jest.fn() };
  TestBed.configureTestingModule({
    providers: [provideI18nTesting(), fakeAuth(), InitiativeWorkspace, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  const workspace = TestBed.inject(InitiativeWorkspace);
  const prompt = TestBed.inject(ConflictPrompt);
  return { workspace, prompt, api };
}

/** Waits until the workspace asks the user. */
async function asked(prompt: ConflictPrompt) {
  for (let i = 0; i < 10 && !prompt.request(); i++) await Promise.resolve();
  return prompt.request();
}

describe('InitiativeWorkspace', () => {
  it('knows what the signed-in lead may do', () => {
    const { workspace } = setup(() => of(anInitiative()));
    workspace.set(anInitiative());
    expect(workspace.canEdit()).toBe(true);
    expect(workspace.canReport()).toBe(true);

    workspace.set(
      anInitiative({
        leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' },
        participatingDepartments: [leadMso.departments[0]],
      }),
    );
    expect(workspace.canEdit()).toBe(false);
    expect(workspace.canReport()).toBe(true);

    workspace.set(anInitiative({ leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' }, participatingDepartments: [] }));
    expect(workspace.canReport()).toBe(false);
  });

  it('saves with the version it read and counts the change', async () => {
    const base = anInitiative();
    const { workspace, api } = setup((_id, _version, changes) => of({ ...base, ...changes, version: 4 } as Initiative));
    workspace.set(base);

    const outcome = await workspace.saveInitiative({ summary: 'Ny' }, base);

    expect(api.update).toHaveBeenCalledWith('i1', 3, { summary: 'Ny' });
    expect(outcome).toEqual({ kind: 'saved', value: expect.objectContaining({ summary: 'Ny', version: 4 }) });
    expect(workspace.initiative()?.version).toBe(4);
    expect(workspace.revision()).toBe(1);
  });

  it('on a conflict shows what someone else changed and sends the user’s change again on top', async () => {
    const base = anInitiative();
    const theirs = anInitiative({ title: 'Ny titel fra en anden', version: 4 });
    const { workspace, prompt, api } = setup((_id, version, changes) =>
      version === 3 ? throwError(() => conflict(theirs)) : of({ ...theirs, ...changes, version: 5 } as Initiative),
    );
    workspace.set(base);

    const saving = workspace.saveInitiative({ summary: 'Min tekst' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Titel', started: 'Psykosocial støtte', now: 'Ny titel fra en anden', mine: null }]);
    prompt.answer('mine');

    await expect(saving).resolves.toEqual({ kind: 'saved', value: expect.objectContaining({ title: 'Ny titel fra en anden', summary: 'Min tekst', version: 5 }) });
    expect(api.update).toHaveBeenLastCalledWith('i1', 4, { summary: 'Min tekst' });
  });

  it('takes the other version when the user discards their change', async () => {
    const base = anInitiative();
    const theirs = anInitiative({ summary: 'Deres tekst', version: 4 });
    const { workspace, prompt, api } = setup(() => throwError(() => conflict(theirs)));
    workspace.set(base);

    const saving = workspace.saveInitiative({ summary: 'Min tekst' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Resumé', started: 'Støtte til traumatiserede flygtninge.', now: 'Deres tekst', mine: 'Min tekst' }]);
    prompt.answer('discard');

    await expect(saving).resolves.toEqual({ kind: 'discarded', value: theirs });
    expect(api.update).toHaveBeenCalledTimes(1);
    expect(workspace.initiative()).toEqual(theirs);
  });

  it('shows a public summary someone else proposed meanwhile, though the approved one is unchanged', async () => {
    const base = anInitiative({ publicSummary: 'Godkendt.' });
    const theirs = anInitiative({ publicSummary: 'Godkendt.', publicProposal: aProposal({ publicSummary: 'Deres forslag.' }), version: 4 });
    const { workspace, prompt } = setup(() => throwError(() => conflict(theirs)));
    workspace.set(base);

    const saving = workspace.saveInitiative({ publicSummary: 'Mit forslag.' }, base);
    const request = await asked(prompt);
    expect(request?.lines).toEqual([{ label: 'Foreslået offentligt resumé', started: 'tom', now: 'Deres forslag.', mine: null }]);
    prompt.answer('cancel');
    await expect(saving).resolves.toEqual({ kind: 'kept', value: theirs });
  });

  it('passes on other failures', async () => {
    const { workspace } = setup(() => throwError(() => new HttpErrorResponse({ status: 403 })));
    workspace.set(anInitiative());
    await expect(workspace.saveInitiative({ title: 'x' }, anInitiative())).rejects.toMatchObject({ status: 403 });
  });
});
