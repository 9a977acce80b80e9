import { TestBed } from '@angular/core/testing';
import { I18n, LANGUAGE_COOKIE, LANGUAGE_STORAGE_KEY, storedLanguage } from './i18n';
import { provideI18nTesting } from './testing';

describe('the language choice', () => {
  afterEach(() => {
    document.cookie = `${LANGUAGE_COOKIE}=; Max-Age=0; Path=/`;
    localStorage.clear();
  });

  it('follows the cookie the public pages set, before this device’s stored choice', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'da');
    expect(storedLanguage(`other=1; ${LANGUAGE_COOKIE}=en`)).toBe('en');
    expect(storedLanguage('')).toBe('da');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(storedLanguage(`${LANGUAGE_COOKIE}=xx`)).toBe('en');
  });

  it('is written to the shared cookie when the app switches language, so the public pages follow', async () => {
    TestBed.configureTestingModule({ providers: [provideI18nTesting()] });
    await TestBed.inject(I18n).use('en');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=en`);
    expect(storedLanguage()).toBe('en');
    await TestBed.inject(I18n).use('da');
    expect(storedLanguage()).toBe('da');
  });
});
