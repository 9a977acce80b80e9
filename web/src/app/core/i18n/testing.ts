import { LOCALE_ID, type Provider, type EnvironmentProviders } from '@angular/core';
import { provideTranslateLoader, provideTranslateService, TranslateLoader, type TranslationObject } from '@ngx-translate/core';
import { of, type Observable } from 'rxjs';
import { registerLocales, type Language } from './i18n';
import { da } from './translations/da';
import { en } from './translations/en';

class StaticLoader implements TranslateLoader {
  getTranslation(language: string): Observable<TranslationObject> {
    return of((language === 'en' ? en : da) as unknown as TranslationObject);
  }
}

/** Unit tests: both languages loaded synchronously, Danish unless told otherwise. */
export function provideI18nTesting(language: Language = 'da'): (Provider | EnvironmentProviders)[] {
  registerLocales();
  return [
    provideTranslateService({ lang: language, fallbackLang: 'da', loader: provideTranslateLoader(StaticLoader) }),
    { provide: LOCALE_ID, useValue: language },
  ];
}
