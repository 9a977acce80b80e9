import type { FeatureTexts } from './core/i18n/register-texts';

/** The header's and footer's links to the public site (rendered by the server): keys named here so the shell's template need not spell them. */
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
  },
};
