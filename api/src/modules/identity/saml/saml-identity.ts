import type { Profile } from '@node-saml/node-saml';
import type { SamlConfig } from '../../../core/config/saml-config';
import type { ExternalIdentity, RoleClaim, SingleSignOnSession } from '../single-sign-on';
import { dedupe, parsePrivilegeList } from './kombit-privileges';

/** The longest subject, NameID and session index the database keeps (varchar(400)); a NameID format, varchar(200). */
const MAX_IDENTIFIER = 400;
const MAX_FORMAT = 200;

/** A validly signed assertion that Fremdrift still cannot use; the reason goes to the log, the user sees "failed". */
export class UnusableAssertionError extends Error {}

/** What a validated assertion says: who signed in, what the session must remember, and how long the assertion could be replayed. */
export interface AssertionFacts {
  identity: ExternalIdentity;
  session: SingleSignOnSession;
  assertionId: string;
  /** The latest NotOnOrAfter of the assertion's conditions and subject confirmation. */
  notOnOrAfter: Date;
}

type XmlJs = Record<string, unknown> & { $?: Record<string, string> };

export async function assertionFacts(profile: Profile, config: SamlConfig): Promise<AssertionFacts> {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
  const assertionId = assertion?.$?.['ID'];
  if (!assertion || !assertionId) throw new UnusableAssertionError('The assertion has no ID');
  if (assertionId.length > MAX_IDENTIFIER) throw new UnusableAssertionError('The assertion ID is too long');

  const limits = [
    ...children(assertion, 'Conditions'),
    ...children(assertion, 'Subject')
      .flatMap((subject) => children(subject, 'SubjectConfirmation'))
      .flatMap((confirmation) => children(confirmation, 'SubjectConfirmationData')),
  ]
    .map((node) => Date.parse(node.$?.['NotOnOrAfter'] ?? ''))
    .filter((time) => !Number.isNaN(time));
  // Without an end, an assertion could be replayed for ever: the Web SSO profile requires one.
  if (limits.length === 0) throw new UnusableAssertionError('The assertion has no NotOnOrAfter');

  const nameId = profile.nameID?.trim() || null;
  const nameIdFormat = profile.nameIDFormat?.trim() || null;
  const sessionIndex = profile.sessionIndex?.trim() || null;
  const attributes = (profile['attributes'] ?? {}) as Record<string, unknown>;
  const subject = config.attributes.subject ? texts(attributes[config.attributes.subject])[0] : nameId;
  if (!subject)
    throw new UnusableAssertionError(config.attributes.subject ? `The assertion has no ${config.attributes.subject} attribute` : 'The assertion has no NameID');
  for (const [what, value, max] of [
    ['subject', subject, MAX_IDENTIFIER],
    ['NameID', nameId, MAX_IDENTIFIER],
    ['SessionIndex', sessionIndex, MAX_IDENTIFIER],
    ['NameID format', nameIdFormat, MAX_FORMAT],
  ] as const) {
    if (value && value.length > max) throw new UnusableAssertionError(`The assertion's ${what} is longer than ${max} characters`);
  }

  return {
    identity: {
      provider: 'saml',
      subject,
      email: texts(attributes[config.attributes.email])[0] ?? null,
      displayName: texts(attributes[config.attributes.name])[0] ?? null,
      roles: await roleClaims(texts(attributes[config.attributes.roles]), config.rolesFormat),
    },
    session: { method: 'saml', samlNameId: nameId, samlNameIdFormat: nameIdFormat, samlSessionIndex: sessionIndex },
    assertionId,
    notOnOrAfter: new Date(Math.max(...limits)),
  };
}

async function roleClaims(values: string[], format: SamlConfig['rolesFormat']): Promise<RoleClaim[]> {
  if (format === 'plain') return dedupe(values.map((value) => ({ value, unit: null })));
  const lists = await Promise.all(values.map((value) => parsePrivilegeList(value)));
  return dedupe(lists.flat());
}

/** An attribute's values as trimmed, non-empty texts: node-saml gives one value as a string, several as an array. */
function texts(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function children(node: XmlJs, name: string): XmlJs[] {
  const value = node[name];
  return Array.isArray(value) ? (value.filter((child) => child && typeof child === 'object') as XmlJs[]) : [];
}
