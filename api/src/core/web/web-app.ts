import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config.provider';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem';
import { preferredEncoding, type ContentEncoding } from './content-encoding';

/** Where the build (`tools/precompress.mjs`) puts each encoding of a file. */
export const PRECOMPRESSED_SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };

/** Served by the site-map module from the database, whatever the web root holds. */
const SERVED_ELSEWHERE = ['robots.txt', 'sitemap.xml'];

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built Angular app on the API's port. Unknown paths outside /api get index.html so
 * that the app's own routes work on reload; unknown /api paths stay a 404 problem. The public
 * site's pages (`/`, `/om-data`, `/initiativ/:id` …) are server-rendered routes of the public-site
 * module: more specific than this fallback, so the router gives them those paths, and `/` is not
 * answered with the app's index.html (`index: false`). Each file goes
 * out in the encoding the request accepts best (brotli, then gzip, else as it is), from the copies
 * the build wrote beside it, with `Vary: Accept-Encoding`.
 */
export async function serveWebApp(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`No web app at ${webRoot}; serving the API only. Build it with "npm run build".`);
    return;
  }
  if (!existsSync(indexFile + PRECOMPRESSED_SUFFIX.br)) {
    new Logger('WebApp').warn(`The web app at ${webRoot} has no precompressed files; it is served uncompressed. Build it with "npm run build".`);
  }
  const index = indexVariants(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz', ...SERVED_ELSEWHERE],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => cacheHeaders(reply, relative(webRoot, path)),
  });
  // The Danish rules expect the accessibility statement at /was: the WAS-Tool's when configured, else the built-in page.
  const { publicUrl, openData } = app.get<AppConfig>(APP_CONFIG);
  fastify.get('/was', (_request, reply) => reply.redirect(openData.accessibilityStatementUrl ?? `${publicUrl}/tilgaengelighed`, 302));
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(404, `No route for GET ${request.url.split('?')[0]}`));
    }
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding');
    if (encoding) void reply.header('content-encoding', encoding);
    return reply.send(encoding ? index[encoding] : index.identity);
  });
}

/** index.html in every encoding, from the build's copies (or compressed here when the build wrote none). */
function indexVariants(indexFile: string): Record<ContentEncoding | 'identity', Buffer> {
  const identity = readFileSync(indexFile);
  const read = (encoding: ContentEncoding, compress: (data: Buffer) => Buffer) => {
    const file = indexFile + PRECOMPRESSED_SUFFIX[encoding];
    return existsSync(file) ? readFileSync(file) : compress(identity);
  };
  return { identity, br: read('br', brotliCompressSync), gzip: read('gzip', (data) => gzipSync(data, { level: 9 })) };
}

/** Hashed bundles never change; index.html and the unhashed files must always be revalidated. */
function cacheHeaders(reply: FastifyReply, file: string): void {
  const name = file
    .split(sep)
    .join('/')
    .replace(/\.(?:br|gz)$/, '');
  void reply.header('cache-control', HASHED_ASSET.test(name) ? IMMUTABLE : 'no-cache');
}

/**
 * Angular's output names: `main-NZKYBPGY.js`, `chunk-1Zuka-iK.js`, `styles-QJADUDMX.css`, and
 * fonts and images under `media/` with the same 8-character hash. Files copied from `web/public`
 * keep their names, so they are revalidated.
 */
const HASHED_ASSET = /^(?:[a-z]+-[\w-]{8}\.(?:js|css)|media\/.+-[\w-]{8}\.[a-z0-9]+)$/;
