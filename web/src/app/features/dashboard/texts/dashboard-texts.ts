import { inject, Injectable, Pipe, provideEnvironmentInitializer, type EnvironmentProviders, type PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { registerTexts, type FeatureTexts } from '../../../core/i18n/register-texts';
import { dashboardDa } from './da';
import { dashboardEn } from './en';

/** The dashboard's texts live under `dashboard.` in the app's translations. */
export const DASHBOARD_NAMESPACE = 'dashboard';

export const dashboardTexts: FeatureTexts = {
  da: { [DASHBOARD_NAMESPACE]: dashboardDa },
  en: { [DASHBOARD_NAMESPACE]: dashboardEn },
};

/** Route providers: the dashboard's texts, merged before its page is created and its title is set. */
export function provideDashboardTexts(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => registerTexts(inject(TranslateService), dashboardTexts));
}

/** The route title (a translation key, see I18nTitleStrategy). */
export const DASHBOARD_TITLE = `${DASHBOARD_NAMESPACE}.title`;
export const REPORT_TITLE = `${DASHBOARD_NAMESPACE}.report.title`;

type Params = Readonly<Record<string, unknown>>;

/**
 * The dashboard's words: keys relative to `dashboard.` (`text('headline.title')`), in the current
 * language, read as signals like everything in I18n.
 */
@Injectable({ providedIn: 'root' })
export class DashboardText {
  private readonly i18n = inject(I18n);

  text(key: string, params?: Params): string {
    return this.i18n.t(`${DASHBOARD_NAMESPACE}.${key}`, params);
  }

  /** `<key>.one` or `<key>.other`; `{{count}}` is the formatted number. */
  count(key: string, count: number, params?: Params): string {
    return this.i18n.plural(`${DASHBOARD_NAMESPACE}.${key}`, count, params);
  }
}

/** `{{ 'headline.title' | fdDashText }}`: a dashboard text in the current language. */
@Pipe({ name: 'fdDashText', pure: false })
export class DashboardTextPipe implements PipeTransform {
  private readonly texts = inject(DashboardText);

  transform(key: string, params?: Params): string {
    return this.texts.text(key, params);
  }
}
