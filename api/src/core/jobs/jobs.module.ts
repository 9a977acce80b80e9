import { Global, Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { Scheduler } from './scheduler';

/** The job queue and scheduler every module registers its jobs with. */
@Global()
@Module({
  controllers: [JobsController],
  providers: [Scheduler],
  exports: [Scheduler],
})
export class JobsModule {}
