import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { RequestWithUser } from '../auth/auth.decorators';
import { ConfigError, type AppConfig } from '../config/app-config';

/** The logger every log line of the app goes through: JSON lines on stdout unless told otherwise. */
export async function createLogger(settings: AppConfig['log'], destination?: DestinationStream): Promise<Logger> {
  const options = { level: settings.level, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  return settings.format === 'pretty' ? pino(options, await readableOutput()) : pino(options);
}

async function readableOutput(): Promise<DestinationStream> {
  try {
    const { PinoPretty } = await import('pino-pretty');
    return PinoPretty({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true });
  } catch {
    throw new ConfigError('LOG_FORMAT=pretty needs pino-pretty, which only a development install has; use LOG_FORMAT=json');
  }
}

/**
 * nestjs-pino's settings: Nest's Logger writes to `logger`, and inside a request with the request's
 * id. It logs no request lines itself: `RequestLog` does, for requests outside its middleware too.
 */
export function nestLoggerParams(logger: Logger): Params {
  return { pinoHttp: { logger, autoLogging: false, quietReqLogger: true, customAttributeKeys: { reqId: 'requestId' } } };
}

/**
 * Nest's Logger on `logger` before there is an app (migrations, demo data). nestjs-pino keeps one
 * logger per process, the first it is given, so these must be the params the app gets.
 */
export function nestLoggerOutsideApp(logger: Logger): LoggerService {
  const params = nestLoggerParams(logger);
  return new NestPinoLogger(new PinoLogger(params), params);
}

export interface RequestLog {
  /** Logs one line when the response has been sent or the client has gone away. */
  track(request: FastifyRequest, reply: FastifyReply): void;
  /** Logs a connection answered before it became a request: what it sent is not HTTP, or too slow. */
  refused(requestId: string, status: number, reason: string | undefined): void;
}

/**
 * One line per request with what identifies it and nothing the client sent: no URL (ids, search
 * terms), headers (session cookie, CSRF token), query or body.
 */
export function createRequestLog(logger: Logger): RequestLog {
  const fastifyRequests = new WeakMap<IncomingMessage, RequestWithUser>();
  const fieldsOf = (raw: IncomingMessage, response: ServerResponse, durationMs: number) => {
    const request = fastifyRequests.get(raw);
    return { method: raw.method, route: request?.routeOptions.url ?? null, status: response.statusCode, durationMs, userId: request?.user?.id };
  };
  const log = pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (request, response, value: { durationMs: number }) => fieldsOf(request, response, value.durationMs),
    customErrorObject: (request, response, _error, value: { durationMs: number }) => fieldsOf(request, response, value.durationMs),
  });
  return {
    track: (request, reply) => {
      fastifyRequests.set(request.raw, request);
      request.raw.id = request.id;
      log(request.raw, reply.raw);
    },
    refused: (requestId, status, reason) => logger.info({ requestId, status, reason }, 'connection refused'),
  };
}

export function logRequests(fastify: FastifyInstance, requestLog: RequestLog): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    requestLog.track(request, reply);
    done();
  });
}
