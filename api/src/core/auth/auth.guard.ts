import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@fremdrift/access';
import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { ForbiddenProblemException, UnauthorizedProblemException } from '../http/problem';
import { ACCESS_RULE, PUBLIC_ROUTE, type RequestWithUser } from './auth.decorators';
import { requestCookies } from './session-cookies';
import { SessionsRepository } from './sessions.repository';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Every route needs a live session unless marked @Public(). Writes also need the CSRF token of
 * that session in the X-XSRF-TOKEN header, and a route marked @RequireAccess(rule) needs a user the
 * rule admits. Rules that depend on the record (its departments) are the services' to check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token = requestCookies(request)[SESSION_COOKIE];
    const found = token ? await this.sessions.findUser(token) : null;
    if (!found) throw new UnauthorizedProblemException(token ? 'Your session has ended. Sign in again.' : 'Sign in to continue.');
    const { idleSeconds, ...user } = found;

    if (!SAFE_METHODS.has(request.method)) {
      const echoed = request.headers[XSRF_HEADER.toLowerCase()];
      if (typeof echoed !== 'string' || !sameToken(echoed, user.csrfToken)) {
        throw new ForbiddenProblemException(`The ${XSRF_HEADER} header is missing or does not match this session's token.`);
      }
    }

    const rule = this.reflector.getAllAndOverride<((principal: Principal) => boolean) | undefined>(ACCESS_RULE, targets);
    if (rule && !rule(user)) throw new ForbiddenProblemException();

    request.user = user;
    await this.sessions.touch(user.sessionId, idleSeconds);
    return true;
  }
}
