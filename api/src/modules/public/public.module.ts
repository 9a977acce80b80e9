import { Module } from '@nestjs/common';
import { OpenDataController } from './dcat/open-data.controller';
import { PublicBodies } from './public-bodies';
import { PublicCatalog } from './public-catalog';
import { PublicController } from './public.controller';
import { PublicRepository } from './public.repository';
import { PublicService } from './public.service';

@Module({
  controllers: [PublicController, OpenDataController],
  providers: [PublicCatalog, PublicRepository, PublicService, PublicBodies],
  exports: [PublicCatalog, PublicService, PublicBodies],
})
export class PublicModule {}
