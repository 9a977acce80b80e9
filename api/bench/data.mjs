// npm run bench:data -- --initiatives N [--database-url URL]
// Fills the bench database (never the app's) with a generated dataset of N initiatives.
import { fillDatabase, migrate, openBenchDatabase, parseArgs, rebuildRollups } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const n = Number(args.initiatives ?? 1000);
if (!Number.isInteger(n) || n < 1) {
  console.error('Usage: npm run bench:data -- --initiatives N [--database-url postgres://…] [--with-audit]');
  process.exit(2);
}
const database = await openBenchDatabase({ databaseUrl: args['database-url'] || process.env.BENCH_DATABASE_URL, fresh: true });
try {
  migrate(database.url);
  console.log(`Filling ${database.url.replace(/:[^:@/]*@/, ':***@')} with ${n} initiatives`);
  const result = await fillDatabase(database.url, n, { audit: Boolean(args['with-audit']) });
  console.log(
    `Done in ${result.seconds.toFixed(1)} s: ${result.initiatives} initiatives, ${result.milestones} milestones, ` +
      `${result.statusUpdates} status updates, ${result.departments} departments, ${result.plans} plans, ${result.auditEvents} audit events.`,
  );
  const rollups = rebuildRollups(database.url);
  if (rollups) console.log(rollups);
} finally {
  await database.stop();
}
