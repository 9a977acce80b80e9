import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PublicActionPlanDto, PublicInitiativeDto, PublicInitiativesDto } from './dto/public.dto';
import { PublicCatalog, type Snapshot } from './public-catalog';
import { initiativesCsv, updatesAtom } from './public-formats';
import { servePublic } from './public-responses';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The public, anonymous API: published initiatives and action plans as JSON, CSV and Atom. Bodies
 * are serialized once per change and served from memory with an ETag; a matching If-None-Match
 * gets 304.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  /** Absolute links come from configuration, never from the request's Host: clients choose that. */
  private readonly baseUrl: string;

  constructor(
    private readonly catalog: PublicCatalog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = config.publicUrl;
  }

  @Get('initiatives')
  @ApiOkResponse({ type: PublicInitiativesDto, description: 'Every published initiative, grouped by plan and goal' })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  initiatives(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'initiatives.json', (s) => json({ lastUpdatedAt: s.lastUpdatedAt, items: s.initiatives }));
  }

  @Get('initiatives.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The same initiatives as CSV for Danish Excel (UTF-8 with BOM, semicolons); columns are documented on the "Om data" page',
    schema: { type: 'string' },
  })
  initiativesCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'initiatives.csv', (s) => ({ body: initiativesCsv(s.initiatives), contentType: 'text/csv; charset=utf-8' }), {
      'content-disposition': 'attachment; filename="fremdrift-initiativer.csv"',
    });
  }

  @Get('initiatives/:id')
  @ApiOkResponse({ type: PublicInitiativeDto })
  @ApiProblems(400, 404)
  initiative(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, `initiative:${id}`, (s) => {
      const initiative = s.byId.get(id);
      return initiative ? json(initiative) : null;
    });
  }

  @Get('action-plans')
  @ApiOkResponse({ type: [PublicActionPlanDto], description: 'Every action plan: how it was co-created, its goals and published initiatives' })
  plans(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'plans.json', (s) => json(s.plans));
  }

  @Get('action-plans/:id')
  @ApiOkResponse({ type: PublicActionPlanDto })
  @ApiProblems(400, 404)
  plan(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, `plan:${id}`, (s) => {
      const plan = s.plans.find((p) => p.id === id);
      return plan ? json(plan) : null;
    });
  }

  @Get('feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom feed of approved public status updates, all plans', schema: { type: 'string' } })
  feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'feed:all', (s) => atom(updatesAtom(s, this.baseUrl, null)));
  }

  @Get('action-plans/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom feed of approved public status updates of one plan', schema: { type: 'string' } })
  @ApiProblems(400, 404)
  planFeed(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, `feed:${id}`, (s) => atom(updatesAtom(s, this.baseUrl, id)));
  }

  private serve(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: (snapshot: Snapshot) => { body: string; contentType: string } | null,
    headers: Record<string, string> = {},
  ): Promise<FastifyReply> {
    return servePublic(this.catalog, request, reply, key, render, { headers });
  }
}

const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: JSON_TYPE });
const atom = (body: string | null) => (body === null ? null : { body, contentType: 'application/atom+xml; charset=utf-8' });
