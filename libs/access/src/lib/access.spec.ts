import type { UserRole } from '@fremdrift/contracts';
import {
  canApprovePublicTexts,
  canCreateInitiative,
  canDeleteInitiatives,
  canDeletePartners,
  canEditInitiative,
  canEditPartner,
  canEditPartners,
  canEditStatusUpdates,
  canMergePartners,
  canOperateInstallation,
  canSendManualReminders,
  canExport,
  canImportInitiatives,
  canManageActionPlans,
  canManageReferenceData,
  canManageUsers,
  canReportOn,
  canViewAuditLog,
  canViewDashboard,
  canFreezeSnapshots,
  canViewSnapshots,
  publishesDirectly,
  type Principal,
} from './access';

const MSO = 'dept-mso';
const MBU = 'dept-mbu';
const MKB = 'dept-mkb';

const as = (role: UserRole, departmentIds: string[] = []): Principal => ({ role, departmentIds });
const ledByMso = { leadDepartmentId: MSO, participatingDepartmentIds: [MKB] };

describe('access rules', () => {
  it('lets a lead edit an initiative led by their department, and no other', () => {
    expect(canEditInitiative(as('department_lead', [MSO]), ledByMso)).toBe(true);
    expect(canEditInitiative(as('department_lead', [MBU]), ledByMso)).toBe(false);
  });

  it('lets a lead of a participating department report, but not edit', () => {
    const mkbLead = as('department_lead', [MKB]);
    expect(canReportOn(mkbLead, ledByMso)).toBe(true);
    expect(canEditInitiative(mkbLead, ledByMso)).toBe(false);
    expect(canReportOn(as('department_lead', [MBU]), ledByMso)).toBe(false);
  });

  it('gives a lead with several departments the rights of each', () => {
    const lead = as('department_lead', [MBU, MSO]);
    expect(canEditInitiative(lead, ledByMso)).toBe(true);
    expect(canCreateInitiative(lead, MBU)).toBe(true);
    expect(canCreateInitiative(lead, MKB)).toBe(false);
  });

  it('does not give a viewer department rights for departments it happens to have', () => {
    expect(canEditInitiative(as('viewer', [MSO]), ledByMso)).toBe(false);
    expect(canReportOn(as('viewer', [MSO]), ledByMso)).toBe(false);
    expect(canCreateInitiative(as('viewer', [MSO]), MSO)).toBe(false);
  });

  it('lets management enter and change initiatives of any department, but not report on them or rewrite reports', () => {
    const management = as('management');
    expect(canCreateInitiative(management, MBU)).toBe(true);
    expect(canEditInitiative(management, ledByMso)).toBe(true);
    expect(canReportOn(management, ledByMso)).toBe(false);
    expect(canEditStatusUpdates(management, ledByMso)).toBe(false);
    expect(canDeleteInitiatives(management)).toBe(false);
  });

  it('lets only admins and the lead department correct a status update already sent', () => {
    expect(canEditStatusUpdates(as('admin'), ledByMso)).toBe(true);
    expect(canEditStatusUpdates(as('department_lead', [MSO]), ledByMso)).toBe(true);
    expect(canEditStatusUpdates(as('department_lead', [MKB]), ledByMso)).toBe(false);
  });

  it('lets an admin do everything', () => {
    const admin = as('admin');
    expect(canEditInitiative(admin, ledByMso)).toBe(true);
    expect(canReportOn(admin, ledByMso)).toBe(true);
    expect(canCreateInitiative(admin, MSO)).toBe(true);
    expect(canManageUsers(admin) && canManageReferenceData(admin) && canViewAuditLog(admin) && canDeletePartners(admin)).toBe(true);
  });

  it('keeps users, reference data and the audit log to admins', () => {
    for (const role of ['management', 'department_lead', 'viewer'] as const) {
      expect(canManageUsers(as(role, [MSO]))).toBe(false);
      expect(canManageReferenceData(as(role, [MSO]))).toBe(false);
      expect(canViewAuditLog(as(role, [MSO]))).toBe(false);
      expect(canDeletePartners(as(role, [MSO]))).toBe(false);
    }
  });

  it('lets management and admins write action plans, not leads or viewers', () => {
    expect(canManageActionPlans(as('admin'))).toBe(true);
    expect(canManageActionPlans(as('management'))).toBe(true);
    expect(canManageActionPlans(as('department_lead', [MSO]))).toBe(false);
    expect(canManageActionPlans(as('viewer'))).toBe(false);
  });

  it('lets management approve public texts and export, and nobody read-only', () => {
    expect(canApprovePublicTexts(as('management'))).toBe(true);
    expect(canExport(as('management'))).toBe(true);
    expect(canApprovePublicTexts(as('viewer'))).toBe(false);
    expect(canExport(as('department_lead', [MSO]))).toBe(false);
  });

  it('lets management and admins import initiatives, and neither leads nor viewers', () => {
    expect(canImportInitiatives(as('admin'))).toBe(true);
    expect(canImportInitiatives(as('management'))).toBe(true);
    expect(canImportInitiatives(as('department_lead', [MSO]))).toBe(false);
    expect(canImportInitiatives(as('viewer'))).toBe(false);
  });

  it('publishes directly for those who approve, and for leads only where the plan allows it', () => {
    const reviewed = { leadsPublishDirectly: false };
    const direct = { leadsPublishDirectly: true };
    expect(publishesDirectly(as('admin'), reviewed)).toBe(true);
    expect(publishesDirectly(as('management'), reviewed)).toBe(true);
    expect(publishesDirectly(as('department_lead', [MSO]), reviewed)).toBe(false);
    expect(publishesDirectly(as('department_lead', [MSO]), direct)).toBe(true);
  });

  it('lets admins alone delete an initiative', () => {
    expect(canDeleteInitiatives(as('admin'))).toBe(true);
    expect(canDeleteInitiatives(as('department_lead', [MSO]))).toBe(false);
    expect(canDeleteInitiatives(as('management'))).toBe(false);
  });

  it('lets a lead correct a partner only when their departments lead every initiative that names it', () => {
    expect(canEditPartner(as('department_lead', [MSO]), [])).toBe(true);
    expect(canEditPartner(as('department_lead', [MSO]), [MSO, MSO])).toBe(true);
    expect(canEditPartner(as('department_lead', [MSO]), [MSO, MBU])).toBe(false);
    expect(canEditPartner(as('admin'), [MSO, MBU])).toBe(true);
    expect(canEditPartner(as('management'), [])).toBe(false);
  });

  it('lets leads and admins keep partner records, not viewers or management', () => {
    expect(canEditPartners(as('department_lead', [MSO]))).toBe(true);
    expect(canEditPartners(as('admin'))).toBe(true);
    expect(canEditPartners(as('viewer'))).toBe(false);
    expect(canEditPartners(as('management'))).toBe(false);
  });

  it('lets only admins merge duplicate partner records', () => {
    expect(canMergePartners(as('admin'))).toBe(true);
    for (const role of ['management', 'department_lead', 'viewer'] as const) expect(canMergePartners(as(role, [MSO]))).toBe(false);
  });

  it('shows the dashboard to management, viewers and admins, not to department leads', () => {
    expect(['admin', 'management', 'viewer'].every((role) => canViewDashboard(as(role as UserRole)))).toBe(true);
    expect(canViewDashboard(as('department_lead', [MSO]))).toBe(false);
  });

  it('lets management and admins freeze reporting snapshots, and whoever reads the dashboard read them', () => {
    expect(['admin', 'management'].every((role) => canFreezeSnapshots(as(role as UserRole)))).toBe(true);
    for (const role of ['viewer', 'department_lead'] as const) expect(canFreezeSnapshots(as(role, [MSO]))).toBe(false);
    expect(['admin', 'management', 'viewer'].every((role) => canViewSnapshots(as(role as UserRole)))).toBe(true);
    expect(canViewSnapshots(as('department_lead', [MSO]))).toBe(false);
  });

  it('keeps the jobs and the outbox to admins, and lets management and admins send a reminder by hand', () => {
    expect(canOperateInstallation(as('admin'))).toBe(true);
    for (const role of ['management', 'department_lead', 'viewer'] as const) expect(canOperateInstallation(as(role, [MSO]))).toBe(false);
    expect(canSendManualReminders(as('admin'))).toBe(true);
    expect(canSendManualReminders(as('management'))).toBe(true);
    expect(canSendManualReminders(as('department_lead', [MSO]))).toBe(false);
    expect(canSendManualReminders(as('viewer'))).toBe(false);
  });
});
