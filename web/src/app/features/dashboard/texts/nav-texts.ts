import type { FeatureTexts } from '../../../core/i18n/register-texts';

/**
 * The header's link to the dashboard. Tiny and separate from the dashboard's other texts, so that
 * the app shell can register it (with `registerTexts`) without loading the feature.
 */
export const DASHBOARD_NAV_LABEL = 'dashboardNav.label';
export const DASHBOARD_PATH = '/dashboard';

export const dashboardNavTexts: FeatureTexts = {
  da: { dashboardNav: { label: 'Overblik' } },
  en: { dashboardNav: { label: 'Dashboard' } },
};
