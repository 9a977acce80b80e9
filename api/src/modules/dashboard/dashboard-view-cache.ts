import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ChangeFeed } from '../../core/database/change-feed';

/** Enough for every filter management uses in a day; the least recently read goes first. */
const MAX_VIEWS = 200;

/**
 * The dashboard's figures per view and day, kept until any committed change (from any API
 * process, through the change feed) and computed again on the next read. Management opens the
 * same few views many times between two writes, and a view is the same for everyone who may see
 * the dashboard. While the feed is not listening, changes could go unreported, so nothing is kept.
 */
@Injectable()
export class DashboardViewCache<T = unknown> implements OnModuleInit, OnModuleDestroy {
  private readonly views = new Map<string, Promise<T>>();
  private subscription?: Subscription;

  constructor(private readonly feed: ChangeFeed) {}

  onModuleInit(): void {
    this.subscription = this.feed.changes.subscribe(() => this.views.clear());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The figures of `key`, computed by `compute` when no change has come since they were last computed. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.feed.listening) return compute();
    const kept = this.views.get(key);
    if (kept) {
      this.views.delete(key);
      this.views.set(key, kept);
      return kept;
    }
    const computing = compute();
    this.views.set(key, computing);
    // A failed computation is not kept; one a change has cleared meanwhile is no longer in the map.
    computing.catch(() => {
      if (this.views.get(key) === computing) this.views.delete(key);
    });
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value as string);
    return computing;
  }
}

/** The same key for the same filters, whatever their order or empty values. */
export function viewKey(today: string, query: object): string {
  const filters = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([today, filters]);
}
