import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { Database } from '../../core/database/database';

/** What a link turns off: the reminders (and manual reminders) or the weekly digest. */
export const UNSUBSCRIBE_SCOPES = ['reminders', 'digest'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

/**
 * Signs unsubscribe links so that they work without signing in and cannot be made for someone else.
 * The key is UNSUBSCRIBE_SECRET when configured, else the one the ReportingCycle migration stored.
 */
@Injectable()
export class UnsubscribeSigner {
  private key: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
  ) {}

  async url(userId: string, scope: UnsubscribeScope): Promise<string> {
    const signature = await this.sign(userId, scope);
    return `${this.config.publicUrl}/api/reminders/unsubscribe?user=${encodeURIComponent(userId)}&scope=${scope}&signature=${signature}`;
  }

  async verify(userId: string, scope: UnsubscribeScope, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(userId, scope));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async sign(userId: string, scope: UnsubscribeScope): Promise<string> {
    return createHmac('sha256', await this.secret())
      .update(`unsubscribe:${userId.toLowerCase()}:${scope}`)
      .digest('base64url');
  }

  private secret(): Promise<string> {
    if (this.config.unsubscribeSecret) return Promise.resolve(this.config.unsubscribeSecret);
    this.key ??= this.db.manager.query(`SELECT value FROM app_secret WHERE name = 'unsubscribe'`).then((rows: { value: string }[]) => {
      if (!rows[0]) throw new Error('The unsubscribe key is missing: run the migrations');
      return rows[0].value;
    });
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }
}
