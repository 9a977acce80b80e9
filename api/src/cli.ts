import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config/app-config';
import { openDatabaseServer } from './database/database-server';
import { runMigrations } from './database/migrate';
import { seedDemoData } from './database/seed/demo-seeder';

const USAGE = `Usage: node dist/api/cli.js <command>

Commands:
  migrate   apply pending database migrations
  seed      apply migrations and load the demo data (safe to run again)`;

async function run(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const database = await openDatabaseServer(loadConfig());
  try {
    const applied = await runMigrations(database.url);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
    if (command === 'seed') {
      const result = await seedDemoData(database.url);
      console.log(
        `Demo data: ${result.departments} departments, ${result.partners} partners, ${result.plans} action plans, ` +
          `${result.initiatives} initiatives added (existing ones kept).`,
      );
    }
  } finally {
    await database.stop();
  }
}

run(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
