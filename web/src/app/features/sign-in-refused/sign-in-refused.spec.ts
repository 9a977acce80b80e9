import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SignInOptions } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { SignInOptionsApi } from '../../core/auth/sign-in-options';
import { provideI18nTesting } from '../../core/i18n/testing';
import { SignInRefused } from './sign-in-refused';

const options = (accessContact: string | null): SignInOptions => ({
  singleSignOn: { kind: 'oidc', label: 'Aarhus Kommune', startUrl: '/api/auth/oidc/login' },
  localAccounts: 'all',
  accessContact,
});

async function render(
  reason: string | undefined,
  get: () => Observable<SignInOptions> = () => of(options('it-support@aarhus.dk')),
  language: 'da' | 'en' = 'da',
) {
  TestBed.configureTestingModule({
    imports: [SignInRefused],
    providers: [provideRouter([]), provideI18nTesting(language), { provide: SignInOptionsApi, useValue: { get } }],
  });
  const fixture = TestBed.createComponent(SignInRefused);
  if (reason !== undefined) fixture.componentRef.setInput('reason', reason);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('SignInRefused', () => {
  it('says that the user has no access, why, and whom to write to', async () => {
    const element = await render('noMappedRole');

    expect(text(element.querySelector('h1'))).toBe('Du har ikke adgang til Fremdrift');
    expect(text(element.querySelector('.refused__reason'))).toContain('du har ikke fået en rolle i Fremdrift');
    expect(text(element.querySelector('.refused__contact'))).toBe('Kontakt om adgang: it-support@aarhus.dk');
    expect(element.querySelector('.refused__contact a')?.getAttribute('href')).toBe('mailto:it-support@aarhus.dk');
    const tryAgain = Array.from(element.querySelectorAll('a')).find((a) => text(a) === 'Prøv at logge ind igen');
    expect(tryAgain?.getAttribute('href')).toBe('/login');
  });

  it.each([
    ['deactivated', 'Din bruger i Fremdrift er deaktiveret.'],
    ['missingEmail', 'Kommunens login sendte ikke din e-mailadresse med'],
  ])('explains %s', async (reason, explanation) => {
    const element = await render(reason);
    expect(text(element.querySelector('h1'))).toBe('Du har ikke adgang til Fremdrift');
    expect(text(element.querySelector('.refused__reason'))).toContain(explanation);
  });

  it('calls a failed sign-in what it is, and asks to try again before contacting anyone', async () => {
    const element = await render('failed');

    expect(text(element.querySelector('h1'))).toBe('Du blev ikke logget ind');
    expect(text(element.querySelector('.refused__reason'))).toContain('Prøv igen.');
    expect(text(element.querySelector('.refused__contact'))).toBe('Hvis det bliver ved, så kontakt: it-support@aarhus.dk');
  });

  it('shows a contact that is not an e-mail address as text', async () => {
    const element = await render('noMappedRole', () => of(options('IT-servicedesk, tlf. 8940 2000')));

    expect(element.querySelector('.refused__contact a')).toBeNull();
    expect(text(element.querySelector('.refused__contact strong'))).toBe('IT-servicedesk, tlf. 8940 2000');
  });

  it('still explains itself when no contact is configured or the options cannot be read', async () => {
    expect(text((await render('noMappedRole', () => of(options(null)))).querySelector('.refused__contact'))).toBe(
      'Kontakt din leder eller kommunens it-support for at få adgang.',
    );
    TestBed.resetTestingModule();
    const offline = await render('deactivated', () => throwError(() => new HttpErrorResponse({ status: 0 })));
    expect(text(offline.querySelector('.refused__contact'))).toBe('Kontakt din leder eller kommunens it-support for at få adgang.');
  });

  it('ignores a reason it does not know, rather than showing a key', async () => {
    const element = await render('<script>');

    expect(text(element.querySelector('h1'))).toBe('Du har ikke adgang til Fremdrift');
    expect(element.querySelector('.refused__reason')).toBeNull();
  });

  it('speaks English when chosen', async () => {
    const element = await render('noMappedRole', undefined, 'en');

    expect(text(element.querySelector('h1'))).toBe('You do not have access to Fremdrift');
    expect(text(element.querySelector('.refused__contact'))).toBe('Contact for access: it-support@aarhus.dk');
  });
});
