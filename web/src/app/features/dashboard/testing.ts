import type { EnvironmentProviders, Provider } from '@angular/core';
import type { Language } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';
import { provideDashboardTexts } from './texts/dashboard-texts';

/** Unit tests: the app's translations and the dashboard's, Danish unless told otherwise. */
export function provideDashboardTesting(language: Language = 'da'): (Provider | EnvironmentProviders)[] {
  return [provideI18nTesting(language), provideDashboardTexts()];
}

/** Text content with Danish no-break spaces as plain spaces and whitespace collapsed. */
export const textOf = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u00a0|\u202f/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
