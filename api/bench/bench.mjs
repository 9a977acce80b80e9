// npm run bench [-- --sizes 1000,10000,100000 --duration 10 --connections 50 --database-url URL --only dashboard,public,writes,lighthouse,js --smoke]
// Every target as a ratio against a reference measured side by side in the same run: see api/bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSession, dashboardStatements, fillDatabase, freePort, migrate, openBenchDatabase, parseArgs, rebuildRollups, ROOT } from './lib.mjs';
import { CATEGORIES, chromiumPath, lighthouseRun } from './lighthouse.mjs';

export const DEFAULT_SIZES = '1000,10000,100000';

const args = parseArgs(process.argv.slice(2));
const smoke = Boolean(args.smoke);
const sizes = String(args.sizes ?? (smoke ? '20' : DEFAULT_SIZES))
  .split(',')
  .map(Number);
const duration = Number(args.duration ?? (smoke ? 1 : 10));
const connections = Number(args.connections ?? 50);
/** Writes through the API and through `pg` alike. */
const writeConnections = Math.min(connections, 10);
const samples = Number(args.samples ?? (smoke ? 5 : 30));
/** Dashboard sampling stops after this many seconds per size once it has 5 samples (a slow dashboard must not take hours). */
const sampleSeconds = Number(args['sample-seconds'] ?? 60);
const outDir = args.out ?? join(ROOT, smoke ? 'tmp/bench-smoke' : 'bench-results');
const log = (...parts) => console.error(...parts);
/** The rows to measure (all by default): a developer working on one of them need not wait for the others. */
const ROWS = ['dashboard', 'public', 'writes', 'lighthouse', 'js'];
const only = new Set(args.only ? String(args.only).split(',') : ROWS);
const unknownRows = [...only].filter((row) => !ROWS.includes(row));
if (unknownRows.length > 0) throw new Error(`--only knows ${ROWS.join(', ')}, not ${unknownRows.join(', ')}`);

const TARGETS = {
  dashboardVsTrivial: 3,
  dashboardGrowth: 1.5,
  publicVsNginx: 0.6,
  writesVsPg: 0.5,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  cls: 0.02,
  initialJsKb: 100,
};
const CATEGORY_LABELS = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'best pr.', seo: 'SEO' };
/** The browser's Accept-Encoding for the public catalogue (autocannon sends none unless told). */
const BROWSER_ACCEPT_ENCODING = 'br, gzip';
/** The reference size for the public page, the writes and Lighthouse: 10k, or the nearest run. */
const reference = sizes.reduce((best, n) => (Math.abs(Math.log(n / 10000)) < Math.abs(Math.log(best / 10000)) ? n : best));

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (x, digits = 1) => (x == null ? null : Number(x.toFixed(digits)));
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const elapsedMs = (started) => Number(process.hrtime.bigint() - started) / 1e6;

/**
 * Starts the built API (with the built web app, for Lighthouse) on the bench database and waits
 * until it answers. Its public URL is its own address, as a deployment's is.
 */
async function startApp(databaseUrl) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const webRoot = join(ROOT, 'dist/web/browser');
  // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under the bench's load.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_ROOT: existsSync(join(webRoot, 'index.html')) ? webRoot : '',
      PUBLIC_URL: base,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))) };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('The API did not become healthy in 30 s');
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A GET whose body comes back as sent (fetch would decompress it). */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * nginx from Debian's packages serving `path` from files: the identity body, and the API's
 * compressed bytes as precompressed files beside it (`gzip_static` for gzip; the same thing by
 * hand for brotli, which stock nginx has no module for). Null when nginx cannot be had.
 */
async function startNginx({ identity, encoded, encoding, contentType }) {
  let binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (!binary && process.getuid?.() === 0 && !args['no-install']) {
    log('nginx is missing: apt-get install -y nginx');
    spawnSync('apt-get', ['install', '-y', 'nginx'], { stdio: 'ignore' });
    binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  }
  if (!binary) return null;
  const prefix = mkdtempSync(join(tmpdir(), 'fremdrift-bench-nginx-'));
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'logs'));
  writeFileSync(join(prefix, 'body'), identity);
  if (encoding === 'gzip') writeFileSync(join(prefix, 'body.gz'), encoded);
  if (encoding === 'br') writeFileSync(join(prefix, 'body.br'), encoded);
  const port = await freePort();
  const workers = args['nginx-workers'] ?? 'auto';
  const brotli = encoding === 'br' ? `if ($http_accept_encoding ~* "\\bbr\\b") { rewrite ^ /body.br last; }` : '';
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes ${workers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/tmp; proxy_temp_path ${prefix}/tmp; fastcgi_temp_path ${prefix}/tmp; uwsgi_temp_path ${prefix}/tmp; scgi_temp_path ${prefix}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${prefix};
    location = /api/public/initiatives {
      default_type ${contentType};
      add_header Vary Accept-Encoding;
      gzip_static on;
      ${brotli}
      try_files /body =404;
    }
    location = /body.br { internal; default_type ${contentType}; add_header Content-Encoding br; add_header Vary Accept-Encoding; }
  }
}
`,
  );
  const child = spawn(binary, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/api/public/initiatives`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      const version = spawnSync(binary, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '');
      return {
        base,
        version,
        workers,
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGQUIT');
          }).then(() => rmSync(prefix, { recursive: true, force: true })),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  rmSync(prefix, { recursive: true, force: true });
  return null;
}

/**
 * (b) A page of the public catalogue through the API, compressed as a browser asks for it, vs nginx
 * serving the very same compressed bytes from a precompressed file. The paged endpoint answers
 * `{ items, total, page, pageSize … }`; before paging it answered every initiative at once.
 */
async function measurePublic(app) {
  const pagePath = '/api/public/initiatives?page=1';
  const headers = { 'accept-encoding': BROWSER_ACCEPT_ENCODING };
  const json = await (await fetch(`${app.base}${pagePath}`)).json();
  const paged = typeof json.page === 'number' || typeof json.total === 'number';
  const path = paged ? pagePath : '/api/public/initiatives';
  const first = await rawGet(`${app.base}${path}`, headers);
  if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
  const encoding = first.headers['content-encoding'] ?? null;
  const contentType = String(first.headers['content-type'] ?? 'application/json').split(';')[0];
  const identity = (await rawGet(`${app.base}${path}`)).body;
  const result = {
    path,
    paged,
    pageSize: paged ? (json.pageSize ?? json.items?.length ?? null) : null,
    items: json.items?.length ?? null,
    encoding,
    bytes: first.body.length,
    identityBytes: identity.length,
  };
  // Warm the route up (JIT, the page's cache) before it is measured; nginx needs none.
  await load({ url: `${app.base}${path}`, headers, duration: 1 });
  const apiRun = await load({ url: `${app.base}${path}`, headers });
  result.api = { rps: apiRun.requests.average, p99: apiRun.latency.p99, non2xx: apiRun.non2xx, errors: apiRun.errors };
  const nginx = await startNginx({ identity, encoded: first.body, encoding, contentType });
  if (!nginx) return { ...result, nginx: null, note: 'nginx not installed and not installable here: row skipped' };
  try {
    const same = await rawGet(`${nginx.base}${path}`, headers);
    if ((same.headers['content-encoding'] ?? null) !== encoding || !same.body.equals(first.body)) {
      throw new Error(
        `nginx does not serve the identical bytes (${same.headers['content-encoding']} ${same.body.length} B vs ${encoding} ${first.body.length} B)`,
      );
    }
    const nginxRun = await load({ url: `${nginx.base}${path}`, headers });
    return {
      ...result,
      nginx: { rps: nginxRun.requests.average, p99: nginxRun.latency.p99, non2xx: nginxRun.non2xx, version: nginx.version, workers: nginx.workers },
    };
  } finally {
    await nginx.stop();
  }
}

/** One signed-in GET, timed; the body is read to its end. */
async function timedGet(url, headers) {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers });
  const body = await response.text();
  return { ms: elapsedMs(started), status: response.status, body };
}

/**
 * Computations of the view not counted: PostgreSQL plans a named statement for its values the first
 * five times on each connection, and caches a plan after that, as a process that has run a while has.
 */
const COLD_WARM_UPS = 10;

/**
 * (a) GET /api/dashboard one at a time, each followed by the trivial signed-in request
 * (GET /api/auth/me) under the same conditions. Up to `samples` of each after warm-ups, or as many
 * as fit in `sampleSeconds` (at least 5). The same statements through `pg` are reported beside
 * them (informative) when the built API exports them.
 */
async function measureDashboard(app, databaseUrl, session) {
  const headers = { cookie: `fremdrift_session=${session.token}` };
  const dashboard = [];
  const trivial = [];
  let failures = 0;
  let lastFailure = null;
  let headline = null;
  const started = Date.now();
  for (let i = 0; i < samples + 3; i++) {
    const warmUp = i < 3;
    const d = await timedGet(`${app.base}/api/dashboard`, headers);
    const me = await timedGet(`${app.base}/api/auth/me`, headers);
    if (me.status !== 200) throw new Error(`GET /api/auth/me answered ${me.status}: ${me.body.slice(0, 300)}`);
    if (d.status === 200) headline = JSON.parse(d.body).headline ?? headline;
    else {
      failures++;
      lastFailure = `${d.status}: ${d.body.slice(0, 200)}`;
    }
    if (warmUp) {
      // A slow dashboard gets one warm-up, not three.
      if (Date.now() - started > (sampleSeconds * 1000) / 4) i = 2;
      continue;
    }
    dashboard.push(d.ms);
    trivial.push(me.ms);
    if (dashboard.length >= 5 && Date.now() - started > sampleSeconds * 1000) break;
  }
  // The first request after a change: the app drops what it kept of the dashboard on every change the
  // change feed reports, so a notification like the one any write sends makes the next request compute it.
  // The pause that lets the notification arrive also lets the machine idle, which slows whatever
  // request comes next: the trivial request is measured after the same pause, for the same reference.
  const cold = [];
  const trivialAfterPause = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  const notifier = new pg.Client({ connectionString: databaseUrl });
  await notifier.connect();
  try {
    const coldStarted = Date.now();
    for (let i = 0; i < samples + COLD_WARM_UPS; i++) {
      await notifier.query(`SELECT pg_notify('fremdrift_changes', '{"entity":"*","initiativeId":null}')`);
      await pause();
      const d = await timedGet(`${app.base}/api/dashboard`, headers);
      await pause();
      const me = await timedGet(`${app.base}/api/auth/me`, headers);
      if (i < COLD_WARM_UPS) continue;
      if (d.status !== 200) {
        failures++;
        lastFailure = `${d.status}: ${d.body.slice(0, 200)}`;
      } else {
        cold.push(d.ms);
        trivialAfterPause.push(me.ms);
      }
      if (cold.length >= 5 && Date.now() - coldStarted > sampleSeconds * 1000) break;
    }
  } finally {
    await notifier.end();
  }
  let floor = null;
  try {
    const statements = Object.values(dashboardStatements(today()));
    const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(1, statements.length) });
    try {
      const times = [];
      for (let i = 0; i < Math.min(dashboard.length, samples) + 1; i++) {
        const t = process.hrtime.bigint();
        await Promise.all(statements.map(({ sql, params }) => pool.query(sql, params)));
        if (i > 0) times.push(elapsedMs(t));
      }
      floor = { p50: percentile(times, 50), statements: statements.length };
    } finally {
      await pool.end();
    }
  } catch (error) {
    floor = { error: String(error.message ?? error).slice(0, 200) };
  }
  return {
    samples: dashboard.length,
    api: { p50: percentile(dashboard, 50), p95: percentile(dashboard, 95) },
    cold: { p50: percentile(cold, 50), p95: percentile(cold, 95), samples: cold.length, trivial: { p50: percentile(trivialAfterPause, 50) } },
    trivial: { p50: percentile(trivial, 50), p95: percentile(trivial, 95) },
    floor,
    failures,
    lastFailure,
    initiatives: headline?.initiatives ?? null,
  };
}

/** The write window of this run: the current month, as a lead reports it. */
function reportingPeriod() {
  const day = today();
  const periodStart = `${day.slice(0, 7)}-01`;
  const periodEnd = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { periodStart, periodEnd };
}

/**
 * The statements of the API's write transaction for POST /api/initiatives/:id/status-updates, as
 * StatusUpdatesService.create sends them (checked against PostgreSQL's statement log): the actor
 * for the audit trigger and the repository's INSERT … RETURNING, whose row is the answer. An update
 * without an approved public text queues no follower mail, so the app looks no followers up. The
 * audit, notify_change and rollup triggers fire inside the INSERT on both sides. The health stays
 * the initiative's own, so neither side updates the initiative.
 */
const INSERT_STATUS_UPDATE = `INSERT INTO status_update (initiative_id, period_start, period_end, health, narrative, public_text_state, approved_public_text, baseline_health, author_name, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at AS "createdAt", updated_at AS "updatedAt", version, initiative_id AS "initiativeId", to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", health, narrative, blockers, next_steps AS "nextSteps", internal_text AS "internalText", public_text AS "publicText", public_text_state AS "publicTextState", approved_public_text AS "approvedPublicText", review_comment AS "reviewComment", reviewed_at AS "reviewedAt", reviewer_id AS "reviewerId", reviewer_name AS "reviewerName", baseline_health AS "baselineHealth", delay_cause_id AS "delayCauseId", delay_reason AS "delayReason", no_change AS "noChange", author_name AS "authorName", author_id AS "authorId", reported_at AS "reportedAt"`;

const WARM_UP_WRITES = 20;

/** A `pg` client running the API's write transaction for `actor` (see INSERT_STATUS_UPDATE). */
async function pgWriter(databaseUrl, actor) {
  const { periodStart, periodEnd } = reportingPeriod();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const write = async (initiative) => {
    await client.query('START TRANSACTION');
    await client.query(`SELECT set_config('fremdrift.actor_id', $1, true), set_config('fremdrift.actor_name', $2, true)`, [actor.id, actor.name]);
    await client.query(INSERT_STATUS_UPDATE, [
      initiative.id,
      periodStart,
      periodEnd,
      initiative.health,
      'Benchmark-statusopdatering.',
      'none',
      '',
      initiative.health,
      actor.displayName,
      actor.id,
    ]);
    await client.query('COMMIT');
  };
  return { client, write };
}

/**
 * Gives every initiative of the run this period's status update, through `pg`, before either side
 * is measured. The first update of a period moves the initiative in the reporting counters; a
 * later one changes no figure. Both sides must meet the same state for their statements to be the
 * same work, and the API, measured first, would otherwise pay for every first update alone.
 */
async function reportEach(databaseUrl, initiatives, actor) {
  const writers = await Promise.all(Array.from({ length: writeConnections }, () => pgWriter(databaseUrl, actor)));
  let next = 0;
  let written = 0;
  try {
    await Promise.all(
      writers.map(async ({ write }) => {
        while (next < initiatives.length) {
          await write(initiatives[next++]);
          written++;
        }
      }),
    );
  } finally {
    await Promise.all(writers.map(({ client }) => client.end()));
  }
  return written;
}

/** Writes through `pg`: `writeConnections` clients, each running the write transaction in a loop for `duration` seconds. */
async function rawWrites(databaseUrl, initiatives, actor) {
  const writers = await Promise.all(Array.from({ length: writeConnections }, () => pgWriter(databaseUrl, actor)));
  let next = 0;
  let ok = 0;
  let failed = 0;
  const latencies = [];
  // The same warm-up as the API's, not counted.
  for (const initiative of initiatives.slice(-WARM_UP_WRITES)) await writers[0].write(initiative);
  const until = Date.now() + duration * 1000;
  const started = Date.now();
  try {
    await Promise.all(
      writers.map(async ({ client, write }) => {
        while (Date.now() < until) {
          const initiative = initiatives[next++ % initiatives.length];
          const t = process.hrtime.bigint();
          try {
            await write(initiative);
            ok++;
            latencies.push(elapsedMs(t));
          } catch (error) {
            failed++;
            await client.query('ROLLBACK').catch(() => undefined);
            if (failed === 1) log(`  pg write failed: ${error.message}`);
          }
        }
      }),
    );
  } finally {
    await Promise.all(writers.map(({ client }) => client.end()));
  }
  return { writesPerSecond: ok / ((Date.now() - started) / 1000), ok, failed, p99: percentile(latencies, 99) };
}

/**
 * (c) Status updates written through the API by one signed-in admin (audit trail, rollups and
 * notify included, as in production), then the same transaction's statements through `pg`, with
 * the same number of connections for the same time.
 */
async function measureWrites(app, databaseUrl, session) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id, health FROM initiative WHERE status IN ('in_progress', 'planned', 'on_hold') ORDER BY id LIMIT 1000`);
    const countAudit = async () => Number((await client.query(`SELECT count(*) FROM audit_event WHERE entity_type = 'status_update'`)).rows[0].count);
    const reported = await reportEach(databaseUrl, rows, session.user);
    const { periodStart, periodEnd } = reportingPeriod();
    const writeHeaders = { cookie: `fremdrift_session=${session.token}`, 'x-xsrf-token': session.csrfToken, 'content-type': 'application/json' };
    const body = (initiative) => JSON.stringify({ periodStart, periodEnd, health: initiative.health, narrative: 'Benchmark-statusopdatering.' });
    // Warm-up, not counted: the first writes through a fresh process pay for JIT and statement preparation.
    for (const initiative of rows.slice(-WARM_UP_WRITES)) {
      const response = await fetch(`${app.base}/api/initiatives/${initiative.id}/status-updates`, {
        method: 'POST',
        headers: writeHeaders,
        body: body(initiative),
      });
      if (response.status !== 201) throw new Error(`POST status-updates answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    const auditBefore = await countAudit().catch(() => null);
    let next = 0;
    const run = await load({
      url: app.base,
      connections: writeConnections,
      requests: [
        {
          method: 'POST',
          headers: writeHeaders,
          setupRequest: (request) => {
            const initiative = rows[next++ % rows.length];
            return { ...request, path: `/api/initiatives/${initiative.id}/status-updates`, body: body(initiative) };
          },
        },
      ],
    });
    const auditAfter = await countAudit().catch(() => null);
    const api = {
      initiatives: rows.length,
      reportedBefore: reported,
      writesPerSecond: run['2xx'] / run.duration,
      ok: run['2xx'],
      non2xx: run.non2xx,
      p99: run.latency.p99,
      auditEvents: auditBefore == null ? null : auditAfter - auditBefore,
    };
    const auditBeforePg = await countAudit().catch(() => null);
    const direct = await rawWrites(databaseUrl, rows, session.user);
    const auditAfterPg = await countAudit().catch(() => null);
    return { ...api, pg: { ...direct, auditEvents: auditBeforePg == null ? null : auditAfterPg - auditBeforePg } };
  } finally {
    await client.end();
  }
}

/**
 * (d) Lighthouse, mobile profile, on the public front page, a published initiative's page and a
 * plan's page, anonymous. The smoke run scores the front page's performance only.
 */
async function measureLighthouse(app, databaseUrl) {
  if (!chromiumPath()) return { skipped: 'Chromium missing (apt-get install -y chromium)', pages: [] };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let initiative;
  let plan;
  try {
    [initiative] = (await client.query(`SELECT id FROM initiative WHERE published ORDER BY title, id LIMIT 1`)).rows;
    [plan] = (
      await client.query(
        `SELECT p.id FROM action_plan p WHERE EXISTS (SELECT 1 FROM initiative i WHERE i.action_plan_id = p.id AND i.published) ORDER BY p.title, p.id LIMIT 1`,
      )
    ).rows;
  } finally {
    await client.end();
  }
  const pages = smoke
    ? [{ name: 'front page', path: '/', categories: ['performance'] }]
    : [
        { name: 'front page', path: '/', categories: CATEGORIES },
        ...(initiative ? [{ name: 'initiative page', path: `/initiativ/${initiative.id}`, categories: CATEGORIES }] : []),
        ...(plan ? [{ name: 'plan page', path: `/handleplan/${plan.id}`, categories: CATEGORIES }] : []),
      ];
  const results = [];
  for (const page of pages) {
    log(`   Lighthouse ${page.name} (${page.path})`);
    try {
      results.push({ ...page, ...(await lighthouseRun(`${app.base}${page.path}`, { categories: page.categories })) });
    } catch (error) {
      results.push({ ...page, error: String(error.message ?? error).slice(0, 300) });
    }
  }
  return { pages: results };
}

/**
 * (e) The public route's initial JavaScript: what a first visit to the public front page needs
 * before it renders, read from the HTML the running app answers for `/` (anonymous): every
 * `<script src>` and `modulepreload` it names, every chunk these import statically as the web
 * build's stats list them (`dist/web/browser-stats.json`, the esbuild metafile), and inline
 * scripts other than JSON data blocks; each gzip'd at level 9, summed. The brotli copies the app actually serves are reported
 * beside it.
 */
async function measureInitialJs(app) {
  const browser = join(ROOT, 'dist/web/browser');
  const response = await fetch(`${app.base}/`, { redirect: 'manual' });
  const html = await response.text();
  const loaded = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="modulepreload"/g),
  ]
    .map((m) => (m[1] ?? m[2] ?? m[3]).replace(/^\//, ''))
    .filter((src) => !/^https?:/.test(src));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]))
    .map((m) => m[2])
    .filter((code) => code.trim() !== '');
  const statsFile = join(ROOT, 'dist/web/browser-stats.json');
  const outputs = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')).outputs : {};
  const files = new Set();
  const pending = [...loaded];
  while (pending.length > 0) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    for (const imported of outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') pending.push(imported.path);
  }
  const sizes = [...files].map((file) => {
    const data = readFileSync(join(browser, file));
    const served = join(browser, `${file}.br`);
    return {
      file,
      gzip: gzipSync(data, { level: 9 }).length,
      br: existsSync(served) ? readFileSync(served).length : brotliCompressSync(data).length,
    };
  });
  for (const [i, code] of inline.entries()) {
    const data = Buffer.from(code);
    sizes.push({ file: `inline script ${i + 1}`, gzip: gzipSync(data, { level: 9 }).length, br: brotliCompressSync(data).length });
  }
  const sum = (key) => sizes.reduce((total, f) => total + f[key], 0) / 1024;
  return { status: response.status, files: sizes, kb: sum('gzip'), brKb: sum('br'), htmlKb: Buffer.byteLength(html) / 1024 };
}

async function machine(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return {
    cpu: cpus()[0]?.model?.trim(),
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].server_version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const pass = (ok) => (ok == null ? 'n/a' : ok ? '✅ PASS' : '❌ FAIL');
const fmt = (n, unit = '') => (n == null ? '–' : `${Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit}`);
const count = (n) => Number(n).toLocaleString('en-US');

function table(results) {
  const rows = [['measure', 'Fremdrift', 'reference (same run)', 'ratio', 'target', 'result']];
  const { publicPage: p, dashboards: d, writes: w, lighthouse: lh, initialJs: js } = results;

  for (const [n, r] of Object.entries(d)) {
    const ratio = r.api.p50 / r.trivial.p50;
    const floor = r.floor?.p50 != null ? `; SQL via pg ${fmt(r.floor.p50, ' ms')}` : '';
    const failed = r.failures ? ` (${r.failures} non-2xx: ${r.lastFailure?.slice(0, 40)})` : '';
    rows.push([
      `(a) dashboard, ${count(n)} initiatives, repeated reads: p50 / p95 (${r.samples} samples)`,
      `${fmt(r.api.p50, ' ms')} / ${fmt(r.api.p95, ' ms')}${failed}`,
      `GET /api/auth/me ${fmt(r.trivial.p50, ' ms')}${floor}`,
      fmt(ratio, '×'),
      `p50 ≤ ${TARGETS.dashboardVsTrivial}× /api/auth/me`,
      pass(ratio <= TARGETS.dashboardVsTrivial && !r.failures),
    ]);
    // The view computed afresh, as after any write: the same target, judged on its own row.
    if (r.cold?.p50 != null) {
      const trivial = r.cold.trivial?.p50 ?? r.trivial.p50;
      const coldRatio = r.cold.p50 / trivial;
      rows.push([
        `(a) dashboard, ${count(n)} initiatives, first request after a change: p50 / p95 (${r.cold.samples} samples)`,
        `${fmt(r.cold.p50, ' ms')} / ${fmt(r.cold.p95, ' ms')}${failed}`,
        `GET /api/auth/me after the same 50 ms pause ${fmt(trivial, ' ms')}`,
        fmt(coldRatio, '×'),
        `p50 ≤ ${TARGETS.dashboardVsTrivial}× /api/auth/me`,
        pass(coldRatio <= TARGETS.dashboardVsTrivial && !r.failures),
      ]);
    }
  }
  const ns = Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b);
  if (ns.length > 1) {
    const small = ns[0];
    const large = ns[ns.length - 1];
    // Growth is a property of the data path: measured on the first request after a change, which computes the view.
    const path = (r) => r.cold?.p50 ?? r.api.p50;
    const growth = path(d[large]) / path(d[small]);
    const official = small <= 1000 && large >= 100000;
    rows.push([
      `(a) dashboard growth, p50 of the first request after a change at ${count(large)} vs ${count(small)} initiatives`,
      fmt(path(d[large]), ' ms'),
      fmt(path(d[small]), ' ms'),
      fmt(growth, '×'),
      `≤ ${TARGETS.dashboardGrowth}× (100k vs 1k)`,
      official ? pass(growth <= TARGETS.dashboardGrowth) : `${pass(growth <= TARGETS.dashboardGrowth)} (sizes not 1k→100k)`,
    ]);
  }

  if (p) {
    const what = p.paged
      ? `(b) public catalogue page 1 (${p.items} of ${p.pageSize} per page), ${count(results.reference)} initiatives`
      : `(b) public catalogue (not paged: every published initiative), ${count(results.reference)} initiatives`;
    const body = `${p.encoding ?? 'identity'} ${fmt(p.bytes / 1024, ' kB')} (${fmt(p.identityBytes / 1024, ' kB')} JSON)`;
    if (p.nginx) {
      const ratio = p.api.rps / p.nginx.rps;
      rows.push([
        `${what}, ${body}: req/s (p99)`,
        `${fmt(p.api.rps)} (${fmt(p.api.p99, ' ms')})`,
        `nginx, same bytes precompressed: ${fmt(p.nginx.rps)} (${fmt(p.nginx.p99, ' ms')})`,
        fmt(ratio * 100, ' %'),
        `≥ ${TARGETS.publicVsNginx * 100} % of nginx`,
        p.api.non2xx || p.nginx.non2xx ? `❌ FAIL (${p.api.non2xx + p.nginx.non2xx} non-2xx)` : pass(ratio >= TARGETS.publicVsNginx),
      ]);
    } else {
      rows.push([
        `${what}, ${body}: req/s (p99)`,
        `${fmt(p.api.rps)} (${fmt(p.api.p99, ' ms')})`,
        p.note,
        '–',
        `≥ ${TARGETS.publicVsNginx * 100} % of nginx`,
        'skipped',
      ]);
    }
  }

  if (w) {
    const writeRatio = w.writesPerSecond / w.pg.writesPerSecond;
    rows.push([
      `(c) status-update writes, ${count(results.reference)} initiatives, ${results.writeConnections} connections: writes/s (p99)`,
      `${fmt(w.writesPerSecond)} (${fmt(w.p99, ' ms')}); ${fmt(w.auditEvents)} audit events for ${fmt(w.ok)} writes`,
      `same transaction via pg: ${fmt(w.pg.writesPerSecond)} (${fmt(w.pg.p99, ' ms')})`,
      fmt(writeRatio * 100, ' %'),
      `≥ ${TARGETS.writesVsPg * 100} % of pg`,
      w.non2xx || w.pg.failed ? `❌ FAIL (${w.non2xx} non-2xx, ${w.pg.failed} pg errors)` : pass(writeRatio >= TARGETS.writesVsPg),
    ]);
  }

  if (lh) {
    if (lh.skipped) rows.push(['(d) Lighthouse (mobile)', lh.skipped, '–', '–', '–', 'skipped']);
    for (const page of lh.pages) {
      const target =
        page.categories.map((c) => `${CATEGORY_LABELS[c]} ${TARGETS.lighthouse[c] === 100 ? '100' : `≥ ${TARGETS.lighthouse[c]}`}`).join(', ') +
        `, CLS ≤ ${TARGETS.cls}`;
      if (page.error) {
        rows.push([`(d) Lighthouse (mobile), ${page.name}`, page.error, '–', '–', target, '❌ FAIL']);
        continue;
      }
      const ok = page.categories.every((c) => page.scores[c] != null && page.scores[c] >= TARGETS.lighthouse[c]) && page.cls != null && page.cls <= TARGETS.cls;
      rows.push([
        `(d) Lighthouse (mobile), ${page.name}`,
        `${page.categories.map((c) => `${CATEGORY_LABELS[c]} ${page.scores[c] ?? '–'}`).join(' · ')} · CLS ${page.cls == null ? '–' : round(page.cls, 3)}`,
        `LCP ${fmt(page.lcpMs / 1000, ' s')}, TBT ${fmt(page.tbtMs, ' ms')} (simulated phone)`,
        '–',
        target,
        pass(ok),
      ]);
    }
  }

  rows.push(
    js
      ? [
          `(e) public route initial JS (gzip -9, ${js.files.length} file${js.files.length === 1 ? '' : 's'} named by the HTML of \`/\`)`,
          fmt(js.kb, ' kB'),
          `served as brotli: ${fmt(js.brKb, ' kB')}${js.htmlKb != null ? `; the HTML of \`/\`: ${fmt(js.htmlKb, ' kB')} uncompressed` : ''}`,
          '–',
          `≤ ${TARGETS.initialJsKb} kB`,
          pass(js.kb <= TARGETS.initialJsKb),
        ]
      : ['(e) public route initial JS', 'not measured', '–', '–', `≤ ${TARGETS.initialJsKb} kB`, 'skipped'],
  );
  return rows
    .map((r) => `| ${r.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`)
    .map((line, i) => (i === 1 ? `|${' --- |'.repeat(rows[0].length)}\n${line}` : line))
    .join('\n');
}

/** Generates each size afresh and measures every row; the run's figures, as saved in the JSON. */
async function measureAll() {
  // The smoke run gets a throwaway cluster, so that it never meets a real benchmark's data.
  const throwaway = smoke && !args['database-url'] ? mkdtempSync(join(tmpdir(), 'fremdrift-bench-smoke-')) : null;
  if (throwaway) chmodSync(throwaway, 0o755);
  const runStarted = Date.now();
  const database = await openBenchDatabase({
    databaseUrl: args['database-url'] || process.env.BENCH_DATABASE_URL,
    dataDir: throwaway ? join(throwaway, 'pg') : undefined,
    log,
    fresh: true,
  });
  const results = {
    date: new Date().toISOString(),
    only: args.only ? [...only] : undefined,
    sizes,
    duration,
    connections,
    writeConnections,
    samples,
    sampleSeconds,
    reference,
    dashboards: {},
  };
  try {
    migrate(database.url);
    results.machine = await machine(database.url);
    for (const n of [...sizes].sort((a, b) => a - b)) {
      log(`\n== ${n} initiatives: generating`);
      results[`data${n}`] = await fillDatabase(database.url, n, { log });
      const rollups = rebuildRollups(database.url);
      if (rollups) log(`  ${rollups}`);
      const session = await createSession(database.url, 'admin');
      const app = await startApp(database.url);
      try {
        if (only.has('dashboard')) {
          log(`== ${n} initiatives: dashboard and GET /api/auth/me (up to ${samples} samples or ${sampleSeconds} s)`);
          results.dashboards[n] = await measureDashboard(app, database.url, session);
        }
        if (n === reference) {
          if (only.has('public')) {
            log(`== ${n} initiatives: public catalogue page (${duration} s × ${connections} connections, API then nginx)`);
            results.publicPage = await measurePublic(app);
          }
          if (only.has('writes')) {
            log(`== ${n} initiatives: status-update writes (${duration} s × ${writeConnections} connections, API then pg)`);
            results.writes = await measureWrites(app, database.url, session);
          }
          if (only.has('lighthouse')) {
            log(`== ${n} initiatives: Lighthouse`);
            results.lighthouse = await measureLighthouse(app, database.url);
          }
          if (only.has('js')) {
            log(`== ${n} initiatives: initial JavaScript of the public front page`);
            results.initialJs = await measureInitialJs(app);
          }
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await database.stop();
    if (throwaway) rmSync(throwaway, { recursive: true, force: true });
  }
  results.seconds = (Date.now() - runStarted) / 1000;
  return results;
}

// `--render saved.json` prints (and writes to RESULTS.md) the table of a saved run without measuring again.
const rendering = typeof args.render === 'string';
const results = rendering ? JSON.parse(readFileSync(args.render, 'utf8')) : await measureAll();
const markdown = table(results);
console.log(markdown);
if (!rendering) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...results, table: markdown }, null, 2)}\n`);
  log(`\nSaved ${file} (${Math.round(results.seconds)} s after the build)`);
}
// A run of some rows only (--only) leaves the table of the last full run in place.
if (!smoke && !results.only) {
  const m = results.machine;
  const p = results.publicPage;
  writeFileSync(
    join(ROOT, 'api/bench/RESULTS.md'),
    `# Latest benchmark results

Written by \`npm run bench\` on ${results.date.slice(0, 10)} (how to read it: [README.md](README.md)).

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; PostgreSQL ${m.postgres}; ${m.platform}.
Run: sizes ${results.sizes.join(', ')} initiatives (${Math.round(results.seconds)} s after the build); load ${results.duration} s × ${results.connections} connections (writes: ${results.writeConnections}, both sides); up to ${results.samples} dashboard samples per size (or ${results.sampleSeconds} s); public page \`${p.path}\` with \`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`${p.nginx ? `; ${p.nginx.version}, worker_processes ${p.nginx.workers}` : ''}; Lighthouse ${results.lighthouse.pages.find((page) => page.lighthouse)?.lighthouse ?? '–'}, ${results.lighthouse.pages.find((page) => page.formFactor)?.formFactor ?? 'mobile'} profile.

${markdown}
`,
  );
  log('Updated api/bench/RESULTS.md');
}
