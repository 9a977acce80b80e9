import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../core/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.provider';
import { PublicSiteDto } from '../dto/public-site.dto';
import { PublicCatalog } from '../public-catalog';
import { PublicBodies } from '../public-bodies';
import { PUBLIC_CACHE_CONTROL, servePublic } from '../public-responses';
import { CATALOG_PATH } from './dcat-catalog';
import { preferredSerialization, type CatalogSerialization } from './negotiation';

const FILES: Record<CatalogSerialization, string> = { turtle: 'catalog.ttl', jsonld: 'catalog.jsonld' };
const CATALOG_DESCRIPTION = 'DCAT-AP-DK 2.0.2 catalog of the published datasets and their distributions, for data portals (Open Data DK) to harvest';

/** The open data described for portals (DCAT-AP-DK), and what the public pages need to know about the installation. */
@ApiTags('public')
@Public()
@Controller('public')
export class OpenDataController {
  private readonly baseUrl: string;

  constructor(
    private readonly catalog: PublicCatalog,
    private readonly bodies: PublicBodies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.baseUrl = config.publicUrl;
  }

  @Get('dcat/catalog')
  @ApiProduces('text/turtle', 'application/ld+json')
  @ApiOkResponse({ description: `${CATALOG_DESCRIPTION}; Turtle or JSON-LD as the Accept header prefers (Turtle by default)`, schema: { type: 'string' } })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  negotiated(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const serialization = preferredSerialization(request.headers.accept);
    return this.serve(request, reply, serialization, {
      vary: ['accept'],
      headers: { 'content-location': `${this.baseUrl}${CATALOG_PATH}.${serialization === 'turtle' ? 'ttl' : 'jsonld'}` },
    });
  }

  @Get('dcat/catalog.ttl')
  @ApiProduces('text/turtle')
  @ApiOkResponse({ description: `${CATALOG_DESCRIPTION}, in Turtle`, schema: { type: 'string' } })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  turtle(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'turtle');
  }

  @Get('dcat/catalog.jsonld')
  @ApiProduces('application/ld+json')
  @ApiOkResponse({ description: `${CATALOG_DESCRIPTION}, in JSON-LD`, schema: { type: 'string' } })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  jsonLd(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.serve(request, reply, 'jsonld');
  }

  @Get('site')
  @Header('cache-control', PUBLIC_CACHE_CONTROL)
  @ApiOkResponse({ type: PublicSiteDto })
  site(): PublicSiteDto {
    const { accessibilityStatementUrl, accessibility } = this.config.openData;
    return { accessibilityStatementUrl, accessibility, catalogUrl: this.baseUrl + CATALOG_PATH };
  }

  private serve(
    request: FastifyRequest,
    reply: FastifyReply,
    serialization: CatalogSerialization,
    options: { vary?: string[]; headers?: Record<string, string> } = {},
  ) {
    return servePublic(this.catalog, request, reply, this.bodies.dcat(serialization), {
      vary: options.vary,
      headers: { 'content-disposition': `inline; filename="${FILES[serialization]}"`, ...options.headers },
    });
  }
}
