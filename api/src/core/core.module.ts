import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config.provider';
import { ChangeFeed, DATABASE_URL } from './database/change-feed';
import { TransactionRunner } from './database/transaction-runner';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: DATABASE_URL, useValue: databaseUrl }, Clock, TransactionRunner, ChangeFeed],
      exports: [APP_CONFIG, Clock, TransactionRunner, ChangeFeed],
    };
  }
}
