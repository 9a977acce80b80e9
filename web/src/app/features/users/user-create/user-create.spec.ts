import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CreateUser, User } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aUser, departments } from '../user.fixtures';
import { UsersApi } from '../users-api';
import { UserCreate } from './user-create';

function setup(create: (user: CreateUser) => Observable<User>) {
  const usersApi = { create: jest.fn(create) };
  const departmentsApi = { listAll: () => of({ items: departments, total: departments.length, page: 1, pageSize: 100 }) };
  TestBed.configureTestingModule({
    imports: [UserCreate],
    providers: [provideRouter([]), provideI18nTesting(), { provide: UsersApi, useValue: usersApi }, { provide: DepartmentsApi, useValue: departmentsApi }],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(UserCreate);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;

  const control = <T extends HTMLElement>(selector: string): T => {
    const found = element.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} not found`);
    return found;
  };
  const type = (id: string, value: string) => {
    const input = control<HTMLInputElement | HTMLSelectElement>(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const check = async (label: string) => {
    await fixture.whenStable();
    const box = Array.from(element.querySelectorAll<HTMLLabelElement>('label.checkbox')).find((l) => l.textContent?.includes(label));
    box?.querySelector('input')?.click();
  };
  const submit = async () => {
    control('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, element, usersApi, navigate, control, type, check, submit };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('UserCreate', () => {
  it('labels every field', async () => {
    const { fixture, element } = setup(() => of(aUser()));
    await fixture.whenStable();

    const labels = Array.from(element.querySelectorAll('label[for]')).map((l) => [l.getAttribute('for'), text(l)]);
    expect(labels).toEqual([
      ['new-user-email', 'E-mail'],
      ['new-user-name', 'Navn'],
      ['new-user-role', 'Rolle'],
      ['new-user-password', 'Startadgangskode'],
    ]);
    expect(element.querySelector('#new-user-password')?.getAttribute('aria-describedby')).toBe('new-user-password-hint');
  });

  it('checks the fields in Danish before sending anything', async () => {
    const { element, usersApi, type, submit } = setup(() => of(aUser()));
    type('new-user-email', 'ikke-en-mail');
    type('new-user-name', 'L');
    type('new-user-password', 'kort');
    await submit();

    expect(usersApi.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-user-email-error'))).toContain('Skriv en gyldig e-mail');
    expect(text(element.querySelector('#new-user-name-error'))).toContain('Navnet skal være på mindst 2 tegn.');
    expect(text(element.querySelector('#new-user-role-error'))).toContain('Vælg en rolle.');
    expect(text(element.querySelector('#new-user-password-error'))).toContain('Adgangskoden skal være på mindst 12 tegn.');
    expect(element.querySelector('#new-user-password')?.getAttribute('aria-describedby')).toBe('new-user-password-hint new-user-password-error');
    expect(document.activeElement?.id).toBe('new-user-email');
  });

  it('asks for departments only for a department lead, and requires one', async () => {
    const { fixture, element, usersApi, type, submit } = setup(() => of(aUser()));
    type('new-user-role', 'viewer');
    await fixture.whenStable();
    expect(element.querySelector('fieldset')).toBeNull();

    type('new-user-role', 'department_lead');
    await fixture.whenStable();
    expect(text(element.querySelector('fieldset legend'))).toBe('Afdelinger');
    type('new-user-email', 'ny@fremdrift.example');
    type('new-user-name', 'Nina Ny');
    type('new-user-password', 'en lang nok adgangskode');
    await submit();

    expect(usersApi.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('fieldset .field-error'))).toContain('Vælg mindst én afdeling');
  });

  it('creates a department lead and opens the new user', async () => {
    const { usersApi, navigate, type, check, submit } = setup(() => of(aUser({ id: 'new-id' })));
    type('new-user-email', ' ny@fremdrift.example ');
    type('new-user-name', 'Nina Ny');
    type('new-user-role', 'department_lead');
    await check('Sundhed og Omsorg');
    type('new-user-password', 'en lang nok adgangskode');
    await submit();

    expect(usersApi.create).toHaveBeenCalledWith({
      email: 'ny@fremdrift.example',
      displayName: 'Nina Ny',
      role: 'department_lead',
      departmentIds: ['d5'],
      password: 'en lang nok adgangskode',
    });
    expect(navigate).toHaveBeenCalledWith(['/brugere', 'new-id'], { state: { created: true } });
  });

  it('shows a duplicate e-mail next to the e-mail field', async () => {
    const problem = {
      title: 'Conflict',
      status: 409,
      code: 'unique',
      errors: { email: [{ code: 'unique', message: 'must be unique; this value is already in use' }] },
    };
    const { element, navigate, type, submit } = setup(() => throwError(() => new HttpErrorResponse({ status: 409, error: problem })));
    type('new-user-email', 'admin@fremdrift.example');
    type('new-user-name', 'Ada Igen');
    type('new-user-role', 'admin');
    type('new-user-password', 'en lang nok adgangskode');
    await submit();

    expect(text(element.querySelector('#new-user-email-error'))).toBe('Fejl: Er allerede i brug.');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
