import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Public } from '../../core/auth/auth.decorators';
import { toSessionUser, type AuthenticatedUser } from '../../core/auth/authenticated-user';
import { clearSessionCookies, setCsrfCookie, setSessionCookies } from '../../core/auth/session-cookies';
import { ApiProblems } from '../../core/http/api-responses';
import { ChangePasswordDto, LoginDto, LogoutResultDto, SessionUserDto, SignInOptionsDto } from './dto/auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionUserDto, description: 'Signed in: sets the session cookie and the XSRF-TOKEN cookie' })
  @ApiProblems(400, 401, 429)
  async login(@Body() input: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, session } = await this.auth.login(input.email, input.password, request.ip);
    setSessionCookies(reply, request, this.auth.config, session.token, session.csrfToken);
    return user;
  }

  @Public()
  @Get('sign-in-options')
  @ApiOkResponse({ type: SignInOptionsDto, description: 'What the sign-in page offers: the identity provider first when one is configured' })
  signInOptions(): SignInOptionsDto {
    return this.auth.signInOptions();
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOkResponse({
    type: LogoutResultDto,
    description: 'The session is ended and its cookies cleared; for a session from the identity provider, where to end that one too',
  })
  @ApiProblems(401, 403)
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<LogoutResultDto> {
    const result = await this.auth.logout(user);
    clearSessionCookies(reply);
    return result;
  }

  @Get('me')
  @ApiOkResponse({ type: SessionUserDto, description: 'The signed-in user; renews the XSRF-TOKEN cookie' })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthenticatedUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    setCsrfCookie(reply, request, this.auth.config, user.csrfToken);
    return toSessionUser(user);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; the user’s other sessions are ended' })
  @ApiProblems(400, 401, 403, 429)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() input: ChangePasswordDto, @Req() request: FastifyRequest) {
    return this.auth.changePassword(user, input.currentPassword, input.newPassword, request.ip);
  }
}
