import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { UsersApi } from '../users-api';
import { UserPasswordReset } from './user-password-reset';

function setup(resetPassword: () => Observable<void> = () => of(undefined)) {
  const usersApi = { resetPassword: jest.fn(resetPassword) };
  TestBed.configureTestingModule({ imports: [UserPasswordReset], providers: [provideI18nTesting(), { provide: UsersApi, useValue: usersApi }] });
  const fixture = TestBed.createComponent(UserPasswordReset);
  fixture.componentRef.setInput('userId', 'u2');
  fixture.componentRef.setInput('userName', 'Lene Leder');
  const element = fixture.nativeElement as HTMLElement;
  document.body.appendChild(element);
  const button = (label: string) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => text(b) === label);
    if (!found) throw new Error(`no button "${label}"`);
    return found;
  };
  const type = (value: string) => {
    const input = element.querySelector<HTMLInputElement>('#reset-password');
    if (!input) throw new Error('no password field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = () => element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
  return { fixture, element, usersApi, button, type, submit };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('UserPasswordReset', () => {
  afterEach(() => document.body.replaceChildren());

  it('asks for a temporary password with the password rules, sends it, and tells the admin to hand it over safely', async () => {
    const { fixture, element, usersApi, button, type, submit } = setup();
    await fixture.whenStable();
    expect(element.querySelector('form')).toBeNull();

    button('Nulstil adgangskode').click();
    await fixture.whenStable();
    expect(text(element.querySelector('h3'))).toBe('Nulstil adgangskoden for Lene Leder?');
    expect(document.activeElement?.id).toBe('reset-heading');
    expect(text(element.querySelector('#reset-password-hint'))).toContain('12');
    expect(element.querySelector('#reset-password')?.getAttribute('aria-describedby')).toContain('reset-password-hint');

    type('midlertidig-kode-2026');
    submit();
    await fixture.whenStable();

    expect(usersApi.resetPassword).toHaveBeenCalledWith('u2', { password: 'midlertidig-kode-2026' });
    const status = text(element.querySelector('[role="status"]'));
    expect(status).toContain('Adgangskoden for Lene Leder er nulstillet');
    expect(status).toContain('på en sikker måde');
    expect(element.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button('Nulstil adgangskode'));
  });

  it('checks the password on the client and sends nothing that breaks the rules', async () => {
    const { fixture, element, usersApi, button, type, submit } = setup();
    await fixture.whenStable();
    button('Nulstil adgangskode').click();
    await fixture.whenStable();

    submit();
    await fixture.whenStable();
    expect(text(element.querySelector('form'))).toContain('Skriv en midlertidig adgangskode.');

    type('kort');
    submit();
    await fixture.whenStable();
    expect(usersApi.resetPassword).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('reset-password');
  });

  it('can be cancelled without sending anything', async () => {
    const { fixture, element, usersApi, button, type } = setup();
    await fixture.whenStable();
    button('Nulstil adgangskode').click();
    await fixture.whenStable();
    type('midlertidig-kode-2026');
    button('Fortryd').click();
    await fixture.whenStable();

    expect(usersApi.resetPassword).not.toHaveBeenCalled();
    expect(element.querySelector('form')).toBeNull();
    expect(text(element.querySelector('[role="status"]'))).toBe('');
  });

  it('puts the server’s field error on the field, and says when the user is gone', async () => {
    const { fixture, element, usersApi, button, type, submit } = setup();
    usersApi.resetPassword.mockReturnValueOnce(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 400,
            error: {
              title: 'Bad Request',
              status: 400,
              code: 'validation',
              errors: { password: [{ code: 'isLength', params: { min: 12, max: 200 }, message: 'x' }] },
            },
          }),
      ),
    );
    await fixture.whenStable();
    button('Nulstil adgangskode').click();
    await fixture.whenStable();
    type('midlertidig-kode-2026');
    submit();
    await fixture.whenStable();
    expect(text(element.querySelector('form'))).toContain('Skal være på 12 til 200 tegn.');

    usersApi.resetPassword.mockReturnValueOnce(
      throwError(() => new HttpErrorResponse({ status: 404, error: { title: 'Not Found', status: 404, code: 'notFound' } })),
    );
    type('midlertidig-kode-2027');
    submit();
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Adgangskoden blev ikke nulstillet.');
    expect(text(element.querySelector('[role="status"]'))).toBe('');
  });
});
