/** The start page, which sends each role to its own first page. */
export const DEFAULT_AFTER_LOGIN = '/';
export const LOGIN_PATH = '/login';

/**
 * Where to go after signing in: only a path inside this app. Anything else (an absolute URL,
 * `//host`, backslashes that browsers read as slashes, the login page itself) gives the default,
 * so that a crafted link to the login page cannot send the user to another site.
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return DEFAULT_AFTER_LOGIN;
  if (!value.startsWith('/') || value.startsWith('//')) return DEFAULT_AFTER_LOGIN;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_LOGIN;
  const path = value.split(/[?#]/, 1)[0];
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) return DEFAULT_AFTER_LOGIN;
  return value;
}
