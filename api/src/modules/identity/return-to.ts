import type { SignInRefusal } from '@fremdrift/contracts';

/** The web's sign-in page: where the browser goes when a protocol is not configured here, and after single logout. */
export const SIGN_IN_PAGE = '/login';

/** The web's page that says why a sign-in through the identity provider was refused. */
export const refusalUrl = (reason: SignInRefusal) => `/ingen-adgang?reason=${reason}`;

const MAX_LENGTH = 400;

/**
 * Where the browser may be sent after signing in: a path of the web app on this site. Anything
 * else (another site, `//host`, `/\host`, an API path, control characters, more than the store holds) becomes `/`.
 */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, 'http://fremdrift.invalid');
  } catch {
    return '/';
  }
  if (url.host !== 'fremdrift.invalid') return '/';
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length > MAX_LENGTH ? '/' : path;
}
