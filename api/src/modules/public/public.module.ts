import { Module } from '@nestjs/common';
import { OpenDataController } from './dcat/open-data.controller';
import { PublicCatalog } from './public-catalog';
import { PublicController } from './public.controller';
import { PublicRepository } from './public.repository';
import { PublicService } from './public.service';

@Module({
  controllers: [PublicController, OpenDataController],
  providers: [PublicCatalog, PublicRepository, PublicService],
  exports: [PublicCatalog, PublicService],
})
export class PublicModule {}
