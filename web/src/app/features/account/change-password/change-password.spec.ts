import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { ChangePasswordRequest } from '@fremdrift/contracts';
import { Auth } from '../../../core/auth/auth';
import { ChangePassword } from './change-password';
import { provideI18nTesting } from '../../../core/i18n/testing';

function setup(changePassword: (change: ChangePasswordRequest) => Promise<void>) {
  const auth = { changePassword: jest.fn(changePassword) };
  TestBed.configureTestingModule({ imports: [ChangePassword], providers: [provideI18nTesting(), { provide: Auth, useValue: auth }] });
  const fixture = TestBed.createComponent(ChangePassword);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const input = (id: string) => {
    const found = element.querySelector<HTMLInputElement>(`#${id}`);
    if (!found) throw new Error(`#${id} not found`);
    return found;
  };
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, element, auth, input, type, submit };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ChangePassword', () => {
  it('labels the fields for people and password managers', async () => {
    const { fixture, element, input } = setup(async () => undefined);
    await fixture.whenStable();

    expect(text(element.querySelector('label[for="current-password"]'))).toBe('Nuværende adgangskode');
    expect(text(element.querySelector('label[for="new-password"]'))).toBe('Ny adgangskode');
    expect(text(element.querySelector('label[for="repeat-password"]'))).toBe('Gentag den nye adgangskode');
    expect(input('current-password').autocomplete).toBe('current-password');
    expect(input('new-password').autocomplete).toBe('new-password');
  });

  it('checks length and repetition in Danish before sending', async () => {
    const { element, auth, type, submit } = setup(async () => undefined);
    type('current-password', 'fremdrift-demo');
    type('new-password', 'for-kort');
    type('repeat-password', 'noget-andet');
    await submit();

    expect(auth.changePassword).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-password-error'))).toContain('Den nye adgangskode skal være på mindst 12 tegn.');
    expect(text(element.querySelector('#repeat-password-error'))).toContain('De to nye adgangskoder er ikke ens.');
  });

  it('changes the password, says so and empties the form', async () => {
    const { element, auth, input, type, submit } = setup(async () => undefined);
    type('current-password', 'fremdrift-demo');
    type('new-password', 'en helt ny lang kode');
    type('repeat-password', 'en helt ny lang kode');
    await submit();

    expect(auth.changePassword).toHaveBeenCalledWith({ currentPassword: 'fremdrift-demo', newPassword: 'en helt ny lang kode' });
    expect(text(element.querySelector('[role="status"]'))).toBe('Din adgangskode er skiftet.');
    expect(input('new-password').value).toBe('');
    expect(element.querySelector('.field-error')).toBeNull();
  });

  it('shows a wrong current password next to that field', async () => {
    const problem = {
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      errors: { currentPassword: [{ code: 'wrongPassword', message: 'currentPassword is not your current password' }] },
    };
    const { element, input, type, submit } = setup(() => Promise.reject(new HttpErrorResponse({ status: 400, error: problem })));
    type('current-password', 'forkert');
    type('new-password', 'en helt ny lang kode');
    type('repeat-password', 'en helt ny lang kode');
    await submit();

    expect(text(element.querySelector('#current-password-error'))).toBe('Fejl: Det er ikke din nuværende adgangskode.');
    expect(input('current-password').getAttribute('aria-invalid')).toBe('true');
    expect(text(element.querySelector('[role="status"]'))).toBe('');
  });
});
