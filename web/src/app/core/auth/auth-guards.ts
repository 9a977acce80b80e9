import { inject } from '@angular/core';
import { Router, type CanActivateChildFn, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Principal } from '@fremdrift/access';
import { Auth } from './auth';
import { LOGIN_PATH, safeReturnUrl } from './return-url';

/** Signed-in users pass; anyone else goes to the login page, which brings them back afterwards. */
export const authGuard: CanActivateFn & CanActivateChildFn = async (_route, state) => {
  const auth = inject(Auth);
  const router = inject(Router);
  await auth.ensureChecked();
  return auth.user() ? true : router.createUrlTree([LOGIN_PATH], { queryParams: { returnUrl: state.url } });
};

/** The login page is for signed-out users; a signed-in user goes on to where they were heading. */
export const guestGuard: CanActivateFn = async (route) => {
  const auth = inject(Auth);
  const router = inject(Router);
  await auth.ensureChecked();
  return auth.user() ? router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'))) : true;
};

/**
 * Matches a route only for users the access rule allows. Used with `canMatch` and a fallback
 * route with the same path, so that others see a "no access" page at the same address and the
 * page's code is never even loaded for them.
 */
export function requireAccess(rule: (principal: Principal) => boolean): CanMatchFn {
  return async () => {
    const auth = inject(Auth);
    await auth.ensureChecked();
    return auth.allows(rule);
  };
}
