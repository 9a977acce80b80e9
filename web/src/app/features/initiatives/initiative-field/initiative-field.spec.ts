import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Initiative, UpdateInitiative } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aProposal, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeField } from './initiative-field';
import type { EditableInitiativeField } from './initiative-fields';

function setup(
  field: EditableInitiativeField,
  update: (id: string, version: number, changes: UpdateInitiative) => Observable<Initiative>,
  initiative = anInitiative(),
) {
  const api = { update: jest.fn(update) };
  TestBed.configureTestingModule({
    imports: [InitiativeField],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, UnsavedChanges, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(InitiativeField);
  fixture.componentRef.setInput('field', field);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name);
  const control = () => element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#initiative-${field}`);
  const type = async (value: string) => {
    const input = control();
    if (!input) throw new Error('no control');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const save = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return {
    fixture,
    element,
    api,
    button,
    control,
    type,
    save,
    unsaved: TestBed.inject(UnsavedChanges),
    prompt: TestBed.inject(ConflictPrompt),
    pageState: TestBed.inject(InitiativePageState),
  };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('InitiativeField', () => {
  it('never edits the status in place: its button opens the status dialog, which asks what cancelling and completing need', async () => {
    const { fixture, element, api, button, pageState } = setup('status', () => of(anInitiative()));
    await fixture.whenStable();
    expect(text(element.querySelector('dd'))).toBe('I gang');

    const edit = button('Redigér Status');
    edit?.click();
    await fixture.whenStable();
    expect(pageState.statusChange()).toEqual({ returnFocus: edit });
    expect(element.querySelector('form')).toBeNull();
    expect(api.update).not.toHaveBeenCalled();
  });

  it('shows the value, edits it in place and saves it with If-Match', async () => {
    const { fixture, element, api, button, control, type, save, unsaved } = setup('summary', (_id, _v, changes) =>
      of(anInitiative({ ...changes, version: 4 })),
    );
    await fixture.whenStable();
    expect(text(element.querySelector('dd'))).toBe('Støtte til traumatiserede flygtninge.');

    button('Redigér Resumé')?.click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(control());
    await type('Ny tekst');
    expect(unsaved.any()).toBe(true);
    await save();

    expect(api.update).toHaveBeenCalledWith('i1', 3, { summary: 'Ny tekst' });
    expect(text(element.querySelector('dd'))).toBe('Ny tekst');
    expect(unsaved.any()).toBe(false);
    expect(document.activeElement).toBe(button('Redigér Resumé'));
  });

  it('checks the rules in Danish before saving', async () => {
    const { fixture, element, api, button, type, save, control } = setup('title', (_id, _v, changes) => of(anInitiative(changes)));
    await fixture.whenStable();
    button('Redigér Titel')?.click();
    await fixture.whenStable();
    await type('ab');
    await save();

    expect(api.update).not.toHaveBeenCalled();
    expect(text(element.querySelector('#initiative-title-error'))).toBe('Fejl: Titel skal være på mindst 3 tegn.');
    expect(control()?.getAttribute('aria-invalid')).toBe('true');
  });

  it('counts the characters of a limited field instead of cutting them', async () => {
    const { fixture, element, button, type, control } = setup('summary', (_id, _v, changes) => of(anInitiative(changes)));
    await fixture.whenStable();
    button('Redigér Resumé')?.click();
    await fixture.whenStable();
    expect(control()?.hasAttribute('maxlength')).toBe(false);
    expect(text(element.querySelector('.char-counter'))).toBe('37/1.000 tegn');
    await type('x'.repeat(1001));
    expect(text(element.querySelector('.char-counter'))).toBe('1.001/1.000 tegn');
    expect(control()?.value).toHaveLength(1001);
  });

  it('shows no counter on a date', async () => {
    const date = setup('targetDate', (_id, _v, changes) => of(anInitiative(changes)));
    await date.fixture.whenStable();
    date.button('Redigér Slutdato')?.click();
    await date.fixture.whenStable();
    expect(date.element.querySelector('.char-counter')).toBeNull();
  });

  it('keeps the dates in order', async () => {
    const { fixture, element, button, type, save, api } = setup('targetDate', (_id, _v, changes) => of(anInitiative(changes)));
    await fixture.whenStable();
    expect(text(element.querySelector('dd'))).toBe('31. dec. 2026');
    button('Redigér Slutdato')?.click();
    await fixture.whenStable();
    await type('2025-12-31');
    await save();

    expect(api.update).not.toHaveBeenCalled();
    expect(text(element.querySelector('.field-error'))).toContain('Slutdatoen skal være samme dag som startdatoen eller senere.');
  });

  it('closes on Escape without saving', async () => {
    const { fixture, element, api, button, type } = setup('ownerName', (_id, _v, changes) => of(anInitiative(changes)));
    await fixture.whenStable();
    button('Redigér Ansvarlig')?.click();
    await fixture.whenStable();
    await type('Én anden');
    element.querySelector('form')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();

    expect(element.querySelector('form')).toBeNull();
    expect(text(element.querySelector('dd'))).toBe('Jette Hvid');
    expect(api.update).not.toHaveBeenCalled();
  });

  it('keeps what the user typed while they decide about a conflict', async () => {
    const theirs = anInitiative({ title: 'En andens titel', version: 4 });
    const { fixture, button, type, save, control, prompt, api } = setup('summary', (_id, version, changes) =>
      version === 3
        ? throwError(() => new HttpErrorResponse({ status: 409, error: { title: 'Conflict', status: 409, code: 'staleVersion', current: theirs } }))
        : of({ ...theirs, ...changes, version: 5 }),
    );
    await fixture.whenStable();
    button('Redigér Resumé')?.click();
    await fixture.whenStable();
    await type('Min tekst');
    await save();

    expect(prompt.request()?.lines.map((line) => line.label)).toEqual(['Titel']);
    expect(control()?.value).toBe('Min tekst');

    prompt.answer('mine');
    await fixture.whenStable();
    expect(api.update).toHaveBeenLastCalledWith('i1', 4, { summary: 'Min tekst' });
  });

  it('offers no editing to those who may not edit', async () => {
    const { fixture, element } = setup('title', () => of(anInitiative()), anInitiative({ leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' } }));
    await fixture.whenStable();
    expect(element.querySelector('button')).toBeNull();
    expect(text(element.querySelector('dd'))).toBe('Psykosocial støtte');
  });
  describe('a change to the public face', () => {
    const approved = 'Hjælp til traumatiserede flygtninge.';
    const proposed = 'Flygtninge med traumer får hurtigere hjælp i samtalegrupper.';

    it('shows the approved summary, and the proposed one as waiting for management', async () => {
      const { fixture, element } = setup(
        'publicSummary',
        () => of(anInitiative()),
        anInitiative({ publicSummary: approved, publicProposal: aProposal({ publicSummary: proposed }) }),
      );
      await fixture.whenStable();

      expect(text(element.querySelector('dd'))).toBe(approved);
      const notice = element.querySelector('.ifield__proposal');
      expect(text(notice?.querySelector('.ifield__proposal-head'))).toBe('Afventer godkendelse fra ledelsen:');
      expect(text(notice?.querySelector('.ifield__proposal-value'))).toBe(proposed);
      expect(text(notice)).toContain('Foreslået af Mette Holm, 24. nov. 2026');
      expect(text(notice)).toContain('Borgerne ser stadig det godkendte ovenfor, indtil ledelsen har godkendt ændringen.');
    });

    it('edits the proposed summary, not the approved one, and says the saved change awaits approval', async () => {
      const { fixture, element, api, button, control, type, save, unsaved, pageState } = setup(
        'publicSummary',
        () => of(anInitiative({ publicSummary: approved, publicProposal: aProposal({ publicSummary: 'Endnu bedre.' }), version: 4 })),
        anInitiative({ publicSummary: approved, publicProposal: aProposal({ publicSummary: proposed }) }),
      );
      await fixture.whenStable();

      button('Redigér Offentligt resumé')?.click();
      await fixture.whenStable();
      expect(control()?.value).toBe(proposed);
      expect(unsaved.any()).toBe(false);
      const describedBy = control()?.getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(describedBy).toEqual(['initiative-publicSummary-hint', 'initiative-publicSummary-proposal']);
      expect(text(element.querySelector('#initiative-publicSummary-proposal'))).toContain('afventer ledelsens godkendelse');

      await type('Endnu bedre.');
      await save();

      expect(api.update).toHaveBeenCalledWith('i1', 3, { publicSummary: 'Endnu bedre.' });
      expect(text(element.querySelector('dd'))).toBe(approved);
      expect(text(element.querySelector('.ifield__proposal-value'))).toBe('Endnu bedre.');
      expect(pageState.announcement()).toBe('Offentligt resumé er gemt og afventer godkendelse fra ledelsen. Indtil da ser borgerne det, der er godkendt.');
    });

    it('says “saved” when the change applies at once', async () => {
      const { fixture, button, type, save, pageState } = setup(
        'publicSummary',
        (_id, _v, changes) => of(anInitiative({ ...changes, version: 4 })),
        anInitiative({ publicSummary: approved }),
      );
      await fixture.whenStable();
      button('Redigér Offentligt resumé')?.click();
      await fixture.whenStable();
      await type('Direkte offentlig.');
      await save();
      expect(pageState.announcement()).toBe('Offentligt resumé er gemt.');
    });

    it('shows a proposal to publish, and leaves the summary alone when only publication is proposed', async () => {
      const initiative = anInitiative({ published: false, publicSummary: approved, publicProposal: aProposal({ published: true, publicSummary: null }) });
      const published = setup('published', () => of(initiative), initiative);
      await published.fixture.whenStable();
      expect(text(published.element.querySelector('dd'))).toBe('Nej, kun internt');
      expect(text(published.element.querySelector('.ifield__proposal-head'))).toBe('Afventer godkendelse fra ledelsen: Ja, vises på den offentlige side');
      expect(text(published.element.querySelector('.ifield__proposal'))).toContain(
        'Det godkendte ovenfor gælder, indtil ledelsen har godkendt ændringen. Borgerne ser ikke initiativet nu.',
      );

      published.button('Redigér Offentliggjort')?.click();
      await published.fixture.whenStable();
      expect(published.control()?.value).toBe('true');

      TestBed.resetTestingModule();
      const summary = setup('publicSummary', () => of(initiative), initiative);
      await summary.fixture.whenStable();
      expect(summary.element.querySelector('.ifield__proposal')).toBeNull();
    });

    it('shows management’s comment on a returned change', async () => {
      const { fixture, element } = setup(
        'publicSummary',
        () => of(anInitiative()),
        anInitiative({
          publicSummary: approved,
          publicProposal: aProposal({
            publicSummary: proposed,
            state: 'returned',
            reviewComment: 'Skriv, hvor mange der får hjælp.',
            reviewerName: 'Lene Lund',
          }),
        }),
      );
      await fixture.whenStable();

      const notice = element.querySelector('.ifield__proposal--returned');
      expect(text(notice?.querySelector('.ifield__proposal-head'))).toBe('Sendt retur af ledelsen:');
      expect(text(notice?.querySelector('.ifield__proposal-value'))).toBe(proposed);
      expect(text(notice?.querySelector('.ifield__proposal-comment'))).toBe('Kommentar fra Lene Lund: Skriv, hvor mange der får hjælp.');
      expect(text(notice)).toContain('Borgerne ser stadig det godkendte ovenfor.');
    });

    it('lets the lead revise a returned change from the field and send it for approval again', async () => {
      const returned = anInitiative({
        publicSummary: approved,
        publicProposal: aProposal({ publicSummary: proposed, state: 'returned', reviewComment: 'Skriv, hvor mange der får hjælp.' }),
      });
      const { fixture, element, api, button, control, save, pageState } = setup(
        'publicSummary',
        (_id, _v, changes) =>
          of(
            anInitiative({
              publicSummary: approved,
              publicProposal: aProposal({ publicSummary: changes.publicSummary ?? null, state: 'pending' }),
              version: 9,
            }),
          ),
        returned,
      );
      await fixture.whenStable();
      expect(button('Redigér Offentligt resumé')).toBeUndefined();

      button('Ret og send igen Offentligt resumé')?.click();
      await fixture.whenStable();
      expect(control()?.value).toBe(proposed);
      expect(text(element.querySelector('.ifield__editing-proposal'))).toBe(
        'Du retter den ændring, ledelsen har sendt retur. Når du gemmer, sendes den til godkendelse igen.',
      );
      await save();

      expect(api.update).toHaveBeenCalledWith(returned.id, returned.version, { publicSummary: proposed });
      expect(pageState.announcement()).toBe('Offentligt resumé er gemt og afventer godkendelse fra ledelsen. Indtil da ser borgerne det, der er godkendt.');
      expect(text(element.querySelector('.ifield__proposal-head'))).toContain('Afventer godkendelse fra ledelsen:');
    });
  });
});
