import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../core/auth/auth.decorators';
import { clearSessionCookies, setSessionCookies } from '../../../core/auth/session-cookies';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.provider';
import { ApiProblems } from '../../../core/http/api-responses';
import { invalidField, ProblemException, problem } from '../../../core/http/problem';
import { SamlMessageError, SamlService } from './saml.service';

export const SAML_METADATA_TYPE = 'application/samlmetadata+xml';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } };

type SamlMessage = { SAMLRequest?: string; SAMLResponse?: string; RelayState?: string; SigAlg?: string; Signature?: string };
const MESSAGE_FIELDS = ['SAMLRequest', 'SAMLResponse', 'RelayState', 'SigAlg', 'Signature'] as const;

const samlPostBody = (fields: ('SAMLResponse' | 'SAMLRequest')[], description: string) =>
  ApiBody({
    description,
    schema: {
      type: 'object',
      properties: {
        ...Object.fromEntries(fields.map((field) => [field, { type: 'string', description: 'Base64-encoded SAML message' }])),
        RelayState: { type: 'string' },
      },
      ...(fields.length === 1 ? { required: fields } : {}),
    },
  });

@ApiTags('auth')
@Controller('auth/saml')
export class SamlController {
  constructor(
    private readonly saml: SamlService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('metadata')
  @ApiProduces(SAML_METADATA_TYPE)
  @ApiOkResponse({ description: 'The service provider metadata to register at the identity provider', schema: { type: 'string' } })
  @ApiProblems(404)
  async metadata(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const xml = await this.saml.metadata();
    if (xml === null) throw new ProblemException(problem(404, 'SAML sign-in is not configured.'));
    void reply.type(`${SAML_METADATA_TYPE}; charset=utf-8`);
    return xml;
  }

  @Public()
  @Get('login')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path of the web app to return to after signing in; anything else returns to `/`' })
  @ApiResponse({
    status: 303,
    headers: LOCATION,
    description: 'To the identity provider with an AuthnRequest (HTTP-Redirect binding); to `/login` when SAML is not configured',
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    await reply
      .code(303)
      .header('location', await this.saml.start(returnTo))
      .send();
  }

  @Public()
  @Post('acs')
  @RouteConfig({ bodyMediaTypes: [FORM_TYPE] })
  @ApiConsumes(FORM_TYPE)
  @samlPostBody(['SAMLResponse'], 'The identity provider’s Response (HTTP-POST binding) and the RelayState it was given')
  @ApiResponse({
    status: 303,
    headers: LOCATION,
    description:
      'Signed in (sets the session cookie and the XSRF-TOKEN cookie): to the RelayState’s path of the web app, or `/`. Refused: to `/ingen-adgang?reason=…` (noMappedRole, deactivated, missingEmail, or failed for a response that does not check out)',
  })
  @ApiProblems(400)
  async acs(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const message = samlMessage(body);
    if (!message.SAMLResponse) throw invalidField('SAMLResponse', 'isString', 'SAMLResponse must be the base64-encoded SAML Response');
    const { location, session } = await this.saml.finish(message.SAMLResponse, message.RelayState);
    if (session) setSessionCookies(reply, request, this.config, session.token, session.csrfToken);
    await reply.code(303).header('location', location).send();
  }

  @Public()
  @Get('logout')
  @ApiQuery({ name: 'SAMLRequest', required: false, description: 'A LogoutRequest from the identity provider (HTTP-Redirect binding, signed)' })
  @ApiQuery({ name: 'SAMLResponse', required: false, description: 'The identity provider’s LogoutResponse to our LogoutRequest' })
  @ApiQuery({ name: 'RelayState', required: false })
  @ApiQuery({ name: 'SigAlg', required: false })
  @ApiQuery({ name: 'Signature', required: false })
  @ApiResponse({
    status: 303,
    headers: LOCATION,
    description:
      'A LogoutRequest ends the sessions of its NameID (and clears the cookies), then goes back to the identity provider with a LogoutResponse; a LogoutResponse goes to `/login`',
  })
  @ApiProblems(400)
  async logoutRedirect(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const queryAt = request.url.indexOf('?');
    await this.logout(samlMessage(request.query), queryAt === -1 ? '' : request.url.slice(queryAt + 1), reply);
  }

  @Public()
  @Post('logout')
  @RouteConfig({ bodyMediaTypes: [FORM_TYPE] })
  @ApiConsumes(FORM_TYPE)
  @samlPostBody(['SAMLRequest', 'SAMLResponse'], 'A signed LogoutRequest, or a LogoutResponse, from the identity provider (HTTP-POST binding)')
  @ApiResponse({ status: 303, headers: LOCATION, description: 'As for the HTTP-Redirect binding' })
  @ApiProblems(400)
  async logoutPost(@Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.logout(samlMessage(body), null, reply);
  }

  private async logout(message: SamlMessage, rawQuery: string | null, reply: FastifyReply): Promise<void> {
    if (!message.SAMLRequest === !message.SAMLResponse) {
      throw invalidField('SAMLRequest', 'isString', 'Send either SAMLRequest or SAMLResponse, the base64-encoded SAML message');
    }
    let location: string;
    try {
      location = await this.saml.logout(message, rawQuery);
    } catch (error) {
      if (error instanceof SamlMessageError) throw new ProblemException(problem(400, error.message));
      throw error;
    }
    clearSessionCookies(reply);
    await reply.code(303).header('location', location).send();
  }
}

/** The SAML fields of a form body or query; a field sent twice or not as text is a malformed message. */
function samlMessage(source: unknown): SamlMessage {
  const fields = source !== null && typeof source === 'object' ? (source as Record<string, unknown>) : {};
  const message: SamlMessage = {};
  for (const name of MESSAGE_FIELDS) {
    const value = fields[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw invalidField(name, 'isString', `${name} must be sent once, as text`);
    message[name] = value;
  }
  return message;
}
