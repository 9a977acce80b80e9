import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { catalogGraph, catalogJsonLd, catalogTurtle } from './dcat/dcat-catalog';
import type { CatalogSerialization } from './dcat/negotiation';
import { PublicCatalog, type Rendered } from './public-catalog';
import { PublicService, type NormalizedQuery } from './public.service';

/** One cached public body: its key in the catalog and how to render it when it is not there. */
export interface PublicBody {
  key: string;
  render: () => Promise<Rendered | null>;
}

const DCAT_TYPES: Record<CatalogSerialization, string> = {
  turtle: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

/**
 * The bodies the public catalog keeps, each named once, so that the open-data API and the
 * server-rendered pages that read the same body agree on its key, its content and what it depends on.
 */
@Injectable()
export class PublicBodies {
  constructor(
    private readonly catalog: PublicCatalog,
    private readonly service: PublicService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  page(query: NormalizedQuery): PublicBody {
    return { key: query.key, render: () => this.service.page(query) };
  }

  initiative(id: string): PublicBody {
    return { key: `initiative:${id}`, render: () => this.service.initiative(id) };
  }

  plans(): PublicBody {
    return { key: 'plans', render: () => this.service.plans() };
  }

  plan(id: string): PublicBody {
    return { key: `plan:${id}`, render: () => this.service.plan(id) };
  }

  /** The Atom feed of all plans (null) or of one. */
  feed(planId: string | null): PublicBody {
    return { key: `feed:${planId ?? 'all'}`, render: () => this.service.feed(planId) };
  }

  dcat(serialization: CatalogSerialization): PublicBody {
    return {
      key: serialization === 'turtle' ? 'dcat.ttl' : 'dcat.jsonld',
      render: async () => {
        const graph = catalogGraph(await this.service.facts(), this.config.openData, this.config.publicUrl);
        const body = serialization === 'turtle' ? catalogTurtle(graph) : JSON.stringify(catalogJsonLd(graph));
        return { body, contentType: DCAT_TYPES[serialization], dependsOn: { lists: true } };
      },
    };
  }

  /** A JSON body as its value, from the catalog (null when there is no such record). */
  async json<T>({ key, render }: PublicBody): Promise<T | null> {
    const entry = await this.catalog.body(key, render);
    return entry ? (JSON.parse(entry.body.toString('utf8')) as T) : null;
  }
}
