import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The API takes JSON bodies only, except on routes that name other media types; anything else is a 415 before it is parsed. */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!METHODS_WITH_BODY.has(request.method) || !request.url.startsWith('/api/')) return;
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    // A route that takes a file says which media types in its config: @RouteConfig({ bodyMediaTypes: [...] }).
    const accepted = (request.routeOptions.config as { bodyMediaTypes?: string[] } | undefined)?.bodyMediaTypes ?? ['application/json'];
    if (hasBody && !accepted.includes(mediaType ?? '')) {
      return reply
        .status(415)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(415, `Send the request body as ${accepted.join(' or ')}.`));
    }
  });
}
