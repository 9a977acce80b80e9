import { Module } from '@nestjs/common';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxSender } from './outbox-sender';
import { OutboxService } from './outbox.service';

/** E-mail written in the same transaction as the decision to send it, delivered by the `outbox.send` job. */
@Module({
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxSender, OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}
