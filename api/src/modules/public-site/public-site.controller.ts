import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { startPageFor } from '@fremdrift/access';
import type { PublicActionPlan } from '@fremdrift/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { PublicBodies } from '../public/public-bodies';
import { normalizeQuery } from '../public/public.service';
import { renderAboutData } from './about-data-page';
import { renderAccessibility } from './accessibility-page';
import { FRONT_PAGE_SIZE, parseFrontQuery, renderFrontPage, type FrontPageData } from './front-page';
import { sendHtml } from './html-response';
import { LANGUAGE_COOKIE, renderPage } from './layout';
import { isPublicLanguage, translator } from './public-site-texts';
import type { DcatCatalogDocument } from './schema-org';
import { Visitors } from './visitor';

/** A year: how long the language choice is remembered. */
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** Where the language switch may send the browser back to: a path on this site (not `//host`, not `/\host`). */
export function safeReturnPath(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\\]/.test(value)) return '/';
  // A Location header is ASCII: anything else goes percent-encoded (a lone surrogate cannot be, so it goes home).
  try {
    return value.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
  } catch {
    return '/';
  }
}

/**
 * The public site's own pages as server-rendered HTML, outside the /api prefix: the front page, Om
 * data, the accessibility statement and the language switch. No page carries a script.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PublicSiteController {
  constructor(
    private readonly visitors: Visitors,
    private readonly bodies: PublicBodies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The published initiatives for visitors; a signed-in user goes on to their start page in the app. */
  @Get()
  async front(@Query() rawQuery: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const visitor = await this.visitors.of(request);
    if (visitor.role) return reply.header('cache-control', 'no-store').header('vary', 'Cookie').redirect(startPageFor(visitor.role), 302);
    const t = translator(visitor.lang);
    const query = parseFrontQuery(rawQuery ?? {});
    const data = await this.frontPageData(query.qTooLong ? null : query);
    const page = renderPage({
      lang: visitor.lang,
      path: request.url,
      title: t.t('titles.front'),
      description: t.t('pub.front.lead'),
      main: renderFrontPage(t, query, data),
      signedIn: false,
    });
    return sendHtml(request, reply, page);
  }

  @Get('om-data')
  async aboutData(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const visitor = await this.visitors.of(request);
    const t = translator(visitor.lang);
    const { main, jsonLd } = renderAboutData(t, await this.dcatCatalog());
    const page = renderPage({
      lang: visitor.lang,
      path: request.url,
      title: t.t('titles.aboutData'),
      description: t.t('pub.about.lead'),
      main,
      jsonLd,
      signedIn: visitor.role !== null,
    });
    return sendHtml(request, reply, page);
  }

  @Get('tilgaengelighed')
  async accessibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const visitor = await this.visitors.of(request);
    const t = translator(visitor.lang);
    const page = renderPage({
      lang: visitor.lang,
      path: request.url,
      title: t.t('titles.accessibility'),
      description: t.t('pub.a11y.lead'),
      main: renderAccessibility(t, this.config.openData),
      signedIn: visitor.role !== null,
    });
    return sendHtml(request, reply, page);
  }

  /** Remembers the language for a year (the app reads the same cookie) and goes back to the page the switch was on. */
  @Get('sprog/:lang')
  language(@Param('lang') lang: string, @Query('til') back: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const target = safeReturnPath(Array.isArray(back) ? back[0] : back);
    if (isPublicLanguage(lang)) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      void reply.header('set-cookie', `${LANGUAGE_COOKIE}=${lang}; Max-Age=${LANGUAGE_COOKIE_SECONDS}; Path=/; SameSite=Lax${secure}`);
    }
    return reply.header('cache-control', 'no-store').redirect(target, 303);
  }

  /** The DCAT catalog in JSON-LD: the same cached body as /api/public/dcat/catalog.jsonld. */
  private dcatCatalog(): Promise<DcatCatalogDocument | null> {
    return this.bodies.json<DcatCatalogDocument>(this.bodies.dcat('jsonld'));
  }

  /** One page of the list and the filters' choices, from the same cached bodies the open-data API serves. */
  private async frontPageData(query: ReturnType<typeof parseFrontQuery> | null): Promise<FrontPageData> {
    const plans = (await this.bodies.json<PublicActionPlan[]>(this.bodies.plans())) ?? [];
    const goals = plans.flatMap((plan) => plan.goals.map(({ id, title }) => ({ id, title })));
    const { filters, page, pageSize } = query ?? { filters: { q: '', department: '', goal: '', health: '', status: '' }, page: 1, pageSize: FRONT_PAGE_SIZE };
    const normalized = normalizeQuery({
      q: filters.q || undefined,
      department: filters.department || undefined,
      goal: filters.goal || undefined,
      health: filters.health ? [filters.health] : undefined,
      status: filters.status ? [filters.status] : undefined,
      page,
      pageSize,
    });
    const list = await this.bodies.json<Omit<FrontPageData, 'goals'>>(this.bodies.page(normalized));
    if (!list || !query)
      return {
        items: [],
        total: 0,
        page: 1,
        pageSize: FRONT_PAGE_SIZE,
        lastUpdatedAt: list?.lastUpdatedAt ?? null,
        departments: list?.departments ?? [],
        goals,
      };
    return { ...list, goals };
  }
}
