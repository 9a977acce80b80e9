import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { USER_ROLES, type UserRole } from '@fremdrift/contracts';
import { todayIn } from '@fremdrift/progress';
import { ConfigError, loadConfig } from './core/config/app-config';
import { openDatabaseServer } from './database/database-server';
import { runMigrations } from './database/migrate';
import { isCalendarDay } from './database/seed/demo-calendar';
import { seedDemoData } from './database/seed/demo-seeder';
import { createUser, readPassword, UserInputError } from './database/user-admin';
import { rebuildDashboardRollups } from './modules/dashboard/rollups/rebuild-rollups';

const USAGE = `Usage: node dist/api/cli.js <command> [options]

Commands:
  migrate        apply pending database migrations
  seed           apply migrations and load the demo data (safe to run again); its dates are relative
                 to --today <YYYY-MM-DD> (default: DEMO_TODAY, or today in the municipality)
  user:create    create a user: --email <e-mail> --role <${USER_ROLES.join('|')}> [--name <name>]
                 [--department <code>]... ; asks for the password (or reads FREMDRIFT_PASSWORD)
  rollups:rebuild
                 apply migrations and recompute the dashboard's rollups from scratch, in one transaction`;

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'migrate' && command !== 'seed' && command !== 'user:create' && command !== 'rollups:rebuild') {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const options =
    command === 'user:create'
      ? parseArgs({
          args: rest,
          options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, department: { type: 'string', multiple: true } },
        }).values
      : {};
  const seedOptions = command === 'seed' ? parseArgs({ args: rest, options: { today: { type: 'string' } } }).values : {};
  if (seedOptions.today !== undefined && !isCalendarDay(seedOptions.today)) {
    console.error(`seed --today must be a date written YYYY-MM-DD, got "${seedOptions.today}".`);
    process.exitCode = 2;
    return;
  }
  if (command === 'user:create' && (!options.email || !USER_ROLES.includes(options.role as UserRole))) {
    console.error(`user:create needs --email and --role (one of ${USER_ROLES.join(', ')}).`);
    process.exitCode = 2;
    return;
  }

  const config = loadConfig();
  const database = await openDatabaseServer(config);
  try {
    const applied = await runMigrations(database.url);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
    if (command === 'seed') {
      const today = seedOptions.today ?? config.demoToday ?? todayIn(config.timeZone);
      const result = await seedDemoData(database.url, { today });
      console.log(
        `Demo data: ${result.departments} departments, ${result.partners} partners, ${result.plans} action plans, ` +
          `${result.initiatives} initiatives, ${result.accounts} demo accounts added (existing ones kept).`,
      );
    }
    if (command === 'rollups:rebuild') {
      const counts = await rebuildDashboardRollups(config, database.url);
      console.log(`Dashboard rollups rebuilt: ${counts.initiatives} initiatives, ${counts.healthChanges} health changes.`);
    }
    if (command === 'user:create') {
      const password = process.env['FREMDRIFT_PASSWORD'] || (await readPassword(`Password for ${options.email}: `));
      const user = await createUser(config, database.url, {
        email: String(options.email),
        role: options.role as UserRole,
        displayName: options.name ? String(options.name) : String(options.email).split('@')[0],
        departmentCodes: (options.department as string[] | undefined) ?? [],
        password,
      });
      console.log(`Created ${user.role} ${user.email} (${user.id}).`);
    }
  } finally {
    await database.stop();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof UserInputError ? `Error: ${error.message}` : error);
  process.exit(1);
});
