import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config.provider';
import { TransactionRunner } from './database/transaction-runner';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, TransactionRunner],
      exports: [APP_CONFIG, Clock, TransactionRunner],
    };
  }
}
