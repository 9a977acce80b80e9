import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { FollowModule } from '../follow/follow.module';
import { PublicModule } from '../public/public.module';
import { sendHtml } from './html-response';
import { renderNotFound, setPublicSiteUrl } from './layout';
import { PublicSitePagesController } from './public-site-pages.controller';
import { PublicSiteController } from './public-site.controller';
import { Visitors } from './visitor';

/**
 * Addresses under the public pages that no page answers (`/initiativ/x/y`, `/om-data/z`): the
 * public 404 page rather than the Angular app, which has no such routes. Registered on Fastify
 * directly (like robots.txt), more specific than the web app's fallback.
 */
export const PUBLIC_SITE_NOT_FOUND_ROUTES = [
  '/initiativ',
  '/initiativ/*',
  '/handleplan',
  '/handleplan/*',
  '/om-data/*',
  '/tilgaengelighed/*',
  '/sprog',
  '/sprog/*',
];

/**
 * The public site as server-rendered HTML (no framework JavaScript), from the public module's data.
 * Its paths are outside the /api prefix (bootstrap.ts) and win over the web app's fallback.
 */
@Module({
  imports: [PublicModule, FollowModule],
  controllers: [PublicSiteController, PublicSitePagesController],
  providers: [Visitors],
  exports: [Visitors],
})
export class PublicSiteModule implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly visitors: Visitors,
  ) {
    setPublicSiteUrl(config.publicUrl);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify) return;
    for (const url of PUBLIC_SITE_NOT_FOUND_ROUTES) {
      if (fastify.hasRoute({ method: 'GET', url })) continue;
      fastify.get(url, async (request, reply) => {
        const visitor = await this.visitors.of(request);
        return sendHtml(request, reply, renderNotFound(visitor.lang, request.url, visitor.role !== null), 404);
      });
    }
  }
}
