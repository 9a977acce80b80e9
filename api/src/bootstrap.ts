import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { setupApiDocs } from './core/http/api-docs';
import { acceptJsonBodiesOnly } from './core/http/json-only';
import { ProblemDetailsFilter } from './core/http/problem-details.filter';
import { registerSecurityHeaders } from './core/http/security-headers';
import { createValidationPipe } from './core/http/validation';
import { serveWebApp } from './core/web/web-app';

const BODY_LIMIT_BYTES = 1024 * 1024;

/** The configured Nest application; `main.ts` and the integration tests both start it this way. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: LogLevel[] | false = ['log', 'warn', 'error']): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.trustProxy }), {
    logger,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  await registerSecurityHeaders(fastify);
  acceptJsonBodiesOnly(fastify);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupApiDocs(app);
  if (config.webRoot) await serveWebApp(app, config.webRoot);
  await app.init();
  await fastify.ready();
  return app;
}
