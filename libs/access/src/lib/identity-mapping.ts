import type { UserRole } from '@fremdrift/contracts';
import type { Principal } from './access';

/** The mappings from the identity provider's groups and roles decide who gets which rights: admins only. */
export function canManageIdentityMappings(principal: Principal): boolean {
  return principal.role === 'admin';
}

/** A group or job-function role as the identity provider asserted it, with the organisation unit it is constrained to. */
export interface AssertedRole {
  value: string;
  unit: string | null;
}

/** One of the admins' mappings from an asserted role to a Fremdrift role. */
export interface RoleMappingRule {
  claimValue: string;
  /** When set, the mapping applies only to an asserted role constrained to this unit (KOMBIT). */
  unitConstraint: string | null;
  role: UserRole;
  /** The department a department lead mapping makes the person lead of; null for the other roles. */
  departmentId: string | null;
}

export interface MappedAccess {
  role: UserRole;
  /** For a department lead: the departments they lead. Empty for the other roles. */
  departmentIds: string[];
}

/** Most privileged first: with several matching mappings the first of these wins. */
const ROLE_PRECEDENCE: readonly UserRole[] = ['admin', 'management', 'department_lead', 'viewer'];

/**
 * Values and units are compared trimmed and without regard to case: directory group names and
 * GUIDs are case-insensitive, admins type them with whatever capitals they see, and no identity
 * provider tells two roles apart by case alone (KOMBIT's role URIs included).
 */
const comparable = (text: string) => text.trim().toLocaleLowerCase('en');

function matches(rule: RoleMappingRule, claim: AssertedRole): boolean {
  if (comparable(rule.claimValue) !== comparable(claim.value)) return false;
  if (rule.unitConstraint === null || rule.unitConstraint.trim() === '') return true;
  return claim.unit !== null && comparable(claim.unit) === comparable(rule.unitConstraint);
}

/**
 * The Fremdrift role a person gets from the roles their identity provider asserted: the most
 * privileged role of the matching mappings (admin, management, department lead, viewer); a
 * department lead leads every department of the matching lead mappings. Null when no mapping
 * matches: the person has no access.
 */
export function mapIdentityRoles(claims: readonly AssertedRole[], mappings: readonly RoleMappingRule[]): MappedAccess | null {
  // A lead mapping without a department leads nothing (the database does not allow one).
  const usable = mappings.filter((rule) => rule.role !== 'department_lead' || rule.departmentId !== null);
  const matching = usable.filter((rule) => claims.some((claim) => matches(rule, claim)));
  const role = ROLE_PRECEDENCE.find((candidate) => matching.some((rule) => rule.role === candidate));
  if (!role) return null;
  if (role !== 'department_lead') return { role, departmentIds: [] };
  const departmentIds = matching.filter((rule) => rule.role === 'department_lead').map((rule) => rule.departmentId as string);
  return { role, departmentIds: [...new Set(departmentIds)] };
}
