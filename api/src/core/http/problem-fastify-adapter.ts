import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { HttpStatus } from '@nestjs/common';
import type { SecurityRequestHook } from '@nestjs/common/internal';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Problem } from '@fremdrift/contracts';
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestLog } from '../logging/logging';
import { ProblemDetailsFilter } from './problem-details.filter';
import { PROBLEM_CONTENT_TYPE, problem, withRequestId } from './problem';
import { REQUEST_ID_HEADER } from './request-id';

const REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

/** Fastify's errors for a URL its router cannot take; their own messages would echo the URL back. */
const ROUTER_PROBLEMS: Record<string, Problem> = {
  FST_ERR_BAD_URL: problem(HttpStatus.BAD_REQUEST, 'The URL is not validly percent-encoded.', { code: 'invalidUrl' }),
  FST_ERR_MAX_PARAM_LENGTH: problem(HttpStatus.URI_TOO_LONG, 'A segment of the URL is too long.'),
};

type ResponseHeaders = Parameters<SecurityRequestHook>[1];

interface SecurityHeaders {
  hook?: SecurityRequestHook;
}

/**
 * Fastify answers some requests before any hook or Nest's exception layer sees them, in a format
 * of its own (application/json) and without the headers the hooks set: a URL its router cannot
 * decode or a path parameter longer than `maxParamLength` (`frameworkErrors`), and, on the socket,
 * a request Node's HTTP parser refuses or one that times out (`clientErrorHandler`). This adapter
 * answers those like every other error: a problem document with the security headers (from the
 * hook behind `app.useSecurityHeaders()`), `Cache-Control: no-store`, a request id, and a line in the
 * request log.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  private readonly securityHeaders: SecurityHeaders;

  constructor(options: FastifyHttpOptions<Server>, requestLog: RequestLog) {
    const securityHeaders: SecurityHeaders = {};
    const problems = new ProblemDetailsFilter();
    super({
      ...options,
      frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
        answerRouterError(securityHeaders, problems, requestLog, error, request, reply),
      clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => answerClientError(securityHeaders, requestLog, error, socket),
    });
    this.securityHeaders = securityHeaders;
  }

  override registerSecurityHook(hook: SecurityRequestHook): void {
    this.securityHeaders.hook = hook;
    super.registerSecurityHook(hook);
  }

  /** Sets the headers of `app.useSecurityHeaders()` on `response`, for an answer written without Fastify. */
  writeSecurityHeaders(response: ResponseHeaders): void {
    applySecurityHeaders(this.securityHeaders, undefined, response);
  }
}

function answerRouterError(
  security: SecurityHeaders,
  problems: ProblemDetailsFilter,
  requestLog: RequestLog,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  requestLog.track(request, reply);
  applySecurityHeaders(security, request, reply.raw);
  const body = withRequestId(ROUTER_PROBLEMS[error.code] ?? problems.toProblem(error), request.id);
  void reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .header(REQUEST_ID_HEADER, request.id)
    .send(body);
}

function answerClientError(security: SecurityHeaders, requestLog: RequestLog, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? HttpStatus.REQUEST_TIMEOUT
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? REQUEST_HEADER_FIELDS_TOO_LARGE
          : HttpStatus.BAD_REQUEST;
    const requestId = randomUUID();
    const body = JSON.stringify(
      withRequestId(
        problem(status, status === HttpStatus.REQUEST_TIMEOUT ? 'The request was not received in time.' : 'The request is not valid HTTP.'),
        requestId,
      ),
    );
    const headers = new Map<string, string>();
    applySecurityHeaders(security, undefined, { setHeader: (name, value) => headers.set(name, value), removeHeader: (name) => headers.delete(name) });
    headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
    headers.set('Content-Length', String(Buffer.byteLength(body)));
    headers.set('Cache-Control', 'no-store');
    headers.set('Connection', 'close');
    headers.set('X-Request-Id', requestId);
    const head = [...headers].map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
    requestLog.refused(requestId, status, error.code);
  }
  socket.destroy(error);
}

function applySecurityHeaders(security: SecurityHeaders, request: unknown, response: ResponseHeaders): void {
  try {
    security.hook?.(request, response);
  } catch {
    // The request is refused either way; without a routed request, a feature that inspects it may throw.
  }
}
