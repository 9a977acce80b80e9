import { DOCUMENT, formatDate, formatNumber, formatPercent, registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';
import { computed, inject, Injectable, LOCALE_ID, provideAppInitializer, type Provider, type EnvironmentProviders } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import {
  DefaultMissingTranslationHandler,
  provideMissingTranslationHandler,
  provideTranslateCompiler,
  provideTranslateLoader,
  provideTranslateParser,
  provideTranslateService,
  TranslateDefaultParser,
  TranslateLoader,
  TranslateNoOpCompiler,
  TranslateService,
  type TranslationObject,
} from '@ngx-translate/core';
import { firstValueFrom, from, type Observable } from 'rxjs';
import { I18nTitleStrategy } from './title-strategy';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';
export const LANGUAGE_STORAGE_KEY = 'fremdrift.language';
/** The cookie the server-rendered public pages read and their language switch sets: one choice on both sides. */
export const LANGUAGE_COOKIE = 'fremdrift_lang';
const LANGUAGE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export type DateStyle = 'date' | 'dateTime' | 'monthYear' | 'dayMonth';

/** Date patterns per language: `23. nov. 2026` in Danish, `23 Nov 2026` in English. */
const DATE_PATTERNS: Readonly<Record<Language, Readonly<Record<DateStyle, string>>>> = {
  da: { date: 'd. MMM y', dateTime: 'd. MMM y HH:mm', monthYear: 'MMMM y', dayMonth: 'd. MMM' },
  en: { date: 'd MMM y', dateTime: 'd MMM y HH:mm', monthYear: 'MMMM y', dayMonth: 'd MMM' },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language in the cookie the public pages share, if any. */
export function cookieLanguage(cookies: string): Language | null {
  for (const part of cookies.split(';')) {
    const [name, value] = part.split('=').map((piece) => piece.trim());
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return null;
}

/** The language chosen earlier, on the public pages (the cookie) or in the app on this device; Danish otherwise. */
export function storedLanguage(cookies = globalThis.document?.cookie ?? ''): Language {
  const fromCookie = cookieLanguage(cookies);
  if (fromCookie) return fromCookie;
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * The app's words and formats in the chosen language. Everything here reads the current language
 * as a signal, so a `computed()` or template that uses it follows a language switch.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);

  readonly language = computed<Language>(() => {
    const current = this.translate.currentLang();
    return isLanguage(current) ? current : DEFAULT_LANGUAGE;
  });

  /** A translated text; `params` fill `{{name}}` placeholders. */
  t(key: string, params?: Readonly<Record<string, unknown>>): string {
    const value: unknown = this.translate.instant(key, params ? { ...params } : undefined);
    return typeof value === 'string' ? value : key;
  }

  /** `<key>.one` for exactly one, `<key>.other` otherwise; `{{count}}` is the formatted number. */
  plural(key: string, count: number, params?: Readonly<Record<string, unknown>>): string {
    return this.t(`${key}.${count === 1 ? 'one' : 'other'}`, { ...params, count: this.number(count) });
  }

  /** Switches language, remembers it on this device and for the public pages, and tells the browser (`<html lang>`). */
  async use(language: Language): Promise<void> {
    await firstValueFrom(this.translate.use(language));
    this.document.documentElement.lang = language;
    const secure = this.document.location?.protocol === 'https:' ? '; Secure' : '';
    this.document.cookie = `${LANGUAGE_COOKIE}=${language}; Max-Age=${LANGUAGE_COOKIE_MAX_AGE_SECONDS}; Path=/; SameSite=Lax${secure}`;
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private browsing may refuse storage; the switch still works for this visit.
    }
  }

  date(value: string | Date | null | undefined, style: DateStyle = 'date'): string {
    if (value === null || value === undefined || value === '') return '';
    const language = this.language();
    return formatDate(value, DATE_PATTERNS[language][style], language);
  }

  number(value: number, digits = '1.0-0'): string {
    return formatNumber(value, this.language(), digits);
  }

  /** A share from 0 to 1 as a percentage: `42 %` in Danish, `42%` in English. */
  percent(fraction: number): string {
    return formatPercent(fraction, this.language(), '1.0-0');
  }

  /** Danish collation in Danish, English in English. */
  compare(a: string, b: string): number {
    return a.localeCompare(b, this.language());
  }
}

/** Loads each language's texts only when it is used, so neither weighs on the first download. */
class LazyTranslationLoader implements TranslateLoader {
  getTranslation(language: string): Observable<TranslationObject> {
    const load = language === 'en' ? import('./translations/en').then((m) => m.en) : import('./translations/da').then((m) => m.da);
    return from(load as Promise<TranslationObject>);
  }
}

function registerLocales(): void {
  // English ('en') is built into Angular; Danish needs its data.
  registerLocaleData(localeDa, 'da');
}

/** Translations, locale data, translated page titles, and the stored language before the first page. */
export function provideI18n(): (Provider | EnvironmentProviders)[] {
  registerLocales();
  return [
    provideTranslateService({
      fallbackLang: DEFAULT_LANGUAGE,
      // Factories rather than classes: the library tells a class from a factory by its source text
      // (`class …`), which minification changes, so the production build would call a class as a function.
      loader: provideTranslateLoader(() => new LazyTranslationLoader()),
      compiler: provideTranslateCompiler(() => new TranslateNoOpCompiler()),
      parser: provideTranslateParser(() => new TranslateDefaultParser()),
      missingTranslationHandler: provideMissingTranslationHandler(() => new DefaultMissingTranslationHandler()),
    }),
    { provide: LOCALE_ID, useValue: DEFAULT_LANGUAGE },
    { provide: TitleStrategy, useExisting: I18nTitleStrategy },
    provideAppInitializer(() => inject(I18n).use(storedLanguage())),
  ];
}

export { registerLocales };
