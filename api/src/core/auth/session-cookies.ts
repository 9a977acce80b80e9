import { SESSION_COOKIE, XSRF_COOKIE } from '@fremdrift/contracts';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';

export function requestCookies(request: FastifyRequest): Record<string, string | undefined> {
  return request.headers.cookie ? parseCookie(request.headers.cookie) : {};
}

function secure(config: AppConfig, request: FastifyRequest): boolean {
  return config.auth.secureCookies === 'auto' ? request.protocol === 'https' : config.auth.secureCookies;
}

function cookie(name: string, value: string, secureFlag: boolean, httpOnly: boolean, expires?: Date): string {
  return stringifySetCookie({ name, value, path: '/', sameSite: 'lax', secure: secureFlag, httpOnly, ...(expires ? { expires } : {}) });
}

/**
 * The session cookie is httpOnly; the CSRF token cookie is readable by the app's own script, which
 * echoes it in the X-XSRF-TOKEN header (Angular's HttpClient does so by default).
 */
export function setSessionCookies(reply: FastifyReply, request: FastifyRequest, config: AppConfig, token: string, csrfToken: string): void {
  const secureFlag = secure(config, request);
  void reply.header('set-cookie', [cookie(SESSION_COOKIE, token, secureFlag, true), cookie(XSRF_COOKIE, csrfToken, secureFlag, false)]);
}

export function setCsrfCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig, csrfToken: string): void {
  void reply.header('set-cookie', cookie(XSRF_COOKIE, csrfToken, secure(config, request), false));
}

export function clearSessionCookies(reply: FastifyReply): void {
  const past = new Date(0);
  void reply.header('set-cookie', [cookie(SESSION_COOKIE, '', false, true, past), cookie(XSRF_COOKIE, '', false, false, past)]);
}
