import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { todayIn } from '@fremdrift/progress';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './core/config/app-config';
import { createLogger, nestLoggerOutsideApp } from './core/logging/logging';
import { openDatabaseServer } from './database/database-server';
import { runMigrations } from './database/migrate';
import { isDatabaseEmpty, seedDemoData } from './database/seed/demo-seeder';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = await createLogger(config.log);
  Logger.overrideLogger(nestLoggerOutsideApp(log));
  const logger = new Logger('Fremdrift');
  const database = await openDatabaseServer(config);
  let shuttingDown = false;
  const shutdown = async (signal: string, app?: { close(): Promise<void> }) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log(`${signal} received, shutting down`);
    await app?.close().catch((error: unknown) => logger.error(String(error)));
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await runMigrations(database.url);
    if (config.demoData && (await isDatabaseEmpty(database.url))) {
      const seeded = await seedDemoData(database.url, { today: config.demoToday ?? todayIn(config.timeZone) });
      logger.log(
        `Loaded demo data: ${seeded.departments} departments, ${seeded.plans} action plans, ${seeded.initiatives} initiatives, ${seeded.accounts} demo accounts`,
      );
    }
    const app = await createApp(config, database.url, log);
    process.removeAllListeners('SIGINT').removeAllListeners('SIGTERM');
    process.once('SIGINT', () => void shutdown('SIGINT', app));
    process.once('SIGTERM', () => void shutdown('SIGTERM', app));
    await app.listen({ port: config.port, host: config.host });
    logger.log(`Fremdrift is running on http://localhost:${config.port} (API docs: /api/docs)`);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
