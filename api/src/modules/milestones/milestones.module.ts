import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { MilestoneEntity } from './milestone.entity';
import { MilestonesController } from './milestones.controller';
import { MilestonesRepository } from './milestones.repository';
import { MilestonesService } from './milestones.service';

@Module({
  imports: [TypeOrmModule.forFeature([MilestoneEntity]), InitiativesModule],
  controllers: [MilestonesController],
  providers: [MilestonesService, MilestonesRepository],
})
export class MilestonesModule {}
