import { registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';
import { LOCALE_ID, Provider } from '@angular/core';

/** The app speaks Danish: numbers as `1.234,5`, percentages as `42 %`, dates as `23. nov. 2026`. */
export const APP_LOCALE = 'da';

export function provideDanishLocale(): Provider[] {
  registerLocaleData(localeDa, APP_LOCALE);
  return [{ provide: LOCALE_ID, useValue: APP_LOCALE }];
}
