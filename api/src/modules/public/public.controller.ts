import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LIMITS } from '@fremdrift/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { ApiProblems } from '../../core/http/api-responses';
import { IdParam } from '../../core/http/id-param';
import { PublicInitiativeQueryDto } from './dto/public-query.dto';
import { PublicActionPlanDto, PublicInitiativeDto, PublicInitiativesDto, PublicInitiativesPageDto } from './dto/public.dto';
import { PublicBodies, type PublicBody } from './public-bodies';
import { PublicCatalog } from './public-catalog';
import { CSV_DOWNLOAD, JSON_DOWNLOAD, streamDownload } from './public-download';
import { servePublic, type ServeOptions } from './public-responses';
import { normalizeQuery, PublicService } from './public.service';

/**
 * The public, anonymous API: published initiatives and action plans as JSON, CSV and Atom. Bodies
 * are serialized once per change and served from memory with an ETag; a matching If-None-Match
 * gets 304. The downloads of everything are streamed instead.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly catalog: PublicCatalog,
    private readonly service: PublicService,
    private readonly bodies: PublicBodies,
  ) {}

  @Get('initiatives')
  @ApiOperation({
    summary: 'A page of the published initiatives',
    description:
      `One page at a time (\`page\`, \`pageSize\`: default ${LIMITS.pageSize.default}, at most ${LIMITS.pageSize.max}), filtered and searched on the server, ` +
      'ordered by plan, goal and title. It used to answer every initiative at once: all of them are now the download ' +
      '`/api/public/initiatives.json` (the same items and `lastUpdatedAt`, with `total`).',
  })
  @ApiOkResponse({ type: PublicInitiativesPageDto })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiProblems(400)
  initiatives(@Query() query: PublicInitiativeQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const normalized = normalizeQuery(query);
    return this.serve(request, reply, this.bodies.page(normalized));
  }

  @Get('initiatives.json')
  @ApiProduces('application/json')
  @ApiOkResponse({
    type: PublicInitiativesDto,
    description: 'Every published initiative as one JSON document (a download, streamed as it is read; no ETag), in the order of the pages',
  })
  downloadJson(@Res() reply: FastifyReply) {
    return streamDownload(this.service, reply, JSON_DOWNLOAD);
  }

  @Get('initiatives.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'Every published initiative as CSV for Danish Excel (UTF-8 with BOM, semicolons; a download, streamed as it is read; no ETag); columns are documented on the "Om data" page',
    schema: { type: 'string' },
  })
  downloadCsv(@Res() reply: FastifyReply) {
    return streamDownload(this.service, reply, CSV_DOWNLOAD);
  }

  @Get('initiatives/:id')
  @ApiOkResponse({ type: PublicInitiativeDto })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiProblems(400, 404)
  initiative(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, this.bodies.initiative(id), { notFound: { resource: 'Published initiative', id } });
  }

  @Get('action-plans')
  @ApiOkResponse({ type: [PublicActionPlanDto], description: 'Every action plan: how it was co-created, its goals and published initiatives' })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  plans(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, this.bodies.plans());
  }

  @Get('action-plans/:id')
  @ApiOkResponse({ type: PublicActionPlanDto })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiProblems(400, 404)
  plan(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, this.bodies.plan(id), { notFound: { resource: 'Action plan', id } });
  }

  @Get('feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom feed of approved public status updates, all plans (the newest 50)', schema: { type: 'string' } })
  feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, this.bodies.feed(null));
  }

  @Get('action-plans/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom feed of approved public status updates of one plan (the newest 50)', schema: { type: 'string' } })
  @ApiProblems(400, 404)
  planFeed(@IdParam() id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, this.bodies.feed(id), { notFound: { resource: 'Action plan', id } });
  }

  private serve(request: FastifyRequest, reply: FastifyReply, body: PublicBody, options: ServeOptions = {}) {
    return servePublic(this.catalog, request, reply, body, options);
  }
}
