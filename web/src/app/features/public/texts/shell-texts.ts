import type { FeatureTexts } from '../../../core/i18n/register-texts';

/**
 * The public pages' titles and the header/footer links to them. Tiny and separate from the
 * feature's other texts, so that the app shell can register them without loading the feature.
 */
/** The header's and footer's keys, named here so that the app shell's template need not spell them. */
export const PUBLIC_SHELL_KEYS = {
  login: 'publicShell.login',
  loginHint: 'publicShell.loginHint',
  aboutData: 'publicShell.aboutData',
  accessibility: 'publicShell.accessibility',
} as const;

export const publicShellTexts: FeatureTexts = {
  da: {
    publicShell: {
      login: 'Log ind',
      loginHint: 'for medarbejdere',
      footerNav: 'Om siden',
      aboutData: 'Om data',
      accessibility: 'Tilgængelighedserklæring',
      frontPage: 'Alle initiativer',
    },
    publicTitles: {
      front: 'Initiativerne',
      initiative: 'Initiativ',
      plan: 'Handleplan',
      aboutData: 'Om data',
      accessibility: 'Tilgængelighedserklæring',
    },
  },
  en: {
    publicShell: {
      login: 'Log in',
      loginHint: 'for staff',
      footerNav: 'About this site',
      aboutData: 'About the data',
      accessibility: 'Accessibility statement',
      frontPage: 'All initiatives',
    },
    publicTitles: {
      front: 'The initiatives',
      initiative: 'Initiative',
      plan: 'Action plan',
      aboutData: 'About the data',
      accessibility: 'Accessibility statement',
    },
  },
};
