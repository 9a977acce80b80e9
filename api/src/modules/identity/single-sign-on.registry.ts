import { Injectable } from '@nestjs/common';
import type { SingleSignOnProvider } from './single-sign-on';

/**
 * The identity provider this installation signs staff in with. The OIDC and SAML modules register
 * theirs when configured; the configuration allows one of them at most.
 */
@Injectable()
export class SingleSignOnRegistry {
  private provider: SingleSignOnProvider | null = null;

  register(provider: SingleSignOnProvider): void {
    if (this.provider && this.provider.kind !== provider.kind) {
      throw new Error(`An identity provider (${this.provider.kind}) is registered already; ${provider.kind} cannot be added`);
    }
    this.provider = provider;
  }

  current(): SingleSignOnProvider | null {
    return this.provider;
  }
}
