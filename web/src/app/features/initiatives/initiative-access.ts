import { canCreateInitiative, type Principal } from '@fremdrift/access';

/**
 * Whether the user may create an initiative at all: admins and management for any department, a
 * lead with a department of their own to lead it (the rule itself is `canCreateInitiative`, per lead
 * department; any id stands for "a department of someone else's").
 */
export function canCreateSomeInitiative(principal: Principal): boolean {
  return canCreateInitiative(principal, '') || principal.departmentIds.some((departmentId) => canCreateInitiative(principal, departmentId));
}
