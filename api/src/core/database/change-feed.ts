import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** A committed write, as the notify_change trigger reports it. */
export interface DataChange {
  entity: string;
  initiativeId: string | null;
}

/**
 * Sent after the feed listens again following a lost connection: changes committed meanwhile were
 * not reported, so anything may have changed.
 */
export const ANYTHING_MAY_HAVE_CHANGED: DataChange = Object.freeze({ entity: '*', initiativeId: null });

const CHANNEL = 'fremdrift_changes';
const FIRST_RETRY_MS = 250;
/** Kept short: while the feed is down, caches are bypassed and every reader queries the database. */
const MAX_RETRY_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** TCP keepalive, so that a connection whose peer vanished without closing it is noticed at all. */
const KEEPALIVE_DELAY_MS = 10_000;

/**
 * Committed changes from PostgreSQL (LISTEN/NOTIFY), so that every API process learns of writes
 * made by any other. One connection per process, re-established when it drops. Only while
 * `listening` is every committed change reported; after a reconnect, `changes` emits
 * ANYTHING_MAY_HAVE_CHANGED so that subscribers drop whatever they derived from the database.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly subject = new Subject<DataChange>();
  /** The one client that may still become (or is) the listener; events of any other are stale. */
  private client: Client | null = null;
  private listeningNow = false;
  private missedChanges = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = FIRST_RETRY_MS;
  private stopped = false;

  readonly changes: Observable<DataChange> = this.subject.asObservable();

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Whether every change committed from now on will be reported. */
  get listening(): boolean {
    return this.listeningNow;
  }

  /**
   * Tells this process at once that a unit of work it ran has committed, so that a client reads its
   * own write here without waiting for the notification's round trip through PostgreSQL (which
   * still tells every other process). `change` must cover everything the unit of work wrote.
   */
  committedHere(change: DataChange = ANYTHING_MAY_HAVE_CHANGED): void {
    this.subject.next(change);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.listeningNow = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    // Also ends a connection still being made, which would otherwise stay open after shutdown.
    await client?.end().catch(() => undefined);
    this.subject.complete();
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        this.subject.next(JSON.parse(message.payload) as DataChange);
      } catch {
        this.logger.warn(`Ignored a malformed change notification: ${message.payload}`);
      }
    });
    // pg reports a lost connection as 'error' and then 'end', a failed attempt by rejecting and
    // then 'end': whichever comes first counts, the rest are ignored.
    client.on('error', (error) => this.connectionLost(client, error));
    client.on('end', () => this.connectionLost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.connectionLost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.listeningNow = true;
    this.retryDelayMs = FIRST_RETRY_MS;
    if (this.missedChanges) {
      this.missedChanges = false;
      this.logger.log('Change feed is listening again');
      this.subject.next(ANYTHING_MAY_HAVE_CHANGED);
    }
  }

  private connectionLost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listeningNow = false;
    this.missedChanges = true;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`Change feed lost its connection (${String(error)}); retrying in ${this.retryDelayMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_MS);
  }
}
