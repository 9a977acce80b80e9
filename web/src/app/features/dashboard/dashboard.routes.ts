import type { Routes } from '@angular/router';
import { DASHBOARD_TITLE, provideDashboardTexts, REPORT_TITLE } from './texts/dashboard-texts';

/**
 * The management dashboard, loaded only for the roles that may see it (see `app.routes.ts`). Its
 * texts are merged into the app's translations before the page and its title appear.
 */
export const dashboardRoutes: Routes = [
  {
    path: '',
    title: DASHBOARD_TITLE,
    providers: [provideDashboardTexts()],
    loadComponent: () => import('./dashboard-page/dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'rapport',
    title: REPORT_TITLE,
    providers: [provideDashboardTexts()],
    loadComponent: () => import('./council-report/council-report').then((m) => m.CouncilReport),
  },
];
