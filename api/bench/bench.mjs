// npm run bench [-- --sizes 1000,10000 --duration 10 --connections 50 --database-url URL --smoke]
// Measures the app side by side with the limit of the machine: see api/bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSession, dashboardStatements, fillDatabase, freePort, migrate, openBenchDatabase, parseArgs, ROOT } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));
const smoke = Boolean(args.smoke);
const sizes = String(args.sizes ?? (smoke ? '20' : '1000,10000'))
  .split(',')
  .map(Number);
const duration = Number(args.duration ?? (smoke ? 1 : 10));
const connections = Number(args.connections ?? 50);
const samples = Number(args.samples ?? (smoke ? 5 : 30));
const outDir = args.out ?? join(ROOT, smoke ? 'tmp/bench-smoke' : 'bench-results');
const log = (...parts) => console.error(...parts);

const TARGETS = { publicVsNginx: 0.5, dashboardVsFloor: 2, dashboardGrowth: 1.5, initialJsKb: 100 };
/** The reference size for the public JSON, the writes and the floor ratio: 10k, or the nearest run. */
const reference = sizes.reduce((best, n) => (Math.abs(Math.log(n / 10000)) < Math.abs(Math.log(best / 10000)) ? n : best));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (x, digits = 1) => (x == null ? null : Number(x.toFixed(digits)));
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/** Starts the built API on the bench database (no web app, no demo data) and waits until it answers. */
async function startApp(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/api/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: '', DEMO_DATA: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
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

/** nginx from Debian's packages serving `body` as a static file, or null when it cannot be had. */
async function startNginx(body, contentType) {
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
  writeFileSync(join(prefix, 'initiatives.json'), body);
  const port = await freePort();
  const workers = args['nginx-workers'] ?? 'auto';
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
    location = /api/public/initiatives { default_type ${contentType}; try_files /initiatives.json =404; }
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
  return null;
}

/** (a) The public JSON through the API vs nginx serving the same bytes. */
async function measurePublic(app) {
  const response = await fetch(`${app.base}/api/public/initiatives`);
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? 'application/json';
  const apiRun = await load({ url: `${app.base}/api/public/initiatives` });
  const result = { bytes: body.length, api: { rps: apiRun.requests.average, p99: apiRun.latency.p99, non2xx: apiRun.non2xx, errors: apiRun.errors } };
  const nginx = await startNginx(body, contentType.split(';')[0]);
  if (!nginx) return { ...result, nginx: null, note: 'nginx not installed and not installable here: row skipped' };
  try {
    const same = Buffer.from(await (await fetch(`${nginx.base}/api/public/initiatives`)).arrayBuffer());
    if (!same.equals(body)) throw new Error('nginx does not serve the identical bytes');
    const nginxRun = await load({ url: `${nginx.base}/api/public/initiatives` });
    return { ...result, nginx: { rps: nginxRun.requests.average, p99: nginxRun.latency.p99, version: nginx.version, workers: nginx.workers } };
  } finally {
    await nginx.stop();
  }
}

/** (b) GET /api/dashboard one at a time vs the same five statements through `pg` (at once, as the service does). */
async function measureDashboard(app, databaseUrl, session) {
  const headers = { cookie: `fremdrift_session=${session.token}` };
  const api = [];
  let apiHeadline;
  for (let i = 0; i < samples + 3; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${app.base}/api/dashboard`, { headers });
    const json = await response.json();
    if (!response.ok) throw new Error(`GET /api/dashboard answered ${response.status}: ${JSON.stringify(json)}`);
    if (i >= 3) api.push(Number(process.hrtime.bigint() - started) / 1e6);
    apiHeadline = json.headline;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  const floor = [];
  let floorHeadline;
  try {
    const statements = Object.values(dashboardStatements(today()));
    for (let i = 0; i < samples + 3; i++) {
      const started = process.hrtime.bigint();
      const [headline] = await Promise.all(statements.map(({ sql, params }) => pool.query(sql, params)));
      if (i >= 3) floor.push(Number(process.hrtime.bigint() - started) / 1e6);
      floorHeadline = headline.rows[0];
    }
  } finally {
    await pool.end();
  }
  if (apiHeadline.initiatives !== floorHeadline.initiatives) {
    throw new Error(`The floor SQL and the API disagree (${floorHeadline.initiatives} vs ${apiHeadline.initiatives} initiatives): check the data of the run`);
  }
  return {
    api: { p50: percentile(api, 50), p95: percentile(api, 95) },
    floor: { p50: percentile(floor, 50), p95: percentile(floor, 95) },
    initiatives: apiHeadline.initiatives,
  };
}

/** (c) Status updates written through the API by one signed-in admin, audit trail included. */
async function measureWrites(app, databaseUrl, session) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id, health FROM initiative WHERE status IN ('in_progress', 'planned', 'on_hold') ORDER BY id LIMIT 1000`);
    const countAudit = async () => Number((await client.query(`SELECT count(*) FROM audit_event WHERE entity_type = 'status_update'`)).rows[0].count);
    const auditBefore = await countAudit().catch(() => null);
    const day = today();
    const periodStart = `${day.slice(0, 7)}-01`;
    const periodEnd = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
    let next = 0;
    const run = await load({
      url: app.base,
      connections: Math.min(connections, 10),
      requests: [
        {
          method: 'POST',
          headers: { cookie: `fremdrift_session=${session.token}`, 'x-xsrf-token': session.csrfToken, 'content-type': 'application/json' },
          setupRequest: (request) => {
            const initiative = rows[next++ % rows.length];
            return {
              ...request,
              path: `/api/initiatives/${initiative.id}/status-updates`,
              body: JSON.stringify({ periodStart, periodEnd, health: initiative.health, narrative: 'Benchmark-statusopdatering.' }),
            };
          },
        },
      ],
    });
    const auditAfter = await countAudit().catch(() => null);
    return {
      writesPerSecond: run['2xx'] / run.duration,
      ok: run['2xx'],
      non2xx: run.non2xx,
      p99: run.latency.p99,
      auditEvents: auditBefore == null ? null : auditAfter - auditBefore,
    };
  } finally {
    await client.end();
  }
}

/** The lazy component of the public front page (`/`), as web/src/app/features/public/public.routes.ts loads it. */
const PUBLIC_FRONT_PAGE = 'web/src/app/features/public/front-page/front-page.ts';

/**
 * (d) The public route's initial JavaScript: what a first visit to the public front page needs
 * before it renders. The scripts index.html loads (`<script src>`, `modulepreload`), the front
 * page's lazy chunk, and every chunk these import statically, as the build's stats
 * (`dist/web/browser-stats.json`, the esbuild metafile) list them; each gzip'd at level 9, summed.
 * The brotli copies the app actually serves are reported beside it.
 */
function measureInitialJs() {
  const browser = join(ROOT, 'dist/web/browser');
  const indexFile = join(browser, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const loaded = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="modulepreload"/g),
  ]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src));
  const statsFile = join(ROOT, 'dist/web/browser-stats.json');
  const outputs = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')).outputs : {};
  const frontPage = Object.keys(outputs).find((file) => outputs[file].entryPoint === PUBLIC_FRONT_PAGE) ?? null;
  const files = new Set();
  const pending = [...loaded, ...(frontPage ? [frontPage] : [])];
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
      frontPage: file === frontPage,
    };
  });
  const sum = (key) => sizes.reduce((total, f) => total + f[key], 0) / 1024;
  return { files: sizes, kb: sum('gzip'), brKb: sum('br'), frontPage };
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

const pass = (ok) => (ok == null ? 'n/a' : ok ? '✅ pass' : '❌ fail');
const fmt = (n, unit = '') => (n == null ? '–' : `${Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit}`);

function table(results) {
  const rows = [['measure', 'Fremdrift', 'reference', 'ratio', 'target', 'result']];
  const { publicJson: p, dashboards: d, writes: w, initialJs: js } = results;
  if (p.nginx) {
    const ratio = p.api.rps / p.nginx.rps;
    rows.push([
      `(a) public JSON, ${fmt(p.bytes / 1024)} kB, ${results.reference} initiatives: req/s (p99)`,
      `${fmt(p.api.rps)} (${fmt(p.api.p99, ' ms')})`,
      `nginx ${fmt(p.nginx.rps)} (${fmt(p.nginx.p99, ' ms')})`,
      `${fmt(ratio * 100, ' %')}`,
      `≥ ${TARGETS.publicVsNginx * 100} % of nginx`,
      pass(ratio >= TARGETS.publicVsNginx),
    ]);
  } else {
    rows.push([`(a) public JSON: req/s (p99)`, `${fmt(p.api.rps)} (${fmt(p.api.p99, ' ms')})`, p.note, '–', '≥ 50 % of nginx', 'skipped']);
  }
  for (const [n, r] of Object.entries(d)) {
    const ratio = r.api.p50 / r.floor.p50;
    rows.push([
      `(b) dashboard, ${Number(n).toLocaleString('en-US')} initiatives: p50 / p95`,
      `${fmt(r.api.p50, ' ms')} / ${fmt(r.api.p95, ' ms')}`,
      `SQL via pg ${fmt(r.floor.p50, ' ms')} / ${fmt(r.floor.p95, ' ms')}`,
      `${fmt(ratio, '×')}`,
      Number(n) === results.reference ? `p50 ≤ ${TARGETS.dashboardVsFloor}× floor` : '(informative)',
      Number(n) === results.reference ? pass(ratio <= TARGETS.dashboardVsFloor) : '',
    ]);
  }
  const ns = Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b);
  if (ns.length > 1) {
    const small = ns[0];
    const large = ns[ns.length - 1];
    const growth = d[large].api.p50 / d[small].api.p50;
    const official = small <= 1000 && large >= 100000;
    rows.push([
      `(b) dashboard growth, p50 at ${large.toLocaleString('en-US')} vs ${small.toLocaleString('en-US')}`,
      fmt(d[large].api.p50, ' ms'),
      fmt(d[small].api.p50, ' ms'),
      fmt(growth, '×'),
      `≤ ${TARGETS.dashboardGrowth}× (100k vs 1k)`,
      official ? pass(growth <= TARGETS.dashboardGrowth) : `${pass(growth <= TARGETS.dashboardGrowth)} (sizes not 1k→100k)`,
    ]);
  }
  rows.push([
    `(c) status-update writes (audit trail included), ${results.reference} initiatives`,
    `${fmt(w.writesPerSecond)} /s (p99 ${fmt(w.p99, ' ms')})`,
    `${fmt(w.auditEvents)} audit events for ${fmt(w.ok)} writes`,
    '–',
    '(informative)',
    w.non2xx ? `❌ ${w.non2xx} non-2xx` : '',
  ]);
  rows.push(
    js
      ? [
          `(d) public route initial JS (gzip -9, ${js.files.length} files${js.frontPage ? ' incl. the front page chunk' : ', index.html only: no build stats'})`,
          fmt(js.kb, ' kB'),
          `served as brotli: ${fmt(js.brKb, ' kB')}`,
          '–',
          `≤ ${TARGETS.initialJsKb} kB`,
          pass(js.kb <= TARGETS.initialJsKb),
        ]
      : ['(d) public route initial JS', 'dist/web/browser missing: `npx nx build web`', '–', '–', `≤ ${TARGETS.initialJsKb} kB`, 'skipped'],
  );
  return rows
    .map((r) => `| ${r.join(' | ')} |`)
    .map((line, i) => (i === 1 ? `|${' --- |'.repeat(rows[0].length)}\n${line}` : line))
    .join('\n');
}

// The smoke run gets a throwaway cluster, so that it never meets a real benchmark's data.
const throwaway = smoke && !args['database-url'] ? mkdtempSync(join(tmpdir(), 'fremdrift-bench-smoke-')) : null;
if (throwaway) chmodSync(throwaway, 0o755);
const database = await openBenchDatabase({
  databaseUrl: args['database-url'] || process.env.BENCH_DATABASE_URL,
  dataDir: throwaway ? join(throwaway, 'pg') : undefined,
  log,
});
const results = { date: new Date().toISOString(), sizes, duration, connections, samples, reference, dashboards: {} };
try {
  migrate(database.url);
  results.machine = await machine(database.url);
  for (const n of [...sizes].sort((a, b) => a - b)) {
    log(`\n== ${n} initiatives: generating`);
    results[`data${n}`] = await fillDatabase(database.url, n, { log });
    const session = await createSession(database.url, 'admin');
    const app = await startApp(database.url);
    try {
      log(`== ${n} initiatives: dashboard (${samples} samples)`);
      results.dashboards[n] = await measureDashboard(app, database.url, session);
      if (n === reference) {
        log(`== ${n} initiatives: public JSON (${duration} s × ${connections} connections, API then nginx)`);
        results.publicJson = await measurePublic(app);
        log(`== ${n} initiatives: status-update writes (${duration} s)`);
        results.writes = await measureWrites(app, database.url, session);
      }
    } finally {
      await app.stop();
    }
  }
  results.initialJs = measureInitialJs();
} finally {
  await database.stop();
  if (throwaway) rmSync(throwaway, { recursive: true, force: true });
}

const markdown = table(results);
console.log(markdown);
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ ...results, table: markdown }, null, 2)}\n`);
log(`\nSaved ${file}`);
if (!smoke) {
  const m = results.machine;
  writeFileSync(
    join(ROOT, 'api/bench/RESULTS.md'),
    `# Latest benchmark results

Written by \`npm run bench\` on ${results.date.slice(0, 10)} (how to read it: [README.md](README.md)).

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; PostgreSQL ${m.postgres}; ${m.platform}.
Run: sizes ${sizes.join(', ')} initiatives; load ${duration} s × ${connections} connections (writes: ${Math.min(connections, 10)}); ${samples} dashboard samples per size${results.publicJson?.nginx ? `; ${results.publicJson.nginx.version}, worker_processes ${results.publicJson.nginx.workers}` : ''}.

${markdown}
`,
  );
  log('Updated api/bench/RESULTS.md');
}
