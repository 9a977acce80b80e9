import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DelayCausesModule } from '../delay-causes/delay-causes.module';
import { FollowModule } from '../follow/follow.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { StatusUpdateEntity } from './status-update.entity';
import { StatusUpdatesController } from './status-updates.controller';
import { StatusUpdatesRepository } from './status-updates.repository';
import { StatusUpdatesService } from './status-updates.service';

@Module({
  imports: [TypeOrmModule.forFeature([StatusUpdateEntity]), InitiativesModule, DelayCausesModule, FollowModule],
  controllers: [StatusUpdatesController],
  providers: [StatusUpdatesService, StatusUpdatesRepository],
})
export class StatusUpdatesModule {}
