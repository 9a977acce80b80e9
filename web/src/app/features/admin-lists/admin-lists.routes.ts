import type { Routes } from '@angular/router';

/** The admin's lists of reference data under `/admin`, loaded only for admins (see `app.routes.ts`). */
export const adminListsRoutes: Routes = [
  {
    path: 'afdelinger',
    title: 'adminLists.departments.title',
    loadComponent: () => import('./department-list/department-list').then((m) => m.DepartmentList),
  },
  {
    path: 'forsinkelsesaarsager',
    title: 'adminLists.causes.title',
    loadComponent: () => import('./delay-cause-list/delay-cause-list').then((m) => m.DelayCauseList),
  },
];
