import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../core/auth/auth.decorators';
import { requestCookies, setSessionCookies } from '../../../core/auth/session-cookies';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.provider';
import { OidcService } from './oidc.service';

/** Ties a sign-in to the browser that began it (login CSRF); only the callback reads it. */
export const OIDC_STATE_COOKIE = 'fremdrift_oidc_state';
const CALLBACK_PATH = '/api/auth/oidc';
const STATE_COOKIE_SECONDS = 10 * 60;

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } };

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the web app to return to after signing in; anything else returns to `/`' })
  @ApiResponse({
    status: 303,
    headers: LOCATION,
    description:
      'To the OpenID provider (authorization code flow with PKCE); to `/ingen-adgang?reason=failed` while the provider cannot be reached; to `/login` when OpenID Connect is not configured',
  })
  async login(@Query('returnTo') returnTo: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { location, state } = await this.oidc.start(returnTo);
    if (state) void reply.header('set-cookie', this.stateCookie(request, state, STATE_COOKIE_SECONDS));
    await reply.code(303).header('location', location).send();
  }

  @Public()
  @Get('callback')
  @ApiQuery({ name: 'code', required: false, description: 'From the OpenID provider' })
  @ApiQuery({ name: 'state', required: false, description: 'From the OpenID provider' })
  @ApiResponse({
    status: 303,
    headers: LOCATION,
    description:
      'Signed in (sets the session cookie and the XSRF-TOKEN cookie): to the page the sign-in began from. Refused: to `/ingen-adgang?reason=…` (noMappedRole, deactivated, missingEmail, or failed for a response that does not check out)',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const queryAt = request.url.indexOf('?');
    const search = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
    const { location, session } = await this.oidc.finish(search, requestCookies(request)[OIDC_STATE_COOKIE] ?? null);
    void reply.header('set-cookie', this.stateCookie(request, '', 0));
    if (session) setSessionCookies(reply, request, this.config, session.token, session.csrfToken);
    await reply.code(303).header('location', location).send();
  }

  private stateCookie(request: FastifyRequest, value: string, maxAge: number): string {
    const secure = this.config.auth.secureCookies === 'auto' ? request.protocol === 'https' : this.config.auth.secureCookies;
    return stringifySetCookie({ name: OIDC_STATE_COOKIE, value, path: CALLBACK_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge });
  }
}
