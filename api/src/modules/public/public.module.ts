import { Module } from '@nestjs/common';
import { OpenDataController } from './dcat/open-data.controller';
import { PublicCatalog } from './public-catalog';
import { PublicController } from './public.controller';
import { PublicRepository } from './public.repository';

@Module({
  controllers: [PublicController, OpenDataController],
  providers: [PublicCatalog, PublicRepository],
})
export class PublicModule {}
