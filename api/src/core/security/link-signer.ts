import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.provider';
import { Database } from '../database/database';

/**
 * Signs the links in e-mails (unsubscribe, follow) so that they work without signing in and cannot
 * be made for someone else. The key is UNSUBSCRIBE_SECRET when configured, else the one the
 * ReportingCycle migration stored at installation.
 */
@Injectable()
export class LinkSigner {
  private key: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
  ) {}

  async sign(message: string): Promise<string> {
    return (await this.keyedHash(message)).toString('base64url');
  }

  async verify(message: string, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(message));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** An HMAC of the message: counts or finds a value (an address, say) without keeping it. */
  async keyedHash(message: string): Promise<Buffer> {
    return createHmac('sha256', await this.secret())
      .update(message)
      .digest();
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
