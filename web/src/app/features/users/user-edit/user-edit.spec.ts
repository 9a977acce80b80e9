import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UpdateUser, User } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aUser, departments } from '../user.fixtures';
import { UsersApi } from '../users-api';
import { UserEdit } from './user-edit';

function setup(user: User, update: (id: string, changes: UpdateUser) => Observable<User>, signedInId = 'admin-id') {
  const usersApi = { get: jest.fn(() => of(user)), update: jest.fn(update) };
  const departmentsApi = { listAll: () => of({ items: departments, total: departments.length, page: 1, pageSize: 100 }) };
  TestBed.configureTestingModule({
    imports: [UserEdit],
    providers: [
      provideRouter([]),
      provideI18nTesting(),
      { provide: UsersApi, useValue: usersApi },
      { provide: DepartmentsApi, useValue: departmentsApi },
      { provide: Auth, useValue: { user: signal({ id: signedInId }) } },
    ],
  });
  const fixture = TestBed.createComponent(UserEdit);
  fixture.componentRef.setInput('id', user.id);
  const element = fixture.nativeElement as HTMLElement;
  const button = (label: string) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => text(b) === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  };
  return { fixture, element, usersApi, button };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('UserEdit', () => {
  it('fills the form with the user and saves the changes', async () => {
    const user = aUser();
    const { fixture, element, usersApi } = setup(user, (_id, changes) => of({ ...user, ...changes, displayName: 'Lene L. Leder' } as User));
    await fixture.whenStable();

    expect(text(element.querySelector('h1'))).toBe('Lene Leder');
    const name = element.querySelector<HTMLInputElement>('#edit-user-name');
    expect(name?.value).toBe('Lene Leder');
    expect(element.querySelector<HTMLSelectElement>('#edit-user-role')?.value).toBe('department_lead');
    const boxes = Array.from(element.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]'));
    // In the municipality's own order: Børn og Unge (3) before Sundhed og Omsorg (5).
    expect(boxes.map((b) => b.checked)).toEqual([false, true]);

    if (name) {
      name.value = 'Lene L. Leder';
      name.dispatchEvent(new Event('input'));
    }
    boxes[0].click();
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();

    expect(usersApi.update).toHaveBeenCalledWith('u2', { displayName: 'Lene L. Leder', role: 'department_lead', departmentIds: ['d5', 'd3'] });
    expect(text(element.querySelector('[role="status"]'))).toBe('Ændringerne er gemt.');
    expect(text(element.querySelector('h1'))).toBe('Lene L. Leder');
  });

  it('sends no departments when the role no longer needs them', async () => {
    const user = aUser();
    const { fixture, element, usersApi } = setup(user, (_id, changes) => of({ ...user, ...changes } as User));
    await fixture.whenStable();
    const role = element.querySelector<HTMLSelectElement>('#edit-user-role');
    if (role) {
      role.value = 'management';
      role.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();

    expect(usersApi.update).toHaveBeenCalledWith('u2', { displayName: 'Lene Leder', role: 'management', departmentIds: [] });
  });

  it('deactivates only after confirmation, and can be cancelled', async () => {
    const user = aUser();
    const { fixture, element, usersApi, button } = setup(user, () => of({ ...user, active: false }));
    await fixture.whenStable();

    button('Deaktivér bruger').click();
    await fixture.whenStable();
    expect(text(element.querySelector('[role="group"] h3'))).toBe('Deaktivér Lene Leder?');
    expect(document.activeElement?.id).toBe('confirm-heading');
    button('Fortryd').click();
    await fixture.whenStable();
    expect(usersApi.update).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Deaktivér bruger'));

    button('Deaktivér bruger').click();
    await fixture.whenStable();
    button('Ja, deaktivér').click();
    await fixture.whenStable();

    expect(usersApi.update).toHaveBeenCalledWith('u2', { active: false });
    expect(text(element.querySelector('[role="status"]'))).toBe('Brugeren er deaktiveret og logget ud.');
    expect(document.activeElement).toBe(button('Genaktivér bruger'));
  });

  it('reactivates a deactivated user after confirmation', async () => {
    const user = aUser({ active: false });
    const { fixture, usersApi, button } = setup(user, () => of({ ...user, active: true }));
    await fixture.whenStable();

    button('Genaktivér bruger').click();
    await fixture.whenStable();
    button('Ja, genaktivér').click();
    await fixture.whenStable();

    expect(usersApi.update).toHaveBeenCalledWith('u2', { active: true });
    expect(button('Deaktivér bruger')).toBeTruthy();
  });

  it('does not let admins demote or deactivate themselves', async () => {
    const user = aUser({ id: 'admin-id', role: 'admin', departments: [] });
    const { fixture, element } = setup(user, () => of(user), 'admin-id');
    await fixture.whenStable();

    expect(element.querySelector<HTMLSelectElement>('#edit-user-role')?.disabled).toBe(true);
    expect(text(element)).toContain('Du kan ikke ændre din egen rolle.');
    expect(text(element)).toContain('Du kan ikke deaktivere din egen konto.');
    expect(Array.from(element.querySelectorAll('button')).some((b) => text(b) === 'Deaktivér bruger')).toBe(false);
  });

  it('offers to reset another user’s password, but sends admins to their own account page for theirs', async () => {
    const other = setup(aUser(), () => of(aUser()));
    await other.fixture.whenStable();
    expect(other.button('Nulstil adgangskode')).toBeTruthy();
    TestBed.resetTestingModule();

    const self = aUser({ id: 'admin-id', role: 'admin', departments: [] });
    const { fixture, element } = setup(self, () => of(self), 'admin-id');
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('button')).some((b) => text(b) === 'Nulstil adgangskode')).toBe(false);
    expect(text(element)).toContain('Din egen adgangskode skifter du på din konto:');
    expect(element.querySelector('a[href="/konto/adgangskode"]')).not.toBeNull();
  });

  it('says so when the user does not exist', async () => {
    TestBed.configureTestingModule({});
    const user = aUser();
    const { fixture, element, usersApi } = setup(user, () => of(user));
    usersApi.get.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 404, error: { title: 'Not Found', status: 404 } })));
    fixture.componentRef.setInput('id', 'missing');
    await fixture.whenStable();

    expect(text(element.querySelector('[role="alert"]'))).toBe('Brugeren findes ikke.');
  });
});
