// Runs the whole benchmark harness on 20 initiatives with one second of load (on a throwaway
// embedded PostgreSQL) and checks that every row comes out with a verdict. Targets are not
// asserted: a 1-second run on a busy CI machine says nothing about speed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

describe('npm run bench (smoke)', () => {
  const out = mkdtempSync(join(tmpdir(), 'fremdrift-bench-out-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures every row on a tiny dataset and saves the JSON', () => {
    const run = spawnSync(process.execPath, ['api/bench/bench.mjs', '--smoke', '--no-install', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 110000,
    });
    if (run.status !== 0) throw new Error(`bench.mjs exited with ${run.status}:\n${run.stderr}`);

    const table = run.stdout;
    expect(table).toContain('| measure | Fremdrift | reference (same run) | ratio | target | result |');
    const rows = table.split('\n').filter((line) => line.startsWith('| ('));
    for (const row of [
      '(a) dashboard, 20 initiatives',
      '(b) public catalogue',
      '(c) status-update writes',
      '(d) Lighthouse (mobile), front page',
      '(e) public route initial JS',
    ]) {
      // Every row is produced with a verdict against its target (the figures of a 1-second run are not judged).
      expect(rows.find((line) => line.startsWith(`| ${row}`))).toMatch(/\| (✅ PASS|❌ FAIL) \|$/);
    }
    expect(table).not.toMatch(/non-2xx|pg errors/);

    const [file] = readdirSync(out).filter((name) => name.endsWith('.json'));
    const results = JSON.parse(readFileSync(join(out, file), 'utf8'));
    expect(results.machine).toEqual(expect.objectContaining({ cores: expect.any(Number), node: expect.any(String), postgres: expect.any(String) }));
    const dashboard = results.dashboards['20'];
    expect(dashboard.initiatives).toBe(20);
    expect(dashboard.failures).toBe(0);
    expect(dashboard.api.p50).toBeGreaterThan(0);
    // The first request after a change is measured too (the app keeps a view's figures until then).
    expect(dashboard.cold.p50).toBeGreaterThan(0);
    expect(dashboard.trivial.p50).toBeGreaterThan(0);
    // The public catalogue is measured compressed, and nginx served the identical bytes.
    expect(results.publicPage.encoding).toMatch(/^(br|gzip)$/);
    expect(results.publicPage.api.rps).toBeGreaterThan(0);
    expect(results.publicPage.api.non2xx).toBe(0);
    expect(results.publicPage.nginx.rps).toBeGreaterThan(0);
    // Writes through the API and through pg, each with its audit trail, to initiatives that all had this period's update before either side.
    expect(results.writes.reportedBefore).toBe(results.writes.initiatives);
    expect(results.writes.ok).toBeGreaterThan(0);
    expect(results.writes.auditEvents).toBeGreaterThanOrEqual(results.writes.ok);
    expect(results.writes.pg.ok).toBeGreaterThan(0);
    expect(results.writes.pg.failed).toBe(0);
    expect(results.writes.pg.auditEvents).toBeGreaterThanOrEqual(results.writes.pg.ok);
    // Lighthouse scored the front page (performance only in the smoke).
    expect(results.lighthouse.pages).toEqual([expect.objectContaining({ path: '/', scores: { performance: expect.any(Number) }, cls: expect.any(Number) })]);
    // The initial JavaScript of the public route, read from the HTML the running app answers for `/`.
    expect(results.initialJs.status).toBe(200);
    expect(results.initialJs.htmlKb).toBeGreaterThan(0);
    expect(results.initialJs.files).toEqual(expect.any(Array));
    expect(results.initialJs.kb).toBeGreaterThanOrEqual(0);
    expect(table).toMatch(
      /\| \(e\) public route initial JS \(gzip -9, \d+ files? named by the HTML of `\/`\) \| [\d,.]+ kB \| served as brotli: [\d,.]+ kB; the HTML of `\/`: [\d,.]+ kB uncompressed \|/,
    );
  });
});
