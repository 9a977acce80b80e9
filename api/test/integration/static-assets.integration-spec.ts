import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../../..');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A tiny web root as the build leaves it: Angular's hashed names, compressed beside each file by
 * the build's own step (tools/precompress.mjs). The real build is not needed for these tests.
 */
function fakeWebRoot(): { dir: string; files: Record<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-web-'));
  const script = `export const answer = ${JSON.stringify('Fremdrift '.repeat(400))};\n`;
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html lang="da"><head><title>Fremdrift</title></head><body><fd-root></fd-root>${' '.repeat(600)}<script src="main-AB12CD34.js" type="module"></script></body></html>`,
    ),
    'main-AB12CD34.js': Buffer.from(script),
    'chunk-1Zuka-iK.js': Buffer.from(`${script}// chunk\n`),
    'styles-QJADUDMX.css': Buffer.from(`body { margin: 0; }\n${'.x { color: red; }\n'.repeat(100)}`),
    'favicon.svg': Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${'<rect width="16" height="16"/>'.repeat(20)}</svg>`),
    'media/inter-A1B2C3D4.woff2': Buffer.from('not really a font'),
    // A file the site-map module answers for: the web root's copy must not shadow it.
    'robots.txt': Buffer.from('User-agent: *\nDisallow: /\n'),
  };
  mkdirSync(join(dir, 'media'));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  const build = spawnSync(process.execPath, [join(ROOT, 'tools/precompress.mjs'), dir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`precompress failed: ${build.stderr}`);
  return { dir, files };
}

const webRoot = fakeWebRoot();

describe('Static assets and compressed responses', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started), { webRoot: webRoot.dir });
  afterAll(() => rmSync(webRoot.dir, { recursive: true, force: true }));

  const get = (url: string, acceptEncoding?: string) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  describe('the build step', () => {
    it('writes a brotli and a gzip copy beside each text file that decode to the file, and none for a font', () => {
      for (const name of ['index.html', 'main-AB12CD34.js', 'styles-QJADUDMX.css', 'favicon.svg']) {
        const file = join(webRoot.dir, name);
        expect(brotliDecompressSync(readFileSync(`${file}.br`))).toEqual(webRoot.files[name]);
        expect(gunzipSync(readFileSync(`${file}.gz`))).toEqual(webRoot.files[name]);
      }
      expect(() => readFileSync(join(webRoot.dir, 'media/inter-A1B2C3D4.woff2.br'))).toThrow();
    });
  });

  describe('a hashed bundle', () => {
    it('goes out as brotli to a browser that accepts it, cached for a year', async () => {
      const response = await get('/main-AB12CD34.js', 'gzip, deflate, br, zstd');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/^(?:application|text)\/javascript; charset=utf-8$/);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
      expect(brotliDecompressSync(response.rawPayload)).toEqual(webRoot.files['main-AB12CD34.js']);
      expect(response.rawPayload.length).toBeLessThan(webRoot.files['main-AB12CD34.js'].length / 5);
    });

    it('goes out as gzip to a client that accepts gzip but not brotli, or prefers gzip', async () => {
      for (const accept of ['gzip, deflate', 'br;q=0.5, gzip', 'br;q=0, *']) {
        const response = await get('/chunk-1Zuka-iK.js', accept);
        expect({ accept, encoding: response.headers['content-encoding'] }).toEqual({ accept, encoding: 'gzip' });
        expect(gunzipSync(response.rawPayload)).toEqual(webRoot.files['chunk-1Zuka-iK.js']);
        expect(response.headers['vary']).toMatch(/accept-encoding/i);
        expect(response.headers['cache-control']).toBe(IMMUTABLE);
      }
    });

    it('goes out as it is to a client that accepts neither, still varying on Accept-Encoding', async () => {
      for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
        const response = await get('/styles-QJADUDMX.css', accept);
        expect({ accept, encoding: response.headers['content-encoding'] }).toEqual({ accept, encoding: undefined });
        expect(response.rawPayload).toEqual(webRoot.files['styles-QJADUDMX.css']);
        expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
        expect(response.headers['vary']).toMatch(/accept-encoding/i);
        expect(response.headers['cache-control']).toBe(IMMUTABLE);
      }
    });

    it('keeps a distinct validator per encoding, so that a cache never swaps them', async () => {
      const br = await get('/main-AB12CD34.js', 'br');
      const gzip = await get('/main-AB12CD34.js', 'gzip');
      const identity = await get('/main-AB12CD34.js');
      expect(new Set([br.headers['etag'], gzip.headers['etag'], identity.headers['etag']]).size).toBe(3);
      const revalidated = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: '/main-AB12CD34.js', headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers['etag']) } });
      expect(revalidated.statusCode).toBe(304);
    });

    it('does not serve the compressed copies as files of their own', async () => {
      const response = await get('/main-AB12CD34.js.br', 'br');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
    });

    it('caches hashed media for a year, and files kept under their own names only with revalidation', async () => {
      expect((await get('/media/inter-A1B2C3D4.woff2', 'br')).headers['cache-control']).toBe(IMMUTABLE);
      const favicon = await get('/favicon.svg', 'br');
      expect(favicon.headers['cache-control']).toBe('no-cache');
      expect(favicon.headers['content-encoding']).toBe('br');
    });
  });

  describe('index.html', () => {
    it('is revalidated on every visit, as the fallback of the app routes, in the best encoding accepted', async () => {
      for (const url of ['/index.html', '/initiativer', '/initiativer/123', '/login?returnUrl=%2Fmine']) {
        for (const [accept, decode] of [
          ['br, gzip', brotliDecompressSync],
          ['gzip', gunzipSync],
          [undefined, (data: Buffer) => data],
        ] as const) {
          const response = await get(url, accept);
          expect({ url, accept, status: response.statusCode, cache: response.headers['cache-control'] }).toEqual({
            url,
            accept,
            status: 200,
            cache: 'no-cache',
          });
          expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
          expect(response.headers['vary']).toMatch(/accept-encoding/i);
          expect(response.headers['content-encoding']).toBe(accept === undefined ? undefined : accept.split(',')[0]);
          expect(decode(response.rawPayload)).toEqual(webRoot.files['index.html']);
        }
      }
    });

    it('is not what the public site answers: its pages are rendered by the server, with no script', async () => {
      for (const url of ['/', '/?q=x', '/om-data', '/tilgaengelighed', '/initiativ/123', '/initiativ/123/mere', '/handleplan/abc?x=1']) {
        const response = await get(url);
        expect({ url, type: response.headers['content-type'] }).toEqual({ url, type: 'text/html; charset=utf-8' });
        expect(response.rawPayload).not.toEqual(webRoot.files['index.html']);
        expect(response.body).toMatch(/^<!doctype html>/);
        expect(response.body).not.toMatch(/<script\b[^>]*\bsrc=/);
      }
    });

    it('is not what /robots.txt and /sitemap.xml answer, and neither is a copy in the web root', async () => {
      const robots = await get('/robots.txt');
      expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(robots.body).toContain('Sitemap: ');
      expect(robots.body).not.toContain('Disallow: /\n');
      expect((await get('/sitemap.xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
    });

    it('leaves unknown /api paths a 404 problem, not the app page', async () => {
      const response = await get('/api/no-such-thing', 'br');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('API responses', () => {
    async function someLargeJson(): Promise<string> {
      for (let i = 0; i < 6; i++) await make.plan({ description: `En handleplan om at samskabe med borgerne, nummer ${i}. `.repeat(10) });
      return '/api/public/action-plans';
    }

    it('are compressed as the client asks, with Vary, and decode to the same JSON', async () => {
      const url = await someLargeJson();
      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      for (const [accept, encoding, decode] of [
        ['gzip, deflate, br', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
      ] as const) {
        const response = await get(url, accept);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers['vary']).toMatch(/accept-encoding/i);
        expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length);
        expect(JSON.parse(decode(response.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
      }
    });

    it('are not compressed for a client that does not ask, nor for one that accepts only deflate', async () => {
      const url = await someLargeJson();
      for (const accept of [undefined, 'identity', 'deflate']) {
        const response = await get(url, accept);
        expect({ accept, encoding: response.headers['content-encoding'] }).toEqual({ accept, encoding: undefined });
        expect(JSON.parse(response.body)).toEqual(expect.any(Array));
      }
    });

    it('are not compressed below the threshold, where it would cost more than it saves', async () => {
      const response = await get('/api/health', 'br, gzip');
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.length).toBeLessThan(1024);
      expect(response.headers['content-encoding']).toBeUndefined();
    });

    it('keep the problem documents of errors readable when compressed', async () => {
      const response = await get('/api/initiatives', 'gzip');
      expect(response.statusCode).toBe(401);
      const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.rawPayload).toString('utf8') : response.body;
      expect(JSON.parse(body)).toMatchObject({ status: 401 });
    });
  });

  describe('the dashboard event stream', () => {
    it('still delivers each event as it happens to a browser that accepts compression (sent uncompressed)', async () => {
      const viewer = await t.signedIn('viewer');
      const { initiative } = await make.world();
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      let received = '';
      const response = await new Promise<IncomingMessage>((resolveResponse, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/dashboard/events',
            headers: { cookie: `${SESSION_COOKIE}=${viewer.session.token}`, accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br, zstd' },
          },
          resolveResponse,
        );
        request.on('error', reject);
        request.end();
      });
      response.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      try {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toContain('text/event-stream');
        expect(response.headers['content-encoding']).toBeUndefined();

        expect((await t.patch(`/api/initiatives/${initiative.id}`, { title: 'Et nyt navn' }, { ifMatch: initiative.version })).status).toBe(200);
        const deadline = Date.now() + 5000;
        while (!/^event: change$/m.test(received) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(received).toMatch(/^event: change$/m);
      } finally {
        response.destroy();
      }
    });
  });
});
