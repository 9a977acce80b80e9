import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { Clock } from '../../core/clock/clock';
import { ChangeFeed, type DataChange } from '../../core/database/change-feed';
import type { CachedResponse, CachedResponseSource } from '../../core/web/cached-responses';
import { compress, type ContentEncoding } from '../../core/web/content-encoding';
import { BoundedCache } from './body-cache';

/**
 * What a cached body shows, and so which changes make it stale (see `PublicCatalog.changed`).
 * - `initiative`: one initiative's own record.
 * - `lists`: a page of the initiative list, the feed of every plan, the DCAT catalog: any
 *   published initiative may appear in them or move them.
 * - `plans`: which initiatives are published in which plan, with their titles (plans, plan pages, plan feeds).
 * - `updatesOf`: the initiatives whose approved updates a plan's feed shows.
 */
export interface Dependencies {
  initiative?: string;
  lists?: true;
  plans?: true;
  updatesOf?: ReadonlySet<string>;
}

/** A response body serialized once and served many times, with its validator. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  contentType: string;
  dependsOn: Dependencies;
  /** Compressed once, the first time a client asks for the encoding. */
  encoded: Partial<Record<ContentEncoding, Buffer>>;
}

export interface Rendered {
  body: string;
  contentType: string;
  dependsOn: Dependencies;
}

/** Enough for every published record, plan and feed of a municipality and the pages people browse; the least recently used go first. */
export const MAX_CACHED_BODIES = 2000;
/** A page of 100 initiatives is ~100 kB; the bound keeps a process's memory flat however clients vary the query. */
export const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/** The parts of an initiative that the change feed names it for (`notify_change` with its initiative id). */
const PARTS_OF_AN_INITIATIVE = new Set(['initiative', 'initiative_department', 'milestone', 'status_update', 'initiative_partner']);

/** How a request target was answered: the body's key and the headers sent with it (see `PublicCatalog.rememberTarget`). */
export interface AnsweredTarget {
  key: string;
  route: string;
  headers: Readonly<Record<string, string>>;
  okHeaders?: Readonly<Record<string, string>>;
}

/** Targets clients may vary (filters, search words); only targets that were answered with a body are kept. */
const MAX_TARGETS = 4 * MAX_CACHED_BODIES;
const MAX_TARGET_BYTES = 4 * 1024 * 1024;
const targetSize = (target: AnsweredTarget) => 2 * target.key.length + 200;

const sizeOf = (entry: CachedBody) => entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0) + entry.etag.length + 200;

/**
 * The public responses, serialized once and kept in a cache bounded by entries and bytes. Every
 * committed change, made through any API process, reaches every process through the change feed,
 * and drops only the bodies it can have changed (`changed`). A generation counter keeps a body
 * rendered while a change arrived from being cached. While the feed is not listening a change could
 * go unnoticed: nothing is served from the cache then, and the feed's ANYTHING_MAY_HAVE_CHANGED on
 * reconnecting clears it.
 */
@Injectable()
export class PublicCatalog implements OnModuleInit, OnModuleDestroy, CachedResponseSource {
  private readonly bodies = new BoundedCache<CachedBody>(MAX_CACHED_BODIES, MAX_CACHED_BYTES, sizeOf);
  private readonly targets = new BoundedCache<AnsweredTarget>(MAX_TARGETS, MAX_TARGET_BYTES, targetSize);
  private generation = 0;
  private day: string | null = null;
  private todayAt: { second: number; today: string } | null = null;
  private subscription?: Subscription;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.feed.changes.subscribe((change) => this.changed(change));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * Drops what a committed change can have made stale. A change to one initiative (its row, its
   * departments, milestones, status updates or partners) changes:
   * - that initiative's own record;
   * - every list page, the all-plans feed and the DCAT catalog: a page of a filtered list changes
   *   when any initiative enters, leaves or moves within the filter, and telling that apart would
   *   need the initiative's values before the change, which the notification does not carry;
   * - when the initiative's own row changed (published, plan, goal, title, lead department): the
   *   plans, the plan pages and the plan feeds, which show which initiatives are published where;
   * - when one of its status updates changed: the feed of the plan it is in.
   * Other initiatives' records, and plans and plan feeds it is not in, stay. Any other change
   * (a department, plan, goal or partner: names shown everywhere) or one the feed may have missed clears all.
   */
  changed(change: DataChange): void {
    this.generation++;
    const id = change.initiativeId;
    if (!id || !PARTS_OF_AN_INITIATIVE.has(change.entity)) {
      this.bodies.clear();
      return;
    }
    this.bodies.deleteWhere(({ dependsOn }) => {
      if (dependsOn.initiative === id || dependsOn.lists) return true;
      if (change.entity === 'initiative' && dependsOn.plans) return true;
      return change.entity === 'status_update' && !!dependsOn.updatesOf?.has(id);
    });
  }

  /** Drops every cached body. */
  invalidate(): void {
    this.generation++;
    this.bodies.clear();
  }

  /** How many serialized bodies are held, and their size. */
  get cachedBodies(): number {
    return this.bodies.size;
  }

  get cachedBytes(): number {
    return this.bodies.bytes;
  }

  isCached(key: string): boolean {
    return this.bodies.has(key);
  }

  /** The cached body for `key`, rendered the first time it is asked for; null (and nothing kept) when the render finds nothing. */
  async body(key: string, render: () => Promise<Rendered | null>): Promise<CachedBody | null> {
    // Expected progress moves with the calendar: a new day is a change to everything.
    const today = this.clock.today();
    if (this.day !== today) {
      this.day = today;
      this.invalidate();
    }
    const cached = this.feed.listening ? this.bodies.get(key) : undefined;
    if (cached) return cached;
    const generation = this.generation;
    const rendered = await render();
    // Clients choose the ids and filters in keys: only what exists is kept.
    if (!rendered) return null;
    const body = Buffer.from(rendered.body);
    const entry: CachedBody = {
      body,
      contentType: rendered.contentType,
      dependsOn: rendered.dependsOn,
      etag: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      encoded: {},
    };
    if (this.generation === generation && this.feed.listening) this.bodies.set(key, entry);
    return entry;
  }

  /**
   * Notes that the app answered `GET target` (path and query as received) with the body of `key`
   * and these headers, whatever the request's other headers but Accept-Encoding and If-None-Match.
   * The app's handler maps a target to a key the same way every time, so `cachedResponse` can
   * answer the target again without routing, validating and normalizing it.
   */
  rememberTarget(target: string, answered: AnsweredTarget): void {
    if (this.targets.get(target)?.key !== answered.key) this.targets.set(target, answered);
  }

  /** The cached answer to a target the app has answered, while its body is cached and fresh; undefined sends the request to the app. */
  cachedResponse(target: string): CachedResponse | undefined {
    const answered = this.targets.get(target);
    if (!answered || !this.feed.listening || this.day !== this.today()) return undefined;
    const entry = this.bodies.get(answered.key);
    if (!entry) return undefined;
    const { route, headers, okHeaders } = answered;
    return { route, headers, okHeaders, body: entry.body, encoded: entry.encoded, contentType: entry.contentType, etag: entry.etag };
  }

  /** The calendar's date, worked out at most once a second: days change on a whole second. */
  private today(): string {
    const second = Math.floor(this.clock.now().getTime() / 1000);
    if (this.todayAt?.second !== second) this.todayAt = { second, today: this.clock.today() };
    return this.todayAt.today;
  }

  /** `entry`'s body in `encoding`, compressed once and kept with it. */
  async encoded(key: string, entry: CachedBody, encoding: ContentEncoding): Promise<Buffer> {
    const done = entry.encoded[encoding];
    if (done) return done;
    const compressed = await compress(encoding, entry.body);
    entry.encoded[encoding] = compressed;
    this.bodies.resize(key);
    return compressed;
  }
}
