import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';

/** Sessions and the guard in front of every route. */
@Global()
@Module({
  providers: [SessionsRepository, PasswordHasher, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionsRepository, PasswordHasher],
})
export class SessionCoreModule {}
