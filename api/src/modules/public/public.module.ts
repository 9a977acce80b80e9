import { Module } from '@nestjs/common';
import { PublicCatalog } from './public-catalog';
import { PublicController } from './public.controller';
import { PublicRepository } from './public.repository';

@Module({
  controllers: [PublicController],
  providers: [PublicCatalog, PublicRepository],
})
export class PublicModule {}
