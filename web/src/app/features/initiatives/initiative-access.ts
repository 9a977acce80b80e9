import { canCreateInitiative, type Principal } from '@fremdrift/access';

/**
 * Whether the user may create an initiative at all: an admin, or a lead with a department of their
 * own to lead it (the rule itself is `canCreateInitiative`, per lead department).
 */
export function canCreateSomeInitiative(principal: Principal): boolean {
  return principal.role === 'admin' || principal.departmentIds.some((departmentId) => canCreateInitiative(principal, departmentId));
}
