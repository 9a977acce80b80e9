import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Principal } from '@fremdrift/access';
import type { ChangePasswordRequest, LoginRequest, LogoutResult, SessionUser } from '@fremdrift/contracts';
import { firstValueFrom } from 'rxjs';
import { SessionHint } from './session-hint';

export const AUTH_ENDPOINTS = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  password: '/api/auth/password',
} as const;

/**
 * The session as the app knows it: who is signed in, and whether the server has been asked yet.
 * The session itself lives in an httpOnly cookie; this store only mirrors what the API says.
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly sessionHint = inject(SessionHint);

  private readonly currentUser = signal<SessionUser | null>(null);
  private readonly sessionChecked = signal(false);
  private readonly expired = signal(false);
  private pendingCheck: Promise<SessionUser | null> | null = null;

  /** The signed-in user, or null. */
  readonly user = this.currentUser.asReadonly();
  /** False until the first answer from `GET /api/auth/me`. */
  readonly checked = this.sessionChecked.asReadonly();
  /** The server ended the session while the user was working; the login page says so. */
  readonly sessionExpired = this.expired.asReadonly();

  /** The signed-in user as the access rules see them. */
  readonly principal = computed<Principal | null>(() => {
    const user = this.currentUser();
    return user ? { role: user.role, departmentIds: user.departments.map((d) => d.id) } : null;
  });

  /** Whether the signed-in user passes an access rule; reactive when read in a template or computed. */
  allows(rule: (principal: Principal) => boolean): boolean {
    const principal = this.principal();
    return principal !== null && rule(principal);
  }

  /**
   * Asks the server who is signed in, when this browser may hold a session at all; a visitor who
   * never signed in is nobody without a request. A failure other than 401 keeps what the app
   * already knew.
   */
  refresh(): Promise<SessionUser | null> {
    if (!this.sessionHint.present() && this.pendingCheck === null) {
      this.currentUser.set(null);
      this.sessionChecked.set(true);
      return Promise.resolve(null);
    }
    this.pendingCheck ??= firstValueFrom(this.http.get<SessionUser>(AUTH_ENDPOINTS.me))
      .then(
        (user) => {
          this.currentUser.set(user);
          return user;
        },
        (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) {
            this.currentUser.set(null);
            this.sessionHint.forget();
          }
          return this.currentUser();
        },
      )
      .finally(() => {
        this.sessionChecked.set(true);
        this.pendingCheck = null;
      });
    return this.pendingCheck;
  }

  /** Resolves once the session has been checked at least once (guards wait for this). */
  async ensureChecked(): Promise<void> {
    if (!this.sessionChecked()) await this.refresh();
  }

  /** Signs in; rejects with the HttpErrorResponse so that the form can explain it. */
  async login(credentials: LoginRequest): Promise<SessionUser> {
    const user = await firstValueFrom(this.http.post<SessionUser>(AUTH_ENDPOINTS.login, credentials));
    this.currentUser.set(user);
    this.sessionChecked.set(true);
    this.expired.set(false);
    return user;
  }

  /**
   * Signs out on the server; a 401 means the session was already gone, which is just as good. The
   * answer says where the browser goes next to end the identity provider's session too.
   */
  async logout(): Promise<LogoutResult> {
    let result: LogoutResult | null = null;
    try {
      result = await firstValueFrom(this.http.post<LogoutResult | null>(AUTH_ENDPOINTS.logout, null));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) throw error;
    }
    this.currentUser.set(null);
    this.expired.set(false);
    this.sessionHint.forget();
    return { endSessionUrl: result?.endSessionUrl ?? null };
  }

  /** Changes the signed-in user's password; the server ends their other sessions. */
  async changePassword(change: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.post<void>(AUTH_ENDPOINTS.password, change));
  }

  /** The server no longer knows the session (expired, or the account was deactivated). */
  expire(): void {
    if (this.currentUser() !== null) this.expired.set(true);
    this.currentUser.set(null);
    this.sessionChecked.set(true);
    this.sessionHint.forget();
  }
}
