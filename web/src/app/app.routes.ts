import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Route, type Routes, type UrlSegment } from '@angular/router';
import {
  canApprovePublicTexts,
  canImportInitiatives,
  canManageIdentityMappings,
  canManageReferenceData,
  canManageUsers,
  canOperateInstallation,
  canViewAuditLog,
  canViewDashboard,
  startPageFor,
} from '@fremdrift/access';
import { Auth } from './core/auth/auth';
import { BrowserLocation } from './core/auth/browser-location';
import { authGuard, guestGuard, requireAccess } from './core/auth/auth-guards';
import { unsavedChangesGuard } from './core/unsaved-changes/unsaved-changes';
import { canCreateSomeInitiative } from './features/initiatives/initiative-access';

const loadInitiativeList = () => import('./features/initiatives/initiative-list/initiative-list').then((m) => m.InitiativeList);
const loadForbidden = () => import('./features/forbidden/forbidden').then((m) => m.Forbidden);

/**
 * The "no access" page at every address under `path`: the fallback after a route whose
 * `canMatch` turned the user away, so the address stays what they asked for.
 */
function noAccessAt(path: string): Route {
  return {
    matcher: (segments: UrlSegment[]) => (segments[0]?.path === path ? { consumed: segments } : null),
    title: 'titles.forbidden',
    loadComponent: () => import('./features/forbidden/forbidden').then((m) => m.Forbidden),
  };
}

/** The public site's pages, rendered by the server (api/src/modules/public-site), not by this app. */
export const SERVER_RENDERED_PAGES = ['om-data', 'tilgaengelighed', 'initiativ', 'handleplan', 'sprog', 'was'];

/** Leaves the app for a server-rendered public page with a full page load. */
const loadFromServer: CanActivateFn = (_route, state) => {
  inject(BrowserLocation).assign(state.url);
  return false;
};

/**
 * `/` in the app (after signing in, or a link to the start): a signed-in user goes on to their start
 * page; anyone else to the public front page, which the server renders (and there redirects a
 * signed-in user in the same way).
 */
const startPageOrPublicSite: CanActivateFn = async (_route, state) => {
  const auth = inject(Auth);
  const router = inject(Router);
  const location = inject(BrowserLocation);
  await auth.ensureChecked();
  const user = auth.user();
  if (user) return router.parseUrl(startPageFor(user.role));
  location.assign(state.url);
  return false;
};

/** Route titles are translation keys (see I18nTitleStrategy). */
export const routes: Routes = [
  { path: '', pathMatch: 'full', canActivate: [startPageOrPublicSite], children: [] },
  {
    matcher: (segments: UrlSegment[]) => (segments.length > 0 && SERVER_RENDERED_PAGES.includes(segments[0].path) ? { consumed: segments } : null),
    canActivate: [loadFromServer],
    children: [],
  },
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login').then((m) => m.Login),
  },
  {
    path: 'ingen-adgang',
    title: 'signIn.refused.title',
    loadComponent: () => import('./features/sign-in-refused/sign-in-refused').then((m) => m.SignInRefused),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      {
        path: 'mine',
        title: 'titles.mine',
        loadComponent: () => import('./features/initiatives/my-initiatives/my-initiatives').then((m) => m.MyInitiatives),
      },
      {
        path: 'dashboard',
        canMatch: [requireAccess(canViewDashboard)],
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
      },
      noAccessAt('dashboard'),
      { path: 'initiativer', title: 'titles.initiatives', loadComponent: loadInitiativeList },
      {
        path: 'initiativer/ny',
        title: 'initiativeCreate.pageTitle',
        canMatch: [requireAccess(canCreateSomeInitiative)],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./features/initiatives/initiative-create/initiative-create').then((m) => m.InitiativeCreate),
      },
      { path: 'initiativer/ny', title: 'titles.forbidden', loadComponent: loadForbidden },
      {
        path: 'initiativer/import',
        canMatch: [requireAccess(canImportInitiatives)],
        loadChildren: () => import('./features/initiative-transfer/initiative-transfer.routes').then((m) => m.initiativeTransferRoutes),
      },
      { path: 'initiativer/import', title: 'titles.forbidden', loadComponent: loadForbidden },
      {
        path: 'initiativer/:id',
        title: 'titles.initiative',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./features/initiatives/initiative-page/initiative-page').then((m) => m.InitiativePage),
      },
      {
        path: 'handleplaner',
        loadChildren: () => import('./features/action-plans/action-plans.routes').then((m) => m.actionPlansRoutes),
      },
      noAccessAt('handleplaner'),
      {
        path: 'partnere',
        title: 'partnerRegister.title',
        loadComponent: () => import('./features/partners/partner-register/partner-register').then((m) => m.PartnerRegister),
      },
      {
        path: 'godkendelser',
        title: 'titles.approvals',
        canMatch: [requireAccess(canApprovePublicTexts)],
        loadComponent: () => import('./features/approvals/approval-queue/approval-queue').then((m) => m.ApprovalQueue),
      },
      noAccessAt('godkendelser'),
      {
        path: 'brugere',
        canMatch: [requireAccess(canManageUsers)],
        loadChildren: () => import('./features/users/users.routes').then((m) => m.usersRoutes),
      },
      noAccessAt('brugere'),
      {
        path: 'admin/rolletildeling',
        title: 'identityMappings.title',
        canMatch: [requireAccess(canManageIdentityMappings)],
        loadComponent: () => import('./features/identity-mappings/identity-mapping-list/identity-mapping-list').then((m) => m.IdentityMappingList),
      },
      {
        path: 'admin/udbakke',
        title: 'outbox.title',
        canMatch: [requireAccess(canOperateInstallation)],
        loadComponent: () => import('./features/outbox/outbox-page/outbox-page').then((m) => m.OutboxPage),
      },
      {
        path: 'admin',
        canMatch: [requireAccess(canManageReferenceData)],
        loadChildren: () => import('./features/admin-lists/admin-lists.routes').then((m) => m.adminListsRoutes),
      },
      noAccessAt('admin'),
      {
        path: 'aendringslog',
        title: 'titles.auditLog',
        canMatch: [requireAccess(canViewAuditLog)],
        loadComponent: () => import('./features/audit-log/audit-log/audit-log').then((m) => m.AuditLog),
      },
      noAccessAt('aendringslog'),
      {
        path: 'konto/adgangskode',
        title: 'titles.changePassword',
        loadComponent: () => import('./features/account/change-password/change-password').then((m) => m.ChangePassword),
      },
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
