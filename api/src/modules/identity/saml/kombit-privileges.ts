import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml';
import type { RoleClaim } from '../single-sign-on';

/** The constraints whose values are organisation units: KOMBIT's own and OS2rollekatalog's. */
export const ORGANISATION_UNIT_CONSTRAINTS = ['http://sts.kombit.dk/constraints/orgenhed/1', 'http://digital-identity.dk/constraints/orgunit/1'];

/** The privilege list is not what the OIO Basic Privilege Profile describes. */
export class PrivilegeListError extends Error {}

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;
const element = (name: string) => `*[local-name()='${name}']`;

/**
 * The job-function roles in one value of KOMBIT's privilege attribute (`dk:gov:saml:attribute:Privileges_intermediate`):
 * a base64-encoded `PrivilegeList` (OIO Basic Privilege Profile) of `PrivilegeGroup`s, each with its
 * `Privilege`s and the `Constraint`s that limit them. A privilege constrained to organisation units
 * gives one claim per unit (a constraint may list several, separated by commas); one without gives a
 * claim without a unit. Other constraints (KLE, sensitivity) do not narrow Fremdrift's roles.
 */
export async function parsePrivilegeList(value: string): Promise<RoleClaim[]> {
  if (!BASE64.test(value)) throw new PrivilegeListError('The privilege attribute is not base64');
  const xml = Buffer.from(value, 'base64').toString('utf8');
  let document: Awaited<ReturnType<typeof parseDomFromString>>;
  try {
    document = await parseDomFromString(xml);
  } catch (error) {
    throw new PrivilegeListError(`The privilege list is not well-formed XML: ${(error as Error).message}`);
  }
  if (document.documentElement?.localName !== 'PrivilegeList') throw new PrivilegeListError('The privilege attribute holds no PrivilegeList');

  const claims: RoleClaim[] = [];
  for (const group of xpath.selectElements(document.documentElement, `./${element('PrivilegeGroup')}`)) {
    const privileges = xpath
      .selectElements(group, `./${element('Privilege')}`)
      .map((privilege) => (privilege.textContent ?? '').trim())
      .filter((privilege) => privilege !== '');
    const units = xpath
      .selectElements(group, `./${element('Constraint')}`)
      .filter((constraint) => ORGANISATION_UNIT_CONSTRAINTS.includes((constraint.getAttribute('Name') ?? '').trim()))
      .flatMap((constraint) => (constraint.textContent ?? '').split(','))
      .map((unit) => unit.trim())
      .filter((unit) => unit !== '');
    for (const privilege of privileges) {
      if (units.length === 0) claims.push({ value: privilege, unit: null });
      for (const unit of units) claims.push({ value: privilege, unit });
    }
  }
  return dedupe(claims);
}

export function dedupe(claims: RoleClaim[]): RoleClaim[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = `${claim.value}\u0000${claim.unit ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
