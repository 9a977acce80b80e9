import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { FollowController } from './follow.controller';
import { FollowLinks } from './follow-links';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';
import { FollowThrottle } from './follow-throttle';

/** Citizens following initiatives and plans by e-mail; the status updates module tells it of approved texts. */
@Module({
  imports: [OutboxModule],
  controllers: [FollowController],
  providers: [FollowService, FollowRepository, FollowLinks, FollowThrottle],
  exports: [FollowService],
})
export class FollowModule {}
