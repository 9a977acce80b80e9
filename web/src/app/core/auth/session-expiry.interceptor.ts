import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Auth, AUTH_ENDPOINTS } from './auth';
import { LOGIN_PATH } from './return-url';

/** These answer 401 as part of their normal job, not because a session ran out. */
const SESSION_ENDPOINTS: readonly string[] = [AUTH_ENDPOINTS.login, AUTH_ENDPOINTS.me, AUTH_ENDPOINTS.logout];

/**
 * A 401 from any other API call means the session is gone (expired, signed out elsewhere, or the
 * account deactivated): forget the user and send them to the login page, which brings them back.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(Auth);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const path = request.url.split('?', 1)[0];
      if (error instanceof HttpErrorResponse && error.status === 401 && path.startsWith('/api/') && !SESSION_ENDPOINTS.includes(path)) {
        auth.expire();
        // Mid-navigation, the user was heading for the new page rather than the one still shown.
        const heading = router.currentNavigation()?.finalUrl;
        const returnUrl = heading ? router.serializeUrl(heading) : router.url;
        if (returnUrl.split(/[?#]/, 1)[0] !== LOGIN_PATH) {
          void router.navigate([LOGIN_PATH], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};
