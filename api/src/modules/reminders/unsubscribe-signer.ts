import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import { LinkSigner } from '../../core/security/link-signer';

/** What a link turns off: the reminders (and manual reminders) or the weekly digest. */
export const UNSUBSCRIBE_SCOPES = ['reminders', 'digest'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

/** The unsubscribe links of reminder and digest mails, signed per user and scope. */
@Injectable()
export class UnsubscribeSigner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: LinkSigner,
  ) {}

  async url(userId: string, scope: UnsubscribeScope): Promise<string> {
    const signature = await this.signer.sign(message(userId, scope));
    return `${this.config.publicUrl}/api/reminders/unsubscribe?user=${encodeURIComponent(userId)}&scope=${scope}&signature=${signature}`;
  }

  verify(userId: string, scope: UnsubscribeScope, signature: string): Promise<boolean> {
    return this.signer.verify(message(userId, scope), signature);
  }
}

const message = (userId: string, scope: UnsubscribeScope) => `unsubscribe:${userId.toLowerCase()}:${scope}`;
