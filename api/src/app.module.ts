import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { AppConfig } from './core/config/app-config';
import { SessionCoreModule } from './core/auth/session-core.module';
import { CoreModule } from './core/core.module';
import { HealthModule } from './core/health/health.module';
import { nestLoggerParams } from './core/logging/logging';
import { dataSourceOptions } from './database/data-source-options';
import { ApprovalsModule } from './modules/approvals/approvals.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ActionPlansModule } from './modules/action-plans/action-plans.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { PublicModule } from './modules/public/public.module';
import { PublicSiteModule } from './modules/public-site/public-site.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { DelayCausesModule } from './modules/delay-causes/delay-causes.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { InitiativesModule } from './modules/initiatives/initiatives.module';
import { InitiativeTransferModule } from './modules/initiative-transfer/initiative-transfer.module';
import { MilestonesModule } from './modules/milestones/milestones.module';
import { PartnersModule } from './modules/partners/partners.module';
import { StatusUpdatesModule } from './modules/status-updates/status-updates.module';
import { UsersModule } from './modules/users/users.module';
import { JobsModule } from './core/jobs/jobs.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { FollowModule } from './modules/follow/follow.module';
import { IdentityModule } from './modules/identity/identity.module';
import { SiteMapModule } from './modules/site-map/site-map.module';
import { OidcModule } from './modules/identity/oidc/oidc.module';
import { SamlModule } from './modules/identity/saml/saml.module';
import { ReportingSnapshotsModule } from './modules/reporting-snapshots/reporting-snapshots.module';

@Module({})
export class AppModule {
  /** With `logger`, Nest's Logger writes to it (the HTTP app); without, the CLI keeps Nest's own. */
  static forRoot(config: AppConfig, databaseUrl: string, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(logger ? [LoggerModule.forRoot(nestLoggerParams(logger))] : []),
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
        PublicSiteModule,
        DepartmentsModule,
        ActionPlansModule,
        InitiativesModule,
        InitiativeTransferModule,
        MilestonesModule,
        StatusUpdatesModule,
        PartnersModule,
        ApprovalsModule,
        JobsModule,
        OutboxModule,
        FollowModule,
        RemindersModule,
        IdentityModule,
        SiteMapModule,
        OidcModule,
        SamlModule,
        ReportingSnapshotsModule,
      ],
    };
  }
}
