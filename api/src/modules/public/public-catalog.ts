import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PublicActionPlan, PublicInitiative } from '@fremdrift/contracts';
import { computeExpectedProgress, computeProgress } from '@fremdrift/progress';
import type { Subscription } from 'rxjs';
import { Clock } from '../../core/clock/clock';
import { ChangeFeed } from '../../core/database/change-feed';
import { PublicRepository, type PublishedData } from './public.repository';

export interface Snapshot {
  /** When the newest published initiative last changed; null when there is none. */
  lastUpdatedAt: string | null;
  initiatives: PublicInitiative[];
  byId: Map<string, PublicInitiative>;
  plans: PublicActionPlan[];
  /** Approved updates, newest first, with their initiative, for the feeds. */
  updates: { id: string; initiative: PublicInitiative; update: PublicInitiative['updates'][number] }[];
}

/** A response body serialized once and served many times, with its validator. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  contentType: string;
}

const groupBy = <T extends { initiativeId: string }>(rows: T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.initiativeId);
    if (group) group.push(row);
    else groups.set(row.initiativeId, [row]);
  }
  return groups;
};

export function toSnapshot(data: PublishedData, today: string): Snapshot {
  const participants = groupBy(data.participants);
  const milestones = groupBy(data.milestones);
  const updates = groupBy(data.updates);
  const partners = groupBy(data.partners);
  const initiatives = data.initiatives.map((row): PublicInitiative => {
    const own = milestones.get(row.id) ?? [];
    return {
      id: row.id,
      title: row.title,
      summary: row.publicSummary || row.summary,
      actionPlan: { id: row.planId, title: row.planTitle },
      goal: row.goalId && row.goalTitle ? { id: row.goalId, title: row.goalTitle } : null,
      leadDepartment: row.leadDepartment,
      participatingDepartments: (participants.get(row.id) ?? []).map((p) => p.department),
      status: row.status,
      health: row.health,
      progress: computeProgress(own, row.status),
      expectedProgress: computeExpectedProgress(row.startDate, row.targetDate, today),
      startDate: row.startDate,
      targetDate: row.targetDate,
      milestones: own.map(({ title, dueDate, completedDate }) => ({ title, dueDate, completedDate })),
      updates: (updates.get(row.id) ?? []).map(({ periodStart, periodEnd, health, text, publishedAt }) => ({
        periodStart,
        periodEnd,
        health,
        text,
        publishedAt: new Date(publishedAt).toISOString(),
      })),
      partners: (partners.get(row.id) ?? []).map(({ name, type, role }) => ({ name, type, role })),
      lastUpdatedAt: new Date(row.updatedAt).toISOString(),
    };
  });
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const plans = data.plans.map((plan): PublicActionPlan => ({
    id: plan.id,
    title: plan.title,
    description: plan.description,
    coCreationDate: plan.coCreationDate,
    coCreationMethod: plan.coCreationMethod,
    participants: { citizens: plan.citizens, volunteers: plan.volunteers, companies: plan.companies, civilSociety: plan.civilSociety, staff: plan.staff },
    goals: plan.goals,
    initiativeIds: initiatives.filter((i) => i.actionPlan.id === plan.id).map((i) => i.id),
  }));
  const feed = data.updates
    .map((update) => {
      const initiative = byId.get(update.initiativeId);
      const published = initiative?.updates.find((u) => u.periodEnd === update.periodEnd && u.text === update.text);
      return initiative && published ? { id: update.id, initiative, update: published } : null;
    })
    .filter((entry): entry is Snapshot['updates'][number] => entry !== null)
    .sort((a, b) => b.update.publishedAt.localeCompare(a.update.publishedAt));
  const lastUpdatedAt = initiatives.reduce<string | null>((latest, i) => (latest === null || i.lastUpdatedAt > latest ? i.lastUpdatedAt : latest), null);
  return { lastUpdatedAt, initiatives, byId, plans, updates: feed };
}

/** Enough for every list, feed and published record of a municipality; the oldest-used go first. */
export const MAX_CACHED_BODIES = 500;

/**
 * The public data, held in memory with its serialized responses. Any committed change, made
 * through any API process, reaches every process through the change feed and clears it, so the
 * next request reads fresh data. A generation counter keeps a build that raced a change from
 * being cached. While the feed is not listening, a change could go unnoticed: nothing is cached
 * then, and the feed's ANYTHING_MAY_HAVE_CHANGED on reconnecting clears what was.
 */
@Injectable()
export class PublicCatalog implements OnModuleInit, OnModuleDestroy {
  private snapshot: Promise<Snapshot> | null = null;
  private readonly bodies = new Map<string, CachedBody>();
  private generation = 0;
  private snapshotDay: string | null = null;
  private subscription?: Subscription;

  constructor(
    private readonly repository: PublicRepository,
    private readonly feed: ChangeFeed,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.feed.changes.subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.bodies.clear();
  }

  /** How many serialized bodies are held. */
  get cachedBodies(): number {
    return this.bodies.size;
  }

  current(): Promise<Snapshot> {
    if (!this.feed.listening) {
      this.invalidate();
      return this.build();
    }
    // Expected progress moves with the calendar: a new day is a change too.
    if (this.snapshotDay !== this.clock.today()) this.invalidate();
    if (!this.snapshot) {
      this.snapshotDay = this.clock.today();
      const generation = this.generation;
      const building = this.build();
      this.snapshot = building;
      building.catch(() => {
        if (this.generation === generation) this.snapshot = null;
      });
    }
    return this.snapshot;
  }

  /** The cached body for `key`, rendered from the current snapshot the first time it is asked for. */
  async body(key: string, render: (snapshot: Snapshot) => { body: string; contentType: string } | null): Promise<CachedBody | null> {
    const cached = this.feed.listening ? this.bodies.get(key) : undefined;
    if (cached) {
      this.remember(key, cached);
      return cached;
    }
    // current() may invalidate (a new day), so the generation to compare with is the one after it.
    const snapshot = this.current();
    const generation = this.generation;
    const rendered = render(await snapshot);
    // Nothing is kept for a key that found nothing: clients choose the ids in the keys.
    if (!rendered) return null;
    const body = Buffer.from(rendered.body);
    const entry = { body, contentType: rendered.contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    if (this.generation === generation && this.feed.listening) this.remember(key, entry);
    return entry;
  }

  private build(): Promise<Snapshot> {
    return this.repository.loadPublished().then((data) => toSnapshot(data, this.clock.today()));
  }

  /** Stores `entry` as the most recently used, evicting the least recently used beyond the bound. */
  private remember(key: string, entry: CachedBody): void {
    this.bodies.delete(key);
    this.bodies.set(key, entry);
    if (this.bodies.size > MAX_CACHED_BODIES) {
      const [oldest] = this.bodies.keys();
      this.bodies.delete(oldest);
    }
  }
}
