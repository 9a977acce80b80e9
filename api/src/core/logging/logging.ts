import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
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
 * Its middleware also makes a logger bound to the whole request for every request, which nothing
 * here uses (`quietReqLogger`); the `req` serializer keeps it from serializing the request's URL
 * and headers each time, and any `req` passed to a log call out of the log, as the request line does.
 */
export function nestLoggerParams(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      autoLogging: false,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      wrapSerializers: false,
      serializers: { req: () => undefined },
    },
  };
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
 * terms), headers (session cookie, CSRF token), query or body. A request costs three listeners
 * and, once answered, one line: no child logger, and nothing of the request serialized.
 */
export function createRequestLog(logger: Logger): RequestLog {
  return {
    track: (request, reply) => {
      const started = Date.now();
      const raw = request.raw;
      const response = reply.raw;
      // Nest's logger (nestjs-pino) takes the request's id from here.
      raw.id = request.id;
      const finished = (error?: unknown) => {
        response.removeListener('close', finished);
        response.removeListener('finish', finished);
        response.removeListener('error', finished);
        const fields = {
          requestId: request.id,
          method: raw.method,
          route: request.routeOptions.url ?? null,
          status: response.statusCode,
          durationMs: Date.now() - started,
          userId: (request as RequestWithUser).user?.id,
        };
        if (error || response.statusCode >= 500) logger.error(fields, 'request errored');
        else logger.info(fields, !raw.readableAborted && response.writableEnded ? 'request completed' : 'request aborted');
      };
      response.on('close', finished);
      response.on('finish', finished);
      response.on('error', finished);
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
