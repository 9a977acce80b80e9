import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { ReportingSnapshotsModule } from '../reporting-snapshots/reporting-snapshots.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [OutboxModule, ReportingSnapshotsModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository],
})
export class DashboardModule {}
