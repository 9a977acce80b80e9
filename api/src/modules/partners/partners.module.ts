import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { InitiativePartnersController, PartnersController } from './partners.controller';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

@Module({
  imports: [InitiativesModule],
  controllers: [PartnersController, InitiativePartnersController],
  providers: [PartnersService, PartnersRepository],
})
export class PartnersModule {}
