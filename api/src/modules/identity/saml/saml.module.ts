import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity.module';
import { SamlController } from './saml.controller';
import { SamlService } from './saml.service';
import { SamlStateRepository } from './saml-state.repository';

/** Sign-in through a SAML 2.0 identity provider (KOMBIT's Context Handler, AD FS); inert unless `SAML_IDP_METADATA_FILE` is set. */
@Module({
  imports: [IdentityModule],
  controllers: [SamlController],
  providers: [SamlService, SamlStateRepository],
})
export class SamlModule {}
