import { Inject, Injectable } from '@nestjs/common';
import type { PublicInitiative } from '@fremdrift/contracts';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { pageWindow } from '../../core/http/pagination';
import type { PublicInitiativeQueryDto } from './dto/public-query.dto';
import type { Rendered } from './public-catalog';
import { updatesAtom } from './public-formats';
import { newestChange, toPublicInitiatives, toPublicPlan } from './public-mapper';
import { foldForSearch, PublicRepository, type PublicFilter, type PublishedFacts } from './public.repository';

const JSON_TYPE = 'application/json; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
/** The newest entries a feed shows. */
export const FEED_ENTRIES = 50;

/** A list query in one canonical form: the same list asked in different words is one cache entry. */
export interface NormalizedQuery {
  filter: PublicFilter;
  page: number;
  pageSize: number;
  /** The cache key. */
  key: string;
}

export function normalizeQuery(query: PublicInitiativeQueryDto): NormalizedQuery {
  const { page, pageSize } = pageWindow(query);
  const sorted = <T extends string>(values: T[] | undefined) => (values?.length ? [...new Set(values)].sort() : undefined);
  const words = query.q ? [...new Set(foldForSearch(query.q).split(/\s+/).filter(Boolean))].sort() : [];
  const filter: PublicFilter = {
    plan: query.plan || undefined,
    goal: query.goal || undefined,
    department: query.department?.trim() || undefined,
    status: sorted(query.status),
    health: sorted(query.health),
    words: words.length ? words : undefined,
  };
  return {
    filter,
    page,
    pageSize,
    key: `list:${JSON.stringify([filter.plan, filter.goal, filter.department, filter.status, filter.health, filter.words, page, pageSize])}`,
  };
}

/** Renders the public responses from the database; PublicCatalog keeps what they render. */
@Injectable()
export class PublicService {
  private readonly baseUrl: string;

  constructor(
    private readonly repository: PublicRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = config.publicUrl;
  }

  async page({ filter, page, pageSize }: NormalizedQuery): Promise<Rendered> {
    const { data, total, departments } = await this.repository.page(filter, (page - 1) * pageSize, pageSize);
    const items = toPublicInitiatives(data, this.clock.today());
    return { ...json({ items, total, page, pageSize, lastUpdatedAt: newestChange(items), departments }), dependsOn: { lists: true } };
  }

  async initiative(id: string): Promise<Rendered | null> {
    const data = await this.repository.one(id);
    if (!data) return null;
    const [initiative] = toPublicInitiatives(data, this.clock.today());
    return { ...json(initiative), dependsOn: { initiative: id } };
  }

  async plans(): Promise<Rendered> {
    return { ...json((await this.repository.plans()).map(toPublicPlan)), dependsOn: { plans: true } };
  }

  async plan(id: string): Promise<Rendered | null> {
    const [plan] = await this.repository.plans(id);
    return plan ? { ...json(toPublicPlan(plan)), dependsOn: { plans: true } } : null;
  }

  async feed(planId: string | null): Promise<Rendered | null> {
    const plan = planId ? ((await this.repository.plans(planId))[0] ?? null) : null;
    if (planId && !plan) return null;
    const entries = await this.repository.feed(planId, FEED_ENTRIES);
    const body = updatesAtom(plan, entries, this.baseUrl);
    return { body, contentType: ATOM_TYPE, dependsOn: plan ? { plans: true, updatesOf: new Set(plan.initiativeIds) } : { lists: true } };
  }

  facts(): Promise<PublishedFacts> {
    return this.repository.facts();
  }

  /** Every published initiative, `batchSize` at a time, for the downloads. */
  eachPublished(
    start: (total: number, lastUpdatedAt: string | null) => Promise<void>,
    visit: (batch: PublicInitiative[]) => Promise<boolean>,
    batchSize = 500,
  ): Promise<void> {
    return this.repository.eachPublished(
      batchSize,
      (total, last) => start(total, last ? new Date(last).toISOString() : null),
      (data) => visit(toPublicInitiatives(data, this.clock.today())),
    );
  }
}

const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: JSON_TYPE });
