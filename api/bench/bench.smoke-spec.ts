// Runs the whole benchmark harness on 20 initiatives with one second of load (on a throwaway
// embedded PostgreSQL) and checks that every row comes out. Targets are not asserted: a 1-second
// run on a busy CI machine says nothing about speed.
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
      timeout: 170000,
    });
    if (run.status !== 0) throw new Error(`bench.mjs exited with ${run.status}:\n${run.stderr}`);

    const table = run.stdout;
    expect(table).toContain('| measure | Fremdrift | reference | ratio | target | result |');
    for (const row of ['(a) public JSON', '(b) dashboard, 20 initiatives', '(c) status-update writes', '(d) public route initial JS']) {
      expect(table).toContain(row);
    }
    expect(table).not.toMatch(/non-2xx/);

    const [file] = readdirSync(out).filter((name) => name.endsWith('.json'));
    const results = JSON.parse(readFileSync(join(out, file), 'utf8'));
    expect(results.machine).toEqual(expect.objectContaining({ cores: expect.any(Number), node: expect.any(String), postgres: expect.any(String) }));
    expect(results.dashboards['20'].initiatives).toBe(20);
    expect(results.dashboards['20'].api.p50).toBeGreaterThan(0);
    expect(results.dashboards['20'].floor.p50).toBeGreaterThan(0);
    expect(results.publicJson.api.rps).toBeGreaterThan(0);
    expect(results.publicJson.api.non2xx).toBe(0);
    expect(results.writes.ok).toBeGreaterThan(0);
    expect(results.writes.auditEvents).toBeGreaterThanOrEqual(results.writes.ok);
    // The initial JavaScript of the public route, read from the built web app (bench-smoke builds it first).
    expect(results.initialJs.frontPage).toEqual(expect.any(String));
    expect(results.initialJs.files.length).toBeGreaterThan(1);
    expect(results.initialJs.kb).toBeGreaterThan(0);
    expect(table).toMatch(
      /\| \(d\) public route initial JS \(gzip -9, \d+ files incl\. the front page chunk\) \| [\d,.]+ kB \| served as brotli: [\d,.]+ kB \|/,
    );
  });
});
