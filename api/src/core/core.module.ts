import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { Clock } from './clock/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config.provider';
import { ChangeFeed, DATABASE_URL } from './database/change-feed';
import { Database } from './database/database';
import { TransactionRunner } from './database/transaction-runner';
import { LinkSigner } from './security/link-signer';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          plugins: [new ClsPluginTransactional({ adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }) })],
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        Clock,
        Database,
        TransactionRunner,
        ChangeFeed,
        LinkSigner,
      ],
      exports: [APP_CONFIG, Clock, Database, TransactionRunner, ChangeFeed, LinkSigner],
    };
  }
}
