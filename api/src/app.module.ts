import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './core/config/app-config';
import { SessionCoreModule } from './core/auth/session-core.module';
import { CoreModule } from './core/core.module';
import { HealthModule } from './core/health/health.module';
import { dataSourceOptions } from './database/data-source-options';
import { ApprovalsModule } from './modules/approvals/approvals.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ActionPlansModule } from './modules/action-plans/action-plans.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { PublicModule } from './modules/public/public.module';
import { DelayCausesModule } from './modules/delay-causes/delay-causes.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { InitiativesModule } from './modules/initiatives/initiatives.module';
import { MilestonesModule } from './modules/milestones/milestones.module';
import { PartnersModule } from './modules/partners/partners.module';
import { StatusUpdatesModule } from './modules/status-updates/status-updates.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, databaseUrl),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.database)),
        SessionCoreModule,
        HealthModule,
        AuthModule,
        UsersModule,
        AuditModule,
        DelayCausesModule,
        DashboardModule,
        PublicModule,
        DepartmentsModule,
        ActionPlansModule,
        InitiativesModule,
        MilestonesModule,
        StatusUpdatesModule,
        PartnersModule,
        ApprovalsModule,
      ],
    };
  }
}
