import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity.module';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { SsoRequestsRepository } from './sso-requests.repository';

/** Sign-in through an OpenID Connect provider; inert unless `OIDC_ISSUER` is set. */
@Module({
  imports: [IdentityModule],
  controllers: [OidcController],
  providers: [OidcService, SsoRequestsRepository],
})
export class OidcModule {}
