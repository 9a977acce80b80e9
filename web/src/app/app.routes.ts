import type { Route, Routes, UrlSegment } from '@angular/router';
import { canManageUsers, canViewAuditLog } from '@fremdrift/access';
import { authGuard, guestGuard, requireAccess } from './core/auth/auth-guards';

const loadInitiativeList = () => import('./features/initiatives/initiative-list/initiative-list').then((m) => m.InitiativeList);

/**
 * The "no access" page at every address under `path`: the fallback after a route whose
 * `canMatch` turned the user away, so the address stays what they asked for.
 */
function noAccessAt(path: string): Route {
  return {
    matcher: (segments: UrlSegment[]) => (segments[0]?.path === path ? { consumed: segments } : null),
    title: 'Ingen adgang – Fremdrift',
    loadComponent: () => import('./features/forbidden/forbidden').then((m) => m.Forbidden),
  };
}

export const routes: Routes = [
  {
    path: 'login',
    title: 'Log ind – Fremdrift',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login').then((m) => m.Login),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'initiativer' },
      { path: 'initiativer', title: 'Initiativer – Fremdrift', loadComponent: loadInitiativeList },
      {
        path: 'brugere',
        canMatch: [requireAccess(canManageUsers)],
        loadChildren: () => import('./features/users/users.routes').then((m) => m.usersRoutes),
      },
      noAccessAt('brugere'),
      {
        path: 'aendringslog',
        title: 'Ændringslog – Fremdrift',
        canMatch: [requireAccess(canViewAuditLog)],
        loadComponent: () => import('./features/audit-log/audit-log/audit-log').then((m) => m.AuditLog),
      },
      noAccessAt('aendringslog'),
      {
        path: 'konto/adgangskode',
        title: 'Skift adgangskode – Fremdrift',
        loadComponent: () => import('./features/account/change-password/change-password').then((m) => m.ChangePassword),
      },
      {
        path: '**',
        title: 'Siden findes ikke – Fremdrift',
        loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
