import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { ReportingSnapshotsModule } from '../reporting-snapshots/reporting-snapshots.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { DashboardViewCache } from './dashboard-view-cache';

@Module({
  imports: [OutboxModule, ReportingSnapshotsModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, DashboardViewCache],
})
export class DashboardModule {}
