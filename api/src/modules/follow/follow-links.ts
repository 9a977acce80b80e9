import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { LinkSigner } from '../../core/security/link-signer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh single-use confirmation token, and the hash that is all the database keeps of it. */
export function newConfirmationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The links in follow mails, and the keys of the rate limit. Unsubscribe links are signed per
 * subscription with the app's unsubscribe key (UNSUBSCRIBE_SECRET, else the one the ReportingCycle
 * migration stored), so that they work without signing in and cannot be made for another follower.
 */
@Injectable()
export class FollowLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: LinkSigner,
  ) {}

  confirmUrl(token: string): string {
    return `${this.config.publicUrl}/api/public/follow/confirm?token=${encodeURIComponent(token)}`;
  }

  async unsubscribeUrl(subscriptionId: string): Promise<string> {
    return `${this.config.publicUrl}/api/public/follow/unsubscribe?token=${await this.unsubscribeToken(subscriptionId)}`;
  }

  async unsubscribeToken(subscriptionId: string): Promise<string> {
    return `${subscriptionId}.${await this.signer.sign(`follow-unsubscribe:${subscriptionId}`)}`;
  }

  /** The subscription a signed unsubscribe token names, or null when the signature does not hold. */
  async verifyUnsubscribe(token: string): Promise<string | null> {
    const [id, signature = ''] = token.split('.', 2);
    if (!id || !UUID.test(id)) return null;
    return (await this.signer.verify(`follow-unsubscribe:${id}`, signature)) ? id : null;
  }

  /** A keyed hash, so that the rate limit counts addresses without keeping them. */
  requestKey(kind: 'ip' | 'email', value: string): Promise<Buffer> {
    return this.signer.keyedHash(`follow-request:${kind}:${value}`);
  }
}
