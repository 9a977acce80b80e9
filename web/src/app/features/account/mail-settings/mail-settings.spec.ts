import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { MAIL_SETTINGS_URL, MailSettingsSection } from './mail-settings';

async function setup() {
  TestBed.configureTestingModule({ imports: [MailSettingsSection], providers: [provideI18nTesting(), provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(MailSettingsSection);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  http.expectNone(MAIL_SETTINGS_URL);
  element.querySelector<HTMLButtonElement>('button')?.click();
  await settle();
  return { fixture, http, element, settle };
}

describe('MailSettingsSection', () => {
  it('shows the user’s settings and saves the changes', async () => {
    const { http, element, settle } = await setup();
    expect(element.textContent).toContain('Henter e-mailindstillinger');
    http.expectOne(MAIL_SETTINGS_URL).flush({ remindersEnabled: true, digestEnabled: true, language: 'da' });
    await settle();

    const reminders = element.querySelector<HTMLInputElement>('#mail-reminders')!;
    expect(reminders.checked).toBe(true);
    expect(element.querySelector('label[for="mail-language"]')?.textContent?.trim()).toBe('Sprog i e-mails');
    reminders.click();
    const language = element.querySelector<HTMLSelectElement>('#mail-language')!;
    language.value = 'en';
    language.dispatchEvent(new Event('change'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const request = http.expectOne(MAIL_SETTINGS_URL);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ remindersEnabled: false, digestEnabled: true, language: 'en' });
    request.flush({ remindersEnabled: false, digestEnabled: true, language: 'en' });
    await settle();
    expect(element.querySelector('.mail-settings__notice')?.textContent).toContain('E-mailindstillingerne er gemt.');
  });

  it('says when the settings cannot be loaded', async () => {
    const { http, element, settle } = await setup();
    http.expectOne(MAIL_SETTINGS_URL).flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('E-mailindstillingerne kunne ikke hentes.');
    expect(element.querySelector('form')).toBeNull();
  });
});
