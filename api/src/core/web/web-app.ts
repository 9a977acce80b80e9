import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem';

/**
 * Serves the built Angular app on the API's port. Unknown paths outside /api get index.html so
 * that the app's own routes work on reload; unknown /api paths stay a 404 problem.
 */
export async function serveWebApp(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`No web app at ${webRoot}; serving the API only. Build it with "npm run build".`);
    return;
  }
  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'], cacheControl: false, setHeaders: cacheHeaders });
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(404, `No route for GET ${request.url.split('?')[0]}`));
    }
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}

/** Hashed bundles never change; index.html must always be revalidated. */
function cacheHeaders(reply: FastifyReply, path: string): void {
  void reply.header('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Angular's output names: `main-ABCD1234.js`, `styles-ABCD1234.css`, `chunk-ABCD1234.js`. */
const HASHED_ASSET = /-[0-9A-Z]{8,}\.(js|css)$/;
