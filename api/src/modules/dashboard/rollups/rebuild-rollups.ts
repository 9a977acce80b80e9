import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../../app.module';
import type { AppConfig } from '../../../core/config/app-config';
import { Database } from '../../../core/database/database';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { REBUILD_DASHBOARD_ROLLUPS, VACUUM_DASHBOARD_ROLLUPS } from '../dashboard-statements';

export interface RollupCounts {
  initiatives: number;
  healthChanges: number;
}

/**
 * Recomputes the dashboard's rollups from the initiatives, milestones and status updates, in one
 * transaction: writers wait for it, readers keep seeing the previous rollups until it commits. Then
 * vacuums and analyses the rollup tables, so that the dashboard reads them at full speed at once.
 */
export async function rebuildDashboardRollups(config: AppConfig, url: string): Promise<RollupCounts> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
  try {
    const db = app.get(Database);
    const counts = await app.get(TransactionRunner).runBookkeeping(async () => {
      // The whole table at once may take longer than a request is allowed to.
      await db.manager.query('SET LOCAL statement_timeout = 0');
      await db.manager.query(REBUILD_DASHBOARD_ROLLUPS);
      const [counts] = await db.manager.query(
        'SELECT (SELECT count(*) FROM dashboard_initiative)::int AS initiatives, (SELECT count(*) FROM dashboard_health_change)::int AS "healthChanges"',
      );
      return counts as RollupCounts;
    });
    const runner = db.manager.connection.createQueryRunner();
    try {
      await runner.query('SET statement_timeout = 0');
      await runner.query(VACUUM_DASHBOARD_ROLLUPS);
    } finally {
      await runner.query('RESET statement_timeout');
      await runner.release();
    }
    return counts;
  } finally {
    await app.close();
  }
}
