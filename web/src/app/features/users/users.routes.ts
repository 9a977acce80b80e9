import type { Routes } from '@angular/router';

/** The admin's user pages, loaded only for admins (see `app.routes.ts`). */
export const usersRoutes: Routes = [
  { path: '', title: 'Brugere – Fremdrift', loadComponent: () => import('./user-list/user-list').then((m) => m.UserList) },
  { path: 'ny', title: 'Opret bruger – Fremdrift', loadComponent: () => import('./user-create/user-create').then((m) => m.UserCreate) },
  { path: ':id', title: 'Redigér bruger – Fremdrift', loadComponent: () => import('./user-edit/user-edit').then((m) => m.UserEdit) },
];
