import { DOCUMENT, inject, Injectable } from '@angular/core';
import { XSRF_COOKIE } from '@fremdrift/contracts';

/**
 * Whether this browser may hold a session, read from the CSRF token cookie: the API sets it at
 * sign-in together with the httpOnly session cookie and clears both at sign-out. Without it there
 * is nothing to ask `GET /api/auth/me` about, and an anonymous visitor is spared a 401.
 */
@Injectable({ providedIn: 'root' })
export class SessionHint {
  private readonly document = inject(DOCUMENT);

  present(): boolean {
    return this.document.cookie.split(';').some((part) => {
      const [name, ...value] = part.trim().split('=');
      return name === XSRF_COOKIE && value.join('=') !== '';
    });
  }

  /** After the server said the session is gone: stop asking about it on the next visit. */
  forget(): void {
    this.document.cookie = `${XSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }
}
