import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** A committed write, as the notify_change trigger reports it. */
export interface DataChange {
  entity: string;
  initiativeId: string | null;
}

const CHANNEL = 'fremdrift_changes';

/**
 * Committed changes from PostgreSQL (LISTEN/NOTIFY), so that every API process learns of writes
 * made by any other. One connection per process, re-established when it drops.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly subject = new Subject<DataChange>();
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 1000;
  private stopped = false;

  readonly changes: Observable<DataChange> = this.subject.asObservable();

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
    this.subject.complete();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        this.subject.next(JSON.parse(message.payload) as DataChange);
      } catch {
        this.logger.warn(`Ignored a malformed change notification: ${message.payload}`);
      }
    });
    client.on('error', (error) => this.reconnectLater(client, error));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.retryDelayMs = 1000;
    } catch (error) {
      this.reconnectLater(client, error);
    }
  }

  private reconnectLater(client: Client, error?: unknown): void {
    if (this.stopped || (this.client !== client && this.client !== null) || this.retryTimer) return;
    if (error) this.logger.warn(`Change feed lost its connection (${String(error)}); retrying in ${this.retryDelayMs} ms`);
    this.client = null;
    void client.end().catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
  }
}
