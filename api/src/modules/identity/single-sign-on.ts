import type { SignInRefusal, SingleSignOnKind } from '@fremdrift/contracts';

/** A group or job-function role the identity provider asserted, with the organisation unit it is constrained to. */
export interface RoleClaim {
  value: string;
  unit: string | null;
}

/** Who the identity provider says signed in, in the terms Fremdrift maps to a user. */
export interface ExternalIdentity {
  provider: SingleSignOnKind;
  /** The provider's stable identifier of the person (OIDC `sub`, SAML NameID or a configured attribute). */
  subject: string;
  email: string | null;
  displayName: string | null;
  roles: RoleClaim[];
}

/** What the session must remember to end the identity provider's session at sign-out. */
export interface SingleSignOnSession {
  method: SingleSignOnKind;
  oidcIdToken?: string | null;
  samlNameId?: string | null;
  samlNameIdFormat?: string | null;
  samlSessionIndex?: string | null;
}

/** A sign-in the identity provider vouched for but Fremdrift refuses; the browser is sent to a page that says why. */
export class SignInRefusedError extends Error {
  constructor(readonly reason: SignInRefusal) {
    super(`Sign-in refused: ${reason}`);
  }
}

/** One configured identity provider (OpenID Connect or SAML), as the sign-in page and sign-out see it. */
export interface SingleSignOnProvider {
  readonly kind: SingleSignOnKind;
  /** Where the browser starts a sign-in (an API path that redirects to the provider). */
  readonly startUrl: string;
  /** Where the browser goes to end the provider's session too; null when the provider offers no logout. */
  endSessionUrl(session: SingleSignOnSession): Promise<string | null>;
}
