import type { Routes } from '@angular/router';

/** The admin's user pages, loaded only for admins (see `app.routes.ts`). */
export const usersRoutes: Routes = [
  { path: '', title: 'titles.users', loadComponent: () => import('./user-list/user-list').then((m) => m.UserList) },
  { path: 'ny', title: 'titles.userNew', loadComponent: () => import('./user-create/user-create').then((m) => m.UserCreate) },
  { path: ':id', title: 'titles.userEdit', loadComponent: () => import('./user-edit/user-edit').then((m) => m.UserEdit) },
];
