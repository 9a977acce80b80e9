import { Module } from '@nestjs/common';
import { DashboardExportContext } from './dashboard-export-context';
import { ReportingSnapshotsController } from './reporting-snapshots.controller';
import { ReportingSnapshotsRepository } from './reporting-snapshots.repository';
import { ReportingSnapshotsService } from './reporting-snapshots.service';

@Module({
  controllers: [ReportingSnapshotsController],
  providers: [ReportingSnapshotsService, ReportingSnapshotsRepository, DashboardExportContext],
  exports: [ReportingSnapshotsService, DashboardExportContext],
})
export class ReportingSnapshotsModule {}
