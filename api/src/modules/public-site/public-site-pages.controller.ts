import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Page, PublicActionPlan, PublicInitiative } from '@fremdrift/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { InvalidFieldsException, ResourceNotFoundException, TooManyRequestsException } from '../../core/http/problem';
import { createValidationPipe } from '../../core/http/validation';
import { FollowRequestDto } from '../follow/dto/follow.dto';
import { FollowService } from '../follow/follow.service';
import { PublicBodies } from '../public/public-bodies';
import { normalizeQuery } from '../public/public.service';
import { initiativeHref } from './components';
import { followErrorPage, followFailedPage, followSentPage, targetHref, type FollowFieldError, type FollowTarget } from './follow-page';
import { sendHtml } from './html-response';
import { initiativeNotFound, initiativePage, type PageContent } from './initiative-page';
import { renderPage } from './layout';
import { parsePage, PLAN_PAGE_SIZE, planNotFound, planPage, planPageHref } from './plan-page';
import { translator } from './public-site-texts';
import { Visitors, type Visitor } from './visitor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the path in the form the data's keys use; null for anything that cannot be an id (a 404, like an unknown one). */
const idFrom = (value: string): string | null => (UUID.test(value) ? value.toLowerCase() : null);

/** The one field of the follow form, as sent: a field sent twice is not an address. */
function emailField(body: unknown): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['email'] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The field's message for what the JSON endpoint's validation found wrong with the address. */
function fieldErrorOf(error: InvalidFieldsException): FollowFieldError {
  const codes = (error.problem.errors?.['email'] ?? []).map((e) => e.code);
  return codes.includes('maxLength') ? 'emailMax' : 'emailInvalid';
}

/**
 * The public pages of one initiative and one action plan, and the form on them to follow it by
 * e-mail, as server-rendered HTML outside the /api prefix. The data comes from the same cached
 * bodies the open-data API serves, so what is public, and how it is rolled up, is decided once.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PublicSitePagesController {
  private readonly validation = createValidationPipe();
  private readonly publicOrigin: string;

  constructor(
    private readonly visitors: Visitors,
    private readonly bodies: PublicBodies,
    private readonly follow: FollowService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  @Get('initiativ/:id')
  async initiativePage(@Param('id') rawId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const visitor = await this.visitors.of(request);
    const t = translator(visitor.lang);
    const id = idFrom(rawId);
    const initiative = id ? await this.initiative(id) : null;
    if (!initiative) return this.send(request, reply, visitor, request.url.split('?')[0], initiativeNotFound(t), 404);
    return this.send(request, reply, visitor, initiativeHref(initiative.id), initiativePage(t, initiative));
  }

  @Get('handleplan/:id')
  async planPage(@Param('id') rawId: string, @Query('page') rawPage: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const visitor = await this.visitors.of(request);
    const t = translator(visitor.lang);
    const id = idFrom(rawId);
    const plan = id ? await this.plan(id) : null;
    if (!plan) return this.send(request, reply, visitor, request.url.split('?')[0], planNotFound(t), 404);
    const page = parsePage(rawPage);
    const initiatives = await this.planInitiatives(plan.id, page);
    // Past the last page (the plan lost initiatives since the link was made): the last page.
    if (initiatives.items.length === 0 && initiatives.total > 0) {
      return reply.header('cache-control', 'no-store').redirect(planPageHref(plan.id, Math.ceil(initiatives.total / PLAN_PAGE_SIZE)), 302);
    }
    return this.send(request, reply, visitor, planPageHref(plan.id, page), planPage(t, plan, initiatives));
  }

  /** The follow form on an initiative's page (a plain form post, so that it works without scripts). */
  @Post('initiativ/:id/foelg')
  async followInitiative(@Param('id') rawId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const id = idFrom(rawId);
    const initiative = id ? await this.initiative(id) : null;
    return this.followTarget(request, reply, initiative ? { kind: 'initiative', id: initiative.id, title: initiative.title } : null);
  }

  /** The follow form on an action plan's page. */
  @Post('handleplan/:id/foelg')
  async followPlan(@Param('id') rawId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const id = idFrom(rawId);
    const plan = id ? await this.plan(id) : null;
    return this.followTarget(request, reply, plan ? { kind: 'plan', id: plan.id, title: plan.title } : null);
  }

  /**
   * The same rules as `POST /api/public/follow` (validation, rate limit, double opt-in), answered
   * as pages: "check your inbox", the form again with its error (400), too many (429), gone (404).
   * Only forms from this site count: a browser says where a form came from, and with no session
   * to protect, that check is what keeps another site from signing visitors up.
   */
  private async followTarget(request: FastifyRequest, reply: FastifyReply, target: FollowTarget | null) {
    const visitor = await this.visitors.of(request);
    const t = translator(visitor.lang);
    const path = target ? targetHref(target) : request.url.split('?')[0];
    if (!this.fromThisSite(request)) return this.send(request, reply, visitor, path, followFailedPage(t, target, 'crossSite'), 403);
    if (!target) return this.send(request, reply, visitor, path, followFailedPage(t, null, 'gone'), 404);

    const typed = emailField(request.body);
    const email = typed.trim();
    if (!email) return this.send(request, reply, visitor, path, followErrorPage(t, target, { email: typed, error: 'emailRequired' }), 400);
    let input: FollowRequestDto;
    try {
      input = (await this.validation.transform(
        { email, ...(target.kind === 'initiative' ? { initiativeId: target.id } : { actionPlanId: target.id }), language: visitor.lang },
        { type: 'body', metatype: FollowRequestDto },
      )) as FollowRequestDto;
    } catch (error) {
      if (!(error instanceof InvalidFieldsException)) throw error;
      return this.send(request, reply, visitor, path, followErrorPage(t, target, { email: typed, error: fieldErrorOf(error) }), 400);
    }

    try {
      await this.follow.request(input, request.ip);
    } catch (error) {
      if (error instanceof TooManyRequestsException) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
        return this.send(request, reply, visitor, path, followFailedPage(t, target, { tooMany: error.retryAfterSeconds }), 429);
      }
      if (error instanceof ResourceNotFoundException) return this.send(request, reply, visitor, path, followFailedPage(t, target, 'gone'), 404);
      throw error;
    }
    return this.send(request, reply, visitor, path, followSentPage(t, target, email));
  }

  /**
   * Whether a form post came from a page of this site: `Sec-Fetch-Site` where the browser sends
   * it, else `Origin` against the public address. A client that sends neither is no browser
   * another site could have used.
   */
  private fromThisSite(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') return site === 'same-origin' || site === 'none';
    const origin = request.headers['origin'];
    if (typeof origin === 'string') return origin === this.publicOrigin;
    return true;
  }

  private send(request: FastifyRequest, reply: FastifyReply, visitor: Visitor, path: string, content: PageContent, status = 200) {
    const page = renderPage({ lang: visitor.lang, path, signedIn: visitor.role !== null, ...content });
    return sendHtml(request, reply, page, status);
  }

  private async initiative(id: string): Promise<PublicInitiative | null> {
    return this.bodies.json<PublicInitiative>(this.bodies.initiative(id));
  }

  private async plan(id: string): Promise<PublicActionPlan | null> {
    return this.bodies.json<PublicActionPlan>(this.bodies.plan(id));
  }

  /** A page of the plan's published initiatives, in the list's order (goal, then title). */
  private async planInitiatives(planId: string, page: number): Promise<Page<PublicInitiative>> {
    const normalized = normalizeQuery({ plan: planId, page, pageSize: PLAN_PAGE_SIZE });
    return (await this.bodies.json<Page<PublicInitiative>>(this.bodies.page(normalized))) ?? { items: [], total: 0, page, pageSize: PLAN_PAGE_SIZE };
  }
}
