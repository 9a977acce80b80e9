import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { ResourceNotFoundException } from '../../core/http/problem';
import { FORM_TYPE } from '../reminders/reminders.controller';
import { FollowAcceptedDto, FollowRequestDto, FollowTokenQueryDto } from './dto/follow.dto';
import { confirmedPage, confirmPage, invalidConfirmationPage, unsubscribePage, unsubscribedPage } from './follow-pages';
import { FollowService } from './follow.service';

const HTML = 'text/html; charset=utf-8';
const ACCEPTED: FollowAcceptedDto = { detail: 'If the address can receive mail, a confirmation link is on its way.' };

/** Following a published initiative or an action plan by e-mail, without an account. */
@ApiTags('public')
@Public()
@Controller('public/follow')
export class FollowController {
  constructor(private readonly follow: FollowService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: FollowAcceptedDto, description: 'A confirmation link is mailed, unless the address follows already; the answer is the same' })
  @ApiProblems(400, 404, 429)
  async request(@Body() input: FollowRequestDto, @Req() request: FastifyRequest): Promise<FollowAcceptedDto> {
    await this.follow.request(input, request.ip);
    return ACCEPTED;
  }

  /** The link in the confirmation mail opens a page that shows what is agreed to and asks: mail scanners must not confirm. */
  @Get('confirm')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with the consent text that asks to confirm', schema: { type: 'string' } })
  @ApiProblems(400, 404)
  async confirmPage(@Query() query: FollowTokenQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.type(HTML);
    const pending = await this.follow.pendingConfirmation(query.token);
    if (!pending) return this.invalid(request, reply);
    return confirmPage(pending.subscription.target, pending.consent, pending.subscription.language);
  }

  @Post('confirm')
  @HttpCode(200)
  @RouteConfig({ bodyMediaTypes: ['application/json', FORM_TYPE] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page saying the address now follows; consent is recorded with its time and text', schema: { type: 'string' } })
  @ApiProblems(400, 404)
  async confirm(@Query() query: FollowTokenQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.type(HTML);
    const subscription = await this.follow.confirm(query.token);
    if (!subscription) return this.invalid(request, reply);
    return confirmedPage(subscription.target, this.follow.publicUrl, subscription.language);
  }

  /** The link in every mail: a page that asks first. */
  @Get('unsubscribe')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page that asks to confirm', schema: { type: 'string' } })
  @ApiProblems(400, 403)
  async unsubscribePage(@Query() query: FollowTokenQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { target, language } = await this.follow.unsubscribeTarget(query.token);
    reply.type(HTML);
    return unsubscribePage(target, language);
  }

  /** The confirmation (a form post without fields) and one-click unsubscribe (RFC 8058) from mail programs. */
  @Post('unsubscribe')
  @HttpCode(200)
  @RouteConfig({ bodyMediaTypes: ['application/json', FORM_TYPE] })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page saying the address and the consent are deleted', schema: { type: 'string' } })
  @ApiProblems(400, 403)
  async unsubscribe(@Query() query: FollowTokenQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const language = await this.follow.unsubscribe(query.token);
    reply.type(HTML);
    return unsubscribedPage(this.follow.publicUrl, language);
  }

  /**
   * 404 for a link that is spent, expired or unknown: a page that says so to a browser (which
   * accepts HTML), a problem document to anything else.
   */
  private invalid(request: FastifyRequest, reply: FastifyReply): string {
    if (!String(request.headers.accept ?? '').includes('text/html')) throw new ResourceNotFoundException('Follow request', 'for this link');
    reply.status(404);
    return invalidConfirmationPage(this.follow.publicUrl);
  }
}
