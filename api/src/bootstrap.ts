import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { setupApiDocs } from './core/http/api-docs';
import { forbidCachingOfApiResponses } from './core/http/cache-control';
import { createJsonBodyParser } from './core/http/json-body';
import { acceptJsonBodiesOnly } from './core/http/json-only';
import { ProblemDetailsFilter } from './core/http/problem-details.filter';
import { ProblemFastifyAdapter } from './core/http/problem-fastify-adapter';
import { requestIdFor, sendRequestId } from './core/http/request-id';
import { useSecurityHeaders } from './core/http/security-headers';
import { createValidationPipe } from './core/http/validation';
import { createLogger, createRequestLog, logRequests } from './core/logging/logging';
import { CachedResponses } from './core/web/cached-responses';
import { compressResponses } from './core/web/compression';
import { serveWebApp } from './core/web/web-app';
import { PublicCatalog } from './modules/public/public-catalog';

const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * No client holds a connection for free: the head of a request must arrive within 10 s, the whole
 * request within 30 s, and an idle keep-alive connection closes after 10 s. Node checks these
 * every second (by default only every 30 s). The request clocks stop once the request has arrived,
 * so a long response such as the dashboard's event stream is not cut off; Nest also lifts the
 * socket's idle timeout (`connectionTimeout`) for event streams.
 */
export const SERVER_TIMEOUTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 10_000,
  idleSocketTimeoutMs: 60_000,
  checkIntervalMs: 1_000,
} as const;

/**
 * The configured Nest application; `main.ts` and the integration tests both start it this way.
 * Every log line goes to `logger`: by default one on stdout as `config.log` says; `false` for none.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger?: Logger | false): Promise<NestFastifyApplication> {
  const log = logger || (await createLogger(logger === false ? { level: 'silent', format: 'json' } : config.log));
  const requestLog = createRequestLog(log);
  // Cache hits of the public API are answered by the HTTP server itself, before Fastify and Nest.
  const cachedResponses = new CachedResponses({ log });
  const adapter = new ProblemFastifyAdapter(
    {
      serverFactory: cachedResponses.serverFactory(),
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: config.trustProxy,
      requestTimeout: SERVER_TIMEOUTS.requestTimeoutMs,
      keepAliveTimeout: SERVER_TIMEOUTS.keepAliveTimeoutMs,
      connectionTimeout: SERVER_TIMEOUTS.idleSocketTimeoutMs,
      http: { headersTimeout: SERVER_TIMEOUTS.headersTimeoutMs, connectionsCheckingInterval: SERVER_TIMEOUTS.checkIntervalMs },
      genReqId: requestIdFor,
    },
    requestLog,
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl, log), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  const fastify = app.getHttpAdapter().getInstance();
  sendRequestId(fastify);
  logRequests(fastify, requestLog);
  useSecurityHeaders(app);
  cachedResponses.useSecurityHeaders((response) => adapter.writeSecurityHeaders(response));
  acceptJsonBodiesOnly(fastify);
  forbidCachingOfApiResponses(fastify);
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, createJsonBodyParser(fastify));
  // The public site's server-rendered pages (modules/public-site) live at the site's root.
  app.setGlobalPrefix('api', {
    exclude: ['/', 'om-data', 'tilgaengelighed', 'sprog/:lang', 'initiativ/:id', 'initiativ/:id/foelg', 'handleplan/:id', 'handleplan/:id/foelg'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupApiDocs(app);
  if (config.webRoot) await serveWebApp(app, config.webRoot);
  // After the web app (its files are compressed at build time), before the routes of app.init().
  await compressResponses(app);
  await app.init();
  await fastify.ready();
  cachedResponses.use(app.get(PublicCatalog));
  return app;
}
