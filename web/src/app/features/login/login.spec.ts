import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginRequest, SessionUser, SignInOptions } from '@fremdrift/contracts';
import { Observable, of, Subject, throwError } from 'rxjs';
import { Auth } from '../../core/auth/auth';
import { SignInOptionsApi } from '../../core/auth/sign-in-options';
import { formatWait, Login, retryAfterSeconds } from './login';
import { I18n } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';

const user: SessionUser = { hasPassword: true, id: 'u1', email: 'admin@fremdrift.example', displayName: 'Ada Admin', role: 'admin', departments: [] };

const passwordOnly: SignInOptions = { singleSignOn: null, localAccounts: 'all', accessContact: null };
const withAarhus: SignInOptions = {
  singleSignOn: { kind: 'oidc', label: 'Aarhus Kommune', startUrl: '/api/auth/oidc/login' },
  localAccounts: 'all',
  accessContact: 'it-support@aarhus.dk',
};

function setup(
  login: (credentials: LoginRequest) => Promise<SessionUser>,
  sessionExpired = false,
  options: () => Observable<SignInOptions> = () => of(passwordOnly),
  language: 'da' | 'en' = 'da',
) {
  const auth = { login: jest.fn(login), sessionExpired: signal(sessionExpired) };
  const signInOptions = { get: jest.fn(options) };
  TestBed.configureTestingModule({
    imports: [Login],
    providers: [provideRouter([]), provideI18nTesting(language), { provide: Auth, useValue: auth }, { provide: SignInOptionsApi, useValue: signInOptions }],
  });
  const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(Login);
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
  return { fixture, element, auth, signInOptions, navigateByUrl, input, type, submit };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const labelOf = (element: HTMLElement, id: string) => text(element.querySelector(`label[for="${id}"]`));

describe('Login', () => {
  it('labels the fields for people and password managers', async () => {
    const { fixture, element, input } = setup(async () => user);
    await fixture.whenStable();

    expect(labelOf(element, 'login-email')).toBe('E-mail');
    expect(labelOf(element, 'login-password')).toBe('Adgangskode');
    expect(input('login-email').getAttribute('autocomplete')).toBe('username');
    expect(input('login-password').getAttribute('autocomplete')).toBe('current-password');
    expect(text(element.querySelector('button[type="submit"]'))).toBe('Log ind');
    expect(element.querySelector('[role="status"]')).toBeNull();
    // Without an identity provider the page is the password form alone.
    expect(element.querySelector('a.login__sso, details, h2')).toBeNull();
  });

  it('signs in and goes on to the page the user was heading for', async () => {
    const { fixture, auth, navigateByUrl, type, submit } = setup(async () => user);
    fixture.componentRef.setInput('returnUrl', '/brugere?q=ada');
    await fixture.whenStable();
    type('login-email', ' admin@fremdrift.example ');
    type('login-password', 'fremdrift-demo');
    await submit();

    expect(auth.login).toHaveBeenCalledWith({ email: 'admin@fremdrift.example', password: 'fremdrift-demo' });
    expect(navigateByUrl).toHaveBeenCalledWith('/brugere?q=ada');
  });

  it('never follows a return address outside the app', async () => {
    const { fixture, navigateByUrl, type, submit } = setup(async () => user);
    fixture.componentRef.setInput('returnUrl', '//evil.example/steal');
    type('login-email', 'admin@fremdrift.example');
    type('login-password', 'fremdrift-demo');
    await submit();

    // The start page, which sends each role on to its own first page.
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('asks for both fields before calling the server, and ties the messages to the fields', async () => {
    const { element, auth, input, submit } = setup(async () => user);
    await submit();

    expect(auth.login).not.toHaveBeenCalled();
    expect(input('login-email').getAttribute('aria-invalid')).toBe('true');
    expect(input('login-email').getAttribute('aria-describedby')).toBe('login-email-error');
    expect(text(element.querySelector('#login-email-error'))).toBe('Fejl: Skriv din e-mail.');
    expect(text(element.querySelector('#login-password-error'))).toBe('Fejl: Skriv din adgangskode.');
    expect(document.activeElement).toBe(input('login-email'));
  });

  it('says plainly that the e-mail or password is wrong', async () => {
    const { element, navigateByUrl, type, submit } = setup(() =>
      Promise.reject(new HttpErrorResponse({ status: 401, error: { title: 'Unauthorized', status: 401, code: 'unauthorized' } })),
    );
    type('login-email', 'admin@fremdrift.example');
    type('login-password', 'forkert-kode-123');
    await submit();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Forkert e-mail eller adgangskode.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('tells when to try again after too many attempts', async () => {
    const { element, type, submit } = setup(() =>
      Promise.reject(
        new HttpErrorResponse({
          status: 429,
          headers: new HttpHeaders({ 'Retry-After': '120' }),
          error: { title: 'Too Many Requests', status: 429, code: 'tooManyRequests' },
        }),
      ),
    );
    type('login-email', 'admin@fremdrift.example');
    type('login-password', 'fremdrift-demo');
    await submit();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Prøv igen om 2 minutter.');
  });

  it('shows the server’s field errors next to the fields', async () => {
    const problem = { title: 'Bad Request', status: 400, code: 'validation', errors: { email: [{ code: 'isEmail', message: 'email must be an email' }] } };
    const { element, input, type, submit } = setup(() => Promise.reject(new HttpErrorResponse({ status: 400, error: problem })));
    type('login-email', 'ikke-en-mail');
    type('login-password', 'fremdrift-demo');
    await submit();

    expect(text(element.querySelector('#login-email-error'))).toBe('Fejl: Skriv en gyldig e-mailadresse.');
    expect(input('login-email').getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('explains why the user has to sign in again', async () => {
    const { fixture, element } = setup(async () => user, true);
    await fixture.whenStable();

    expect(text(element.querySelector('[role="status"]'))).toBe('Din session er udløbet. Log ind igen.');
  });
});

describe('Login with the municipality’s identity provider', () => {
  it('offers the identity provider first, coming back to the page the user was heading for', async () => {
    const { fixture, element } = setup(
      async () => user,
      false,
      () => of(withAarhus),
    );
    fixture.componentRef.setInput('returnUrl', '/brugere?q=ada');
    await fixture.whenStable();

    const first = element.querySelector('.login > a, .login > button, .login form');
    expect(first?.tagName).toBe('A');
    expect(text(first)).toBe('Log ind med Aarhus Kommune');
    expect(first?.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2Fbrugere%3Fq%3Dada');
    expect(text(element.querySelector('.login__lead'))).toBe('Log ind med din arbejdskonto i kommunen for at se og opdatere initiativerne.');
    expect(text(element.querySelector('h2'))).toBe('Log ind med adgangskode');
    expect(element.querySelector('details')).toBeNull();
    expect(element.querySelector('#login-email')).not.toBeNull();
  });

  it('never sends the identity provider a return address outside the app', async () => {
    const { fixture, element } = setup(
      async () => user,
      false,
      () => of(withAarhus),
    );
    fixture.componentRef.setInput('returnUrl', 'https://evil.example/');
    await fixture.whenStable();

    expect(element.querySelector('a.login__sso')?.getAttribute('href')).toBe('/api/auth/oidc/login?returnTo=%2F');
  });

  it('keeps the password form behind a disclosure when only the break-glass admins may use it', async () => {
    const { fixture, element, auth, type, submit } = setup(
      async () => user,
      false,
      () => of({ ...withAarhus, localAccounts: 'break-glass' }),
    );
    await fixture.whenStable();

    const disclosure = element.querySelector('details');
    expect(disclosure?.open).toBe(false);
    expect(text(disclosure?.querySelector('summary') ?? null)).toBe('Log ind med adgangskode');
    expect(text(disclosure)).toContain('Nødadgang for administratorer, når Aarhus Kommune ikke virker.');
    expect(disclosure?.querySelector('#login-email')).not.toBeNull();

    type('login-email', 'admin@fremdrift.example');
    type('login-password', 'fremdrift-demo');
    await submit();
    expect(auth.login).toHaveBeenCalledWith({ email: 'admin@fremdrift.example', password: 'fremdrift-demo' });
  });

  it('says in English which provider to use', async () => {
    const { fixture, element } = setup(
      async () => user,
      false,
      () => of(withAarhus),
      'en',
    );
    await fixture.whenStable();

    expect(text(element.querySelector('a.login__sso'))).toBe('Sign in with Aarhus Kommune');
    expect(text(element.querySelector('h2'))).toBe('Sign in with a password');
  });

  it('shows that the ways to sign in are loading, and no form yet', async () => {
    const pending = new Subject<SignInOptions>();
    const { fixture, element } = setup(
      async () => user,
      false,
      () => pending,
    );
    fixture.detectChanges();

    expect(text(element.querySelector('[role="status"]'))).toBe('Henter måder at logge ind på …');
    expect(element.querySelector('form')).toBeNull();
    expect(text(element.querySelector('h1'))).toBe('Log ind');

    pending.next(withAarhus);
    pending.complete();
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')).toBeNull();
    expect(element.querySelector('a.login__sso')).not.toBeNull();
  });

  it('says when the ways to sign in could not be loaded, keeps the password form and tries again', async () => {
    let calls = 0;
    const { fixture, element, signInOptions } = setup(
      async () => user,
      false,
      () => (++calls === 1 ? throwError(() => new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' })) : of(withAarhus)),
    );
    await fixture.whenStable();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Vi kunne ikke hente, hvordan du logger ind.');
    expect(element.querySelector('#login-email')).not.toBeNull();

    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await fixture.whenStable();
    expect(signInOptions.get).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(text(element.querySelector('a.login__sso'))).toBe('Log ind med Aarhus Kommune');
  });
});

describe('retryAfterSeconds and formatWait', () => {
  it('reads seconds or an HTTP date', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(new Date(90_000).toUTCString(), 0)).toBe(90);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('snart')).toBeNull();
  });

  it('says the wait in Danish', () => {
    TestBed.configureTestingModule({ providers: [provideI18nTesting()] });
    const i18n = TestBed.inject(I18n);
    expect(formatWait(1, i18n)).toBe('1 sekund');
    expect(formatWait(45, i18n)).toBe('45 sekunder');
    expect(formatWait(60, i18n)).toBe('1 minut');
    expect(formatWait(61, i18n)).toBe('2 minutter');
  });
});
