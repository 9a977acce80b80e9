import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OutboxModule } from '../outbox/outbox.module';
import { FORM_TYPE, RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { UnsubscribeSigner } from './unsubscribe-signer';

/** The reporting cycle: reminders, escalations and the weekly digest, written to the outbox by scheduled jobs. */
@Module({
  imports: [OutboxModule],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository, UnsubscribeSigner],
  exports: [RemindersService],
})
export class RemindersModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** The unsubscribe confirmation is a plain HTML form; its (empty) body is not read. Other routes still refuse this type (core/http/json-only.ts). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify && !fastify.hasContentTypeParser(FORM_TYPE)) {
      fastify.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, undefined));
    }
  }
}
