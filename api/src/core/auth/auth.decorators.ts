import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@fremdrift/access';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_ROUTE = 'fremdrift:public';
export const ACCESS_RULE = 'fremdrift:access-rule';

/** Reachable without a session: the public pages, login, health. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only for users the rule admits (a function from @fremdrift/access); others get 403. */
export const RequireAccess = (rule: (principal: Principal) => boolean) => SetMetadata(ACCESS_RULE, rule);

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

/** The signed-in user of the request; only on routes behind the auth guard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a route without a session');
  return user;
});
