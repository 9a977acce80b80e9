import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionUser } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { InitiativeDelete } from './initiative-delete';

const admin: SessionUser = {
  hasPassword: true,
  id: 'u-admin',
  email: 'admin@fremdrift.example',
  displayName: 'Ida Administrator',
  role: 'admin',
  departments: [],
};

function setup(remove: () => Observable<void>, user: SessionUser = admin) {
  const api = { delete: jest.fn(remove) };
  TestBed.configureTestingModule({
    imports: [InitiativeDelete],
    providers: [provideRouter([]), provideI18nTesting(), fakeAuth(user), InitiativePageState, ConflictPrompt, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(anInitiative({ id: 'i1', title: 'Psykosocial støtte', version: 3 }));
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(InitiativeDelete);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === name);
  return { fixture, element, api, navigate, button };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('InitiativeDelete', () => {
  it('is not offered to a department lead', async () => {
    const { fixture, element } = setup(() => of(undefined), leadMso);
    await fixture.whenStable();
    expect(element.querySelector('button')).toBeNull();
  });

  it('asks first in a named dialog with focus on “Annullér”, and Escape keeps the initiative', async () => {
    const { fixture, element, api, button } = setup(() => of(undefined));
    await fixture.whenStable();
    expect(element.querySelector('h2')).toBeNull();

    button('Slet initiativ')?.click();
    await fixture.whenStable();

    const dialog = element.querySelector('dialog');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('delete-initiative-title');
    expect(text(element.querySelector('#delete-initiative-title'))).toBe('Slet »Psykosocial støtte«?');
    expect(dialog?.getAttribute('aria-describedby')).toBe('delete-initiative-text');
    expect(text(document.activeElement)).toBe('Annullér');

    dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    await fixture.whenStable();
    expect(element.querySelector('h2')).toBeNull();
    expect(text(document.activeElement)).toBe('Slet initiativ');
    expect(api.delete).not.toHaveBeenCalled();
  });

  it('deletes with the version read and goes to the list, which says so', async () => {
    const { fixture, api, navigate, button } = setup(() => of(undefined));
    await fixture.whenStable();
    button('Slet initiativ')?.click();
    await fixture.whenStable();

    button('Ja, slet initiativet')?.click();
    await fixture.whenStable();

    expect(api.delete).toHaveBeenCalledWith('i1', 3);
    expect(navigate).toHaveBeenCalledWith(['/initiativer'], { state: { deletedTitle: 'Psykosocial støtte' } });
  });

  it('stays open and explains when the initiative was not deleted', async () => {
    const problem = { title: 'Precondition Failed', status: 409, code: 'staleVersion' };
    const { fixture, element, navigate, button } = setup(() => throwError(() => new HttpErrorResponse({ status: 409, error: problem })));
    await fixture.whenStable();
    button('Slet initiativ')?.click();
    await fixture.whenStable();

    button('Ja, slet initiativet')?.click();
    await fixture.whenStable();

    expect(text(element.querySelector('dialog [role="alert"]'))).toContain('Initiativet blev ikke slettet. En anden har ændret det i mellemtiden');
    expect(navigate).not.toHaveBeenCalled();
  });
});
