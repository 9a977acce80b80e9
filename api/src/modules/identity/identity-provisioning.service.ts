import { Injectable, Logger } from '@nestjs/common';
import { mapIdentityRoles } from '@fremdrift/access';
import { LIMITS, type SessionUser, type SingleSignOnKind } from '@fremdrift/contracts';
import { toSessionUser } from '../../core/auth/authenticated-user';
import { SessionsRepository } from '../../core/auth/sessions.repository';
import { TransactionRunner, type Actor } from '../../core/database/transaction-runner';
import { UsersRepository, type ExternalProfile } from '../users/users.repository';
import { IdentityRoleMappingsRepository } from './identity-role-mappings.repository';
import { SignInRefusedError, type ExternalIdentity, type SingleSignOnSession } from './single-sign-on';

export interface SingleSignOnResult {
  user: SessionUser;
  token: string;
  csrfToken: string;
}

const PROTOCOL_NAMES: Record<SingleSignOnKind, string> = { oidc: 'OpenID Connect', saml: 'SAML' };

/** Who signs users in through the identity provider, in the audit trail. */
export const signInActor = (provider: SingleSignOnKind): Actor => ({ id: null, name: `Log ind via ${PROTOCOL_NAMES[provider]}` });

const SUBJECT_MAX_LENGTH = 400;

/** Loose on purpose: the identity provider vouches for the address; this only keeps out what cannot be one. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Turns a person the identity provider vouched for into a Fremdrift user with a session. Who they
 * are (e-mail, name) and what they may do (role, departments, through the admins' mappings) come
 * from the provider at every sign-in, so a changed group takes effect at the next one.
 */
@Injectable()
export class IdentityProvisioningService {
  private readonly logger = new Logger(IdentityProvisioningService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly mappings: IdentityRoleMappingsRepository,
    private readonly sessions: SessionsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Finds the user by the provider's subject, else by e-mail (and links the two), else creates
   * them without a password; writes their e-mail, name, role and departments; starts a session.
   * Throws SignInRefusedError for a deactivated user, one without a mapped role, or no usable e-mail.
   */
  async signIn(identity: ExternalIdentity, session: SingleSignOnSession): Promise<SingleSignOnResult> {
    // The column's width: a provider that sends a longer identifier sends nothing Fremdrift can recognise the person by again.
    if (identity.subject.trim() === '' || identity.subject.length > SUBJECT_MAX_LENGTH) throw new SignInRefusedError('failed');
    const email = identity.email?.trim().toLowerCase() ?? '';
    if (!EMAIL.test(email) || email.length > LIMITS.email.max) throw new SignInRefusedError('missingEmail');

    return this.tx.run(signInActor(identity.provider), async () => {
      // One user change at a time, as in the admins' user changes: two first sign-ins of one person create one user.
      await this.users.lockUserChanges();
      const account = (await this.users.findByExternalSubject(identity.provider, identity.subject)) ?? (await this.users.findByEmail(email));
      if (account && !account.active) throw new SignInRefusedError('deactivated');

      const access = mapIdentityRoles(identity.roles, await this.mappings.findRules());
      if (!access) throw new SignInRefusedError('noMappedRole');

      const profile: ExternalProfile = {
        email,
        displayName: displayNameOf(identity.displayName, account?.displayName ?? null, email),
        role: access.role,
        identityProvider: identity.provider,
        externalSubject: identity.subject,
      };
      let userId: string;
      if (account) {
        if (email !== account.email && (await this.users.emailTakenByOther(email, account.id))) {
          // Another user holds the new address: keep the old one rather than refuse someone the provider vouched for.
          this.logger.warn(`Sign-in of user ${account.id}: the provider's e-mail belongs to another user; the stored e-mail is kept`);
          profile.email = account.email;
        }
        await this.users.updateFromProfile(account, profile, access.departmentIds);
        userId = account.id;
      } else {
        userId = await this.users.createExternal(profile, access.departmentIds);
      }

      await this.users.recordLogin(userId);
      const created = await this.sessions.create(userId, session);
      const user = await this.sessions.findUser(created.token);
      if (!user) throw new SignInRefusedError('failed');
      return { user: toSessionUser(user), token: created.token, csrfToken: created.csrfToken };
    });
  }
}

/** The provider's name for the person, else the name Fremdrift has, else the e-mail's local part; within the display name's limits. */
function displayNameOf(asserted: string | null, stored: string | null, email: string): string {
  const candidates = [asserted?.replace(/\s+/g, ' ').trim(), stored, email.split('@')[0], email];
  const name = candidates.find((candidate): candidate is string => !!candidate && candidate.length >= LIMITS.displayName.min) ?? email;
  return [...name].slice(0, LIMITS.displayName.max).join('');
}
