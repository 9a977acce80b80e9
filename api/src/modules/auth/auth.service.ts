import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LogoutResult, SessionUser, SignInOptions } from '@fremdrift/contracts';
import { actorOf, toSessionUser, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { SessionsRepository, type NewSession } from '../../core/auth/sessions.repository';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { invalidField, UnauthorizedProblemException } from '../../core/http/problem';
import { SingleSignOnRegistry } from '../identity/single-sign-on.registry';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';

export interface SignedIn {
  user: SessionUser;
  session: NewSession;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tx: TransactionRunner,
    private readonly registry: SingleSignOnRegistry,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {}

  /**
   * The same answer for an unknown e-mail, a wrong password, a deactivated account, an account
   * without a password (created through the identity provider) and, with local accounts switched
   * off, an account that is not one of the break-glass accounts: the answer tells nothing about
   * which accounts exist or may sign in.
   */
  async login(email: string, password: string, ip: string): Promise<SignedIn> {
    const credentials = await this.users.findCredentials(email);
    const succeeded = await this.throttle.attempt(email, ip, async () => {
      const passwordMatches = await this.hasher.verify(credentials?.passwordHash ?? null, password);
      return passwordMatches && credentials !== null && credentials.active && this.mayUsePassword(email);
    });
    if (!succeeded || !credentials) throw new UnauthorizedProblemException('Wrong e-mail or password.');

    const session = await this.sessions.create(credentials.id);
    await this.users.recordLogin(credentials.id);
    const user = await this.sessions.findUser(session.token);
    if (!user) throw new UnauthorizedProblemException('Wrong e-mail or password.');
    void this.sessions.deleteExpired().catch(() => undefined);
    return { user: toSessionUser(user), session };
  }

  /** Whether the account may sign in with a password at all (see IdentityConfig.localAccounts). */
  mayUsePassword(email: string): boolean {
    const { localAccounts, breakGlassAccounts } = this.config.identity;
    return localAccounts === 'all' || breakGlassAccounts.includes(email.trim().toLowerCase());
  }

  /** What the sign-in page offers: the identity provider's button when one is registered, and who may use a password. */
  signInOptions(): SignInOptions {
    const provider = this.registry.current();
    const { label, localAccounts, accessContact } = this.config.identity;
    return {
      singleSignOn: provider ? { kind: provider.kind, label, startUrl: provider.startUrl } : null,
      localAccounts,
      accessContact,
    };
  }

  /**
   * Ends the session. For a session signed in through the identity provider, the answer says where
   * the browser goes to end the provider's session too; without that step the provider would sign
   * the user straight back in.
   */
  async logout(user: AuthenticatedUser): Promise<LogoutResult> {
    const sso = await this.sessions.singleSignOnOf(user.sessionId);
    await this.sessions.delete(user.sessionId);
    const provider = this.registry.current();
    if (!sso || !provider || provider.kind !== sso.method) return { endSessionUrl: null };
    try {
      return { endSessionUrl: await provider.endSessionUrl(sso) };
    } catch (error) {
      // Fremdrift's own session is ended either way; the provider's stays if it cannot be reached.
      this.logger.warn(`The identity provider's end-session URL could not be made: ${(error as Error).message}`);
      return { endSessionUrl: null };
    }
  }

  /** Sets a new password and ends the user's other sessions; this one stays signed in. */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const hash = await this.users.passwordHashOf(user.id);
    // Counted like sign-ins, so that a borrowed session cannot be used to guess the password.
    if (!(await this.throttle.attempt(user.email, ip, () => this.hasher.verify(hash, currentPassword)))) {
      throw invalidField('currentPassword', 'wrongPassword', 'currentPassword is not your current password');
    }
    if (currentPassword === newPassword) throw invalidField('newPassword', 'samePassword', 'newPassword must differ from the current password');
    const newHash = await this.hasher.hash(newPassword);
    await this.tx.run(actorOf(user), async () => {
      await this.users.setPassword(user.id, newHash);
      await this.sessions.deleteAllFor(user.id, user.sessionId);
    });
  }
}
