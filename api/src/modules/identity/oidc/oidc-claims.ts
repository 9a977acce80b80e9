import type { RoleClaim } from '../single-sign-on';

type Claims = Record<string, unknown>;

/** A claim by its name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The groups or roles in the claim, which holds one string or an array of them; null when the claim is absent. */
export function rolesFrom(claims: Claims, rolesClaim: string): RoleClaim[] | null {
  const value = claimAt(claims, rolesClaim);
  if (value === undefined || value === null) return null;
  const values = Array.isArray(value) ? value : [value];
  const roles = values.map(text).filter((role): role is string => role !== null);
  return [...new Set(roles)].map((role) => ({ value: role, unit: null }));
}

/** The e-mail address: `email`, else an e-mail-shaped `preferred_username` or `upn` (Entra ID and AD FS often send only those). */
export function emailFrom(claims: Claims): string | null {
  const email = text(claims['email']);
  if (email) return email;
  for (const name of ['preferred_username', 'upn']) {
    const candidate = text(claims[name]);
    if (candidate && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(candidate)) return candidate;
  }
  return null;
}

export function nameFrom(claims: Claims): string | null {
  const name = text(claims['name']);
  if (name) return name;
  const parts = [text(claims['given_name']), text(claims['family_name'])].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}
