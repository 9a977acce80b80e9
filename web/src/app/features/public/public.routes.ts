import type { Routes } from '@angular/router';

/** Route titles: translation keys in texts/shell-texts.ts (registered by the app shell). */
export const PUBLIC_TITLES = {
  front: 'publicTitles.front',
  initiative: 'publicTitles.initiative',
  plan: 'publicTitles.plan',
  aboutData: 'publicTitles.aboutData',
  accessibility: 'publicTitles.accessibility',
} as const;

/**
 * The public pages, for anonymous visitors and signed-in users alike (no auth guard). Each is
 * lazy, so that a visitor downloads neither the internal pages nor their charts. The front page
 * (`/`) is added by the app's routes, which send signed-in users to their start page instead.
 */
export const loadPublicFrontPage = () => import('./front-page/front-page').then((m) => m.FrontPage);

export const publicRoutes: Routes = [
  {
    path: 'initiativ/:id',
    title: PUBLIC_TITLES.initiative,
    loadComponent: () => import('./initiative/initiative').then((m) => m.PublicInitiativePage),
  },
  {
    path: 'handleplan/:id',
    title: PUBLIC_TITLES.plan,
    loadComponent: () => import('./action-plan/action-plan').then((m) => m.PublicActionPlanPage),
  },
  {
    path: 'om-data',
    title: PUBLIC_TITLES.aboutData,
    loadComponent: () => import('./about-data/about-data').then((m) => m.AboutData),
  },
  {
    path: 'tilgaengelighed',
    title: PUBLIC_TITLES.accessibility,
    loadComponent: () => import('./accessibility/accessibility').then((m) => m.Accessibility),
  },
];
