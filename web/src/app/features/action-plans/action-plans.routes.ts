import type { Routes } from '@angular/router';
import { canManageActionPlans } from '@fremdrift/access';
import { requireAccess } from '../../core/auth/auth-guards';

const loadEditor = () => import('./plan-editor/plan-editor').then((m) => m.PlanEditor);

/** The action plans: everyone signed in reads them; management and admins keep them (others get the "no access" page, see app.routes.ts). */
export const actionPlansRoutes: Routes = [
  { path: '', title: 'plans.listTitle', loadComponent: () => import('./plan-list/plan-list').then((m) => m.PlanList) },
  { path: 'ny', title: 'plans.createTitle', canMatch: [requireAccess(canManageActionPlans)], loadComponent: loadEditor },
  { path: ':id', title: 'plans.planTitle', loadComponent: () => import('./plan-page/plan-page').then((m) => m.PlanPage) },
  { path: ':id/rediger', title: 'plans.editTitle', canMatch: [requireAccess(canManageActionPlans)], loadComponent: loadEditor },
];
