import { Module } from '@nestjs/common';
import { DelayCausesController } from './delay-causes.controller';
import { DelayCausesRepository } from './delay-causes.repository';
import { DelayCausesService } from './delay-causes.service';

@Module({
  controllers: [DelayCausesController],
  providers: [DelayCausesService, DelayCausesRepository],
  exports: [DelayCausesService],
})
export class DelayCausesModule {}
