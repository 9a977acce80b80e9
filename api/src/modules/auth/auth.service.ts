import { Inject, Injectable } from '@nestjs/common';
import type { SessionUser } from '@fremdrift/contracts';
import { actorOf, toSessionUser, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { SessionsRepository, type NewSession } from '../../core/auth/sessions.repository';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { invalidField, UnauthorizedProblemException } from '../../core/http/problem';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';

export interface SignedIn {
  user: SessionUser;
  session: NewSession;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) readonly config: AppConfig,
  ) {}

  /** The same answer for an unknown e-mail, a wrong password and a deactivated account. */
  async login(email: string, password: string, ip: string): Promise<SignedIn> {
    const credentials = await this.users.findCredentials(email);
    const succeeded = await this.throttle.attempt(email, ip, async () => {
      const passwordMatches = await this.hasher.verify(credentials?.passwordHash ?? null, password);
      return passwordMatches && credentials !== null && credentials.active;
    });
    if (!succeeded || !credentials) throw new UnauthorizedProblemException('Wrong e-mail or password.');

    const session = await this.sessions.create(credentials.id);
    await this.users.recordLogin(credentials.id);
    const user = await this.sessions.findUser(session.token);
    if (!user) throw new UnauthorizedProblemException('Wrong e-mail or password.');
    void this.sessions.deleteExpired().catch(() => undefined);
    return { user: toSessionUser(user), session };
  }

  logout(user: AuthenticatedUser): Promise<void> {
    return this.sessions.delete(user.sessionId);
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
