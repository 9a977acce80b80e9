import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy or client may choose as a request id: short, and nothing that could forge a log line or a header. */
const SANE_REQUEST_ID = /^[\w.:/+=@-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is sane, a new UUID otherwise. */
export function requestIdFor(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Every response names its request, so that an error a user reports can be found in the log. Set
 * on the raw response: an event stream writes its head without Fastify's reply headers.
 */
export function sendRequestId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader(REQUEST_ID_HEADER, request.id);
    done();
  });
}
