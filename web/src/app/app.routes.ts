import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Route, type Routes, type UrlSegment } from '@angular/router';
import type { UserRole } from '@fremdrift/contracts';
import {
  canApprovePublicTexts,
  canImportInitiatives,
  canManageIdentityMappings,
  canManageReferenceData,
  canManageUsers,
  canOperateInstallation,
  canViewAuditLog,
  canViewDashboard,
} from '@fremdrift/access';
import { Auth } from './core/auth/auth';
import { authGuard, guestGuard, requireAccess } from './core/auth/auth-guards';
import { unsavedChangesGuard } from './core/unsaved-changes/unsaved-changes';
import { loadPublicFrontPage, PUBLIC_TITLES, publicRoutes } from './features/public/public.routes';
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

/** Department leads start with their own initiatives, management with the dashboard, everyone else with all initiatives. */
function startPage(role: UserRole): string {
  return role === 'department_lead' ? '/mine' : role === 'management' ? '/dashboard' : '/initiativer';
}

/** `/` is the public front page for visitors; a signed-in user goes on to their start page. */
const publicFrontPageForVisitors: CanActivateFn = async () => {
  const auth = inject(Auth);
  const router = inject(Router);
  await auth.ensureChecked();
  const user = auth.user();
  return user ? router.parseUrl(startPage(user.role)) : true;
};

/** Route titles are translation keys (see I18nTitleStrategy). */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: PUBLIC_TITLES.front,
    canActivate: [publicFrontPageForVisitors],
    loadComponent: loadPublicFrontPage,
  },
  ...publicRoutes,
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
