import type { DepartmentRef } from './department';
import type { UserRole } from './auth';

/** How staff sign in when the municipality's identity provider is configured. */
export type SingleSignOnKind = 'oidc' | 'saml';

/**
 * What the sign-in page offers (`GET /api/auth/sign-in-options`, public): the identity provider's
 * button first when one is configured, and whether everyone or only the break-glass accounts may
 * sign in with a password.
 */
export interface SignInOptions {
  singleSignOn: { kind: SingleSignOnKind; label: string; startUrl: string } | null;
  localAccounts: 'all' | 'break-glass';
  /** Who to contact for access; shown when a sign-in is refused. */
  accessContact: string | null;
}

/** `POST /api/auth/logout`: where the browser goes next to end the identity provider's session too. */
export interface LogoutResult {
  endSessionUrl: string | null;
}

/**
 * A group or job-function role from the identity provider, mapped to a Fremdrift role. A mapping
 * with a unit constraint applies only when the provider's role carries that organisation unit
 * (KOMBIT's privilege constraints); a department lead mapping names the department.
 */
export interface IdentityRoleMapping {
  id: string;
  claimValue: string;
  unitConstraint: string | null;
  role: UserRole;
  department: DepartmentRef | null;
  description: string | null;
  version: number;
}

export interface IdentityRoleMappingInput {
  claimValue: string;
  unitConstraint: string | null;
  role: UserRole;
  departmentId: string | null;
  description: string | null;
}

/** Why a sign-in through the identity provider was refused; the web shows a page for each. */
export const SIGN_IN_REFUSALS = ['noMappedRole', 'deactivated', 'missingEmail', 'failed'] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

/** Limits of a role mapping's fields (the columns of identity_role_mapping). */
export const IDENTITY_ROLE_MAPPING_LIMITS = {
  claimValue: { min: 1, max: 400 },
  unitConstraint: { max: 400 },
  description: { max: 400 },
} as const;
