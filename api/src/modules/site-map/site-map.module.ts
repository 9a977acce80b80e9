import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../../core/http/problem';
import { SiteMapRepository } from './site-map.repository';
import { SiteMapService } from './site-map.service';

/** Crawlers may keep a copy briefly; the sitemap itself is rebuilt after a change. */
export const SITE_MAP_CACHE_CONTROL = 'public, max-age=300';

/**
 * `/robots.txt` and `/sitemap.xml`, at the site's root where crawlers look for them: registered on
 * Fastify directly, outside the API's /api prefix (like the web app's files), and so not part of
 * the OpenAPI document.
 */
@Module({
  providers: [SiteMapService, SiteMapRepository],
})
export class SiteMapModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly siteMap: SiteMapService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify || fastify.hasRoute({ method: 'GET', url: '/robots.txt' })) return;
    fastify.get('/robots.txt', (_request, reply) =>
      reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', SITE_MAP_CACHE_CONTROL).send(this.siteMap.robots),
    );
    fastify.get('/sitemap.xml', (request, reply) => this.sendSiteMap(request, reply));
  }

  private async sendSiteMap(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const raw = (request.query as Record<string, unknown>)['page'];
    if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw))) {
      return reply.status(400).header('content-type', PROBLEM_CONTENT_TYPE).send(problem(400, 'page must be a whole number from 1'));
    }
    const body = await this.siteMap.siteMap(raw === undefined ? undefined : Number(raw));
    if (body === null)
      return reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(404, `No sitemap page ${String(raw)}`));
    return reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', SITE_MAP_CACHE_CONTROL).send(body);
  }
}
