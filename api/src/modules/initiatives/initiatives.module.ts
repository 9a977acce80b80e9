import { Module } from '@nestjs/common';
import { ActionPlansModule } from '../action-plans/action-plans.module';
import { DepartmentsModule } from '../departments/departments.module';
import { InitiativesController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

@Module({
  imports: [ActionPlansModule, DepartmentsModule],
  controllers: [InitiativesController],
  providers: [InitiativesService, InitiativesRepository],
  exports: [InitiativesService],
})
export class InitiativesModule {}
