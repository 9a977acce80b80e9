import { Inject, Injectable } from '@nestjs/common';
import type { DashboardQuery } from '@fremdrift/contracts';
import { todayIn } from '@fremdrift/progress';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.provider';
import type { ExportLanguage } from '../../core/export/labels';
import { ConflictProblemException, invalidField } from '../../core/http/problem';
import type { ExportContext } from '../dashboard/dashboard-export';
import { ReportingSnapshotsRepository } from './reporting-snapshots.repository';
import { ReportingSnapshotsService } from './reporting-snapshots.service';

/**
 * What the dashboard's exports add to the view: the reader's language (asked for, else their own
 * setting, else Danish), one row per initiative in the filter as a snapshot would freeze it, the
 * filter's records by name, and the changes since a snapshot when one is given.
 */
@Injectable()
export class DashboardExportContext {
  constructor(
    private readonly snapshots: ReportingSnapshotsService,
    private readonly repository: ReportingSnapshotsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(userId: string, filters: DashboardQuery, options: { lang?: ExportLanguage; since?: string }): Promise<ExportContext> {
    const since = options.since ? await this.snapshots.summary(options.since) : null;
    if (options.since && !since) throw invalidField('since', 'unknownReference', 'since refers to a reporting snapshot that does not exist');
    if (since?.actionPlanId && filters.actionPlanId && since.actionPlanId !== filters.actionPlanId) {
      throw new ConflictProblemException('The snapshot covers another action plan than the view: there is nothing to compare.');
    }
    const stateFilter = { actionPlanId: filters.actionPlanId, goalId: filters.goalId, department: filters.department, departmentRole: filters.departmentRole };
    const [language, initiatives, filterNames, changes] = await Promise.all([
      options.lang ?? this.repository.languageOf(userId).then((language) => language ?? 'da'),
      this.snapshots.currentInitiatives(stateFilter),
      this.repository.filterNames(filters),
      options.since ? this.snapshots.diffWithin(options.since, stateFilter) : null,
    ]);
    const changesSince = changes ? todayIn(this.config.timeZone, new Date(changes.from.takenAt)) : null;
    return { language, initiatives, filterNames, changes, changesSince };
  }
}
