import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { ChangeFeed } from '../../core/database/change-feed';
import { publicPageUrls, robotsTxt, siteMapDocuments } from './site-map';
import { SiteMapRepository } from './site-map.repository';

/** The changes that can add, remove or date a public page. */
const RELEVANT = new Set(['*', 'action_plan', 'goal', 'initiative', 'milestone', 'status_update']);

/**
 * robots.txt and the sitemap. The sitemap documents are built once and kept until a relevant
 * change arrives through the change feed (from any API process); while the feed is not listening,
 * nothing is kept.
 */
@Injectable()
export class SiteMapService implements OnModuleInit, OnModuleDestroy {
  readonly robots: string;
  private readonly baseUrl: string;
  private documents: Promise<{ index: string; pages: string[] }> | null = null;
  private generation = 0;
  private subscription?: Subscription;

  constructor(
    private readonly repository: SiteMapRepository,
    private readonly feed: ChangeFeed,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = config.publicUrl;
    this.robots = robotsTxt(config.publicUrl);
  }

  onModuleInit(): void {
    this.subscription = this.feed.changes.subscribe((change) => {
      if (RELEVANT.has(change.entity)) this.invalidate();
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  invalidate(): void {
    this.generation++;
    this.documents = null;
  }

  /** /sitemap.xml without a page (`undefined`): the one sitemap, or the index of several; with one, that page or null. */
  async siteMap(page?: number): Promise<string | null> {
    const documents = await this.current();
    if (page === undefined) return documents.index;
    return documents.pages.length > 1 ? (documents.pages[page - 1] ?? null) : null;
  }

  private current(): Promise<{ index: string; pages: string[] }> {
    if (this.documents && this.feed.listening) return this.documents;
    const generation = this.generation;
    const building = this.repository.publicPages().then((pages) => siteMapDocuments(this.baseUrl, publicPageUrls(this.baseUrl, pages)));
    if (this.feed.listening) {
      this.documents = building;
      building.catch(() => {
        if (this.generation === generation) this.documents = null;
      });
    }
    return building;
  }
}
