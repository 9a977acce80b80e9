import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { canSendManualReminders } from '@fremdrift/access';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, RequireAccess } from '../../core/auth/auth.decorators';
import type { AuthenticatedUser } from '../../core/auth/authenticated-user';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { MailSettingsDto, ManualReminderResultDto, SentMailDto, UnsubscribeQueryDto, UpdateMailSettingsDto } from './dto/reminders.dto';
import { unsubscribeConfirmPage, unsubscribeDonePage } from './unsubscribe-pages';
import { RemindersService } from './reminders.service';

export const FORM_TYPE = 'application/x-www-form-urlencoded';

@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('reminders/initiatives/:id')
  @ApiOkResponse({ type: [SentMailDto], description: 'The reminders and escalations recorded for the initiative, newest first' })
  @ApiProblems(400, 401, 404)
  sentFor(@IdParam() id: string) {
    return this.reminders.sentFor(id);
  }

  @Post('reminders/initiatives/:id')
  @HttpCode(200)
  @RequireAccess(canSendManualReminders)
  @ApiOkResponse({ type: ManualReminderResultDto, description: 'Reminds every lead of the initiative’s department, at most once a day each' })
  @ApiProblems(400, 401, 403, 404, 409)
  sendManual(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string) {
    return this.reminders.sendManual(user, id);
  }

  @Get('account/mail-settings')
  @ApiOkResponse({ type: MailSettingsDto })
  @ApiProblems(401)
  mailSettings(@CurrentUser() user: AuthenticatedUser) {
    return this.reminders.mailSettings(user);
  }

  @Patch('account/mail-settings')
  @ApiOkResponse({ type: MailSettingsDto })
  @ApiProblems(400, 401, 403)
  updateMailSettings(@CurrentUser() user: AuthenticatedUser, @Body() input: UpdateMailSettingsDto) {
    return this.reminders.updateMailSettings(user, input);
  }

  /** The link in an e-mail opens a page that asks first: mail scanners that follow links must not unsubscribe anyone. */
  @Public()
  @Get('reminders/unsubscribe')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page that asks to confirm', schema: { type: 'string' } })
  @ApiProblems(400, 403)
  async confirmUnsubscribe(@Query() query: UnsubscribeQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.reminders.verifyUnsubscribe(query.user, query.scope, query.signature);
    reply.type('text/html; charset=utf-8');
    return unsubscribeConfirmPage(query.scope, await this.reminders.languageOf(query.user));
  }

  /** The confirmation (a form post without fields) and one-click unsubscribe (RFC 8058) from mail programs. */
  @Public()
  @Post('reminders/unsubscribe')
  @HttpCode(200)
  @RouteConfig({ bodyMediaTypes: ['application/json', FORM_TYPE] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page that says the user is unsubscribed', schema: { type: 'string' } })
  @ApiProblems(400, 403, 404)
  async unsubscribe(@Query() query: UnsubscribeQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.reminders.unsubscribe(query.user, query.scope, query.signature);
    reply.type('text/html; charset=utf-8');
    return unsubscribeDonePage(query.scope, await this.reminders.languageOf(query.user));
  }
}
