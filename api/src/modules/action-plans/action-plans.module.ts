import { Module } from '@nestjs/common';
import { ActionPlansController } from './action-plans.controller';
import { ActionPlansRepository } from './action-plans.repository';
import { ActionPlansService } from './action-plans.service';

@Module({
  controllers: [ActionPlansController],
  providers: [ActionPlansService, ActionPlansRepository],
  exports: [ActionPlansRepository],
})
export class ActionPlansModule {}
