import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SignInOptions } from '@fremdrift/contracts';
import { catchError, shareReplay, throwError, type Observable } from 'rxjs';

export const SIGN_IN_OPTIONS_ENDPOINT = '/api/auth/sign-in-options';

/**
 * How staff sign in here (`GET /api/auth/sign-in-options`, public): the identity provider's button,
 * whether everyone may use a password, and whom to contact about access. Read once per visit; a
 * failed read is tried again by the next caller.
 */
@Injectable({ providedIn: 'root' })
export class SignInOptionsApi {
  private readonly http = inject(HttpClient);
  private cached: Observable<SignInOptions> | null = null;

  get(): Observable<SignInOptions> {
    this.cached ??= this.http.get<SignInOptions>(SIGN_IN_OPTIONS_ENDPOINT).pipe(
      catchError((error: unknown) => {
        this.cached = null;
        return throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cached;
  }
}

/**
 * The address that starts a sign-in at the identity provider (a full-page navigation, since the
 * provider's pages are not the app's), carrying the page to come back to.
 */
export function singleSignOnStartUrl(startUrl: string, returnTo: string): string {
  return `${startUrl}${startUrl.includes('?') ? '&' : '?'}returnTo=${encodeURIComponent(returnTo)}`;
}
