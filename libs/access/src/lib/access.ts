import type { UserRole } from '@fremdrift/contracts';

/** Who is asking: a role and, for department leads, the departments they answer for. */
export interface Principal {
  role: UserRole;
  departmentIds: readonly string[];
}

/** The departments an initiative belongs to. */
export interface InitiativeDepartments {
  leadDepartmentId: string;
  participatingDepartmentIds: readonly string[];
}

const isAdmin = (principal: Principal) => principal.role === 'admin';
const isLeadOf = (principal: Principal, departmentId: string) => principal.role === 'department_lead' && principal.departmentIds.includes(departmentId);

/** Departments and delay causes: the municipality's reference data. */
export function canManageReferenceData(principal: Principal): boolean {
  return isAdmin(principal);
}

/** Action plans and their goals: management and admins write them; everyone signed in reads them. */
export function canManageActionPlans(principal: Principal): boolean {
  return isAdmin(principal) || principal.role === 'management';
}

export function canManageUsers(principal: Principal): boolean {
  return isAdmin(principal);
}

/** The jobs panel and the outbox (Udbakke) show the inner workings of the installation: admins only. */
export function canOperateInstallation(principal: Principal): boolean {
  return isAdmin(principal);
}

/** A reminder by hand, from the compliance table: management, whose table it is, and admins. */
export function canSendManualReminders(principal: Principal): boolean {
  return isAdmin(principal) || principal.role === 'management';
}

export function canViewAuditLog(principal: Principal): boolean {
  return isAdmin(principal);
}

/** The cross-department dashboard is management's view; viewers read it too. */
export function canViewDashboard(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'management' || principal.role === 'viewer';
}

/** Freezing a reporting snapshot ("Status pr. <date>") for the council: management and admins. */
export function canFreezeSnapshots(principal: Principal): boolean {
  return isAdmin(principal) || principal.role === 'management';
}

/** Reporting snapshots hold every department's internal texts, as the dashboard does: whoever reads the dashboard reads them. */
export function canViewSnapshots(principal: Principal): boolean {
  return canViewDashboard(principal);
}

export function canApprovePublicTexts(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'management';
}

/**
 * Whether what someone writes for the public (an initiative's publication and public summary, a
 * status update's public text) reaches it at once: when they may approve it themselves, or the
 * action plan lets its leads publish directly. Otherwise it waits for management's approval.
 */
export function publishesDirectly(principal: Principal, plan: { leadsPublishDirectly: boolean }): boolean {
  return canApprovePublicTexts(principal) || plan.leadsPublishDirectly;
}

export function canExport(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'management';
}

/**
 * Importing initiatives and milestones from a spreadsheet changes many at once: management and
 * admins. Each row still goes through the rules of creating and changing one (canCreateInitiative,
 * canEditInitiative).
 */
export function canImportInitiatives(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'management';
}

/**
 * Creating an initiative: management and admins for any department (they enter and import the
 * plan), a lead for a department of their own as the lead department.
 */
export function canCreateInitiative(principal: Principal, leadDepartmentId: string): boolean {
  return isAdmin(principal) || principal.role === 'management' || isLeadOf(principal, leadDepartmentId);
}

/**
 * Changing an initiative itself, its milestones and its partner links: management and admins (who
 * enter and import the plan), or a lead of its lead department.
 */
export function canEditInitiative(principal: Principal, initiative: InitiativeDepartments): boolean {
  return isAdmin(principal) || principal.role === 'management' || isLeadOf(principal, initiative.leadDepartmentId);
}

/** Correcting or removing a status update already sent: an admin, or a lead of the lead department. Management reads reports; it does not rewrite them. */
export function canEditStatusUpdates(principal: Principal, initiative: InitiativeDepartments): boolean {
  return isAdmin(principal) || isLeadOf(principal, initiative.leadDepartmentId);
}

/**
 * Reporting on an initiative (adding a status update, recording milestone progress): an admin, and
 * leads of its lead or a participating department. Management reads the reports; it does not write them.
 */
export function canReportOn(principal: Principal, initiative: InitiativeDepartments): boolean {
  return (
    isAdmin(principal) || [initiative.leadDepartmentId, ...initiative.participatingDepartmentIds].some((departmentId) => isLeadOf(principal, departmentId))
  );
}

/** Partner records (name, type, description) are shared: any lead may add and correct them. */
export function canEditPartners(principal: Principal): boolean {
  return isAdmin(principal) || principal.role === 'department_lead';
}

/**
 * Correcting a partner record (its name, say) changes it on every initiative that names it: an
 * admin, or a lead whose departments lead every one of those initiatives.
 */
export function canEditPartner(principal: Principal, leadDepartmentIdsOfItsInitiatives: readonly string[]): boolean {
  return isAdmin(principal) || (canEditPartners(principal) && leadDepartmentIdsOfItsInitiatives.every((departmentId) => isLeadOf(principal, departmentId)));
}

/** Deleting an initiative takes its milestones, status updates and partner links with it: admins only. */
export function canDeleteInitiatives(principal: Principal): boolean {
  return isAdmin(principal);
}

/** Removing a partner record affects every initiative: admins only. */
export function canDeletePartners(principal: Principal): boolean {
  return isAdmin(principal);
}

/** Merging two partner records rewrites links on initiatives of any department: admins only. */
export function canMergePartners(principal: Principal): boolean {
  return isAdmin(principal);
}
