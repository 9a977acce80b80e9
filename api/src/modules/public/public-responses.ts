import type { FastifyReply, FastifyRequest } from 'fastify';
import { ResourceNotFoundException } from '../../core/http/problem';
import type { PublicCatalog, Snapshot } from './public-catalog';

/** Browsers revalidate every time (cheap with the ETag); a CDN may serve a copy for 30 seconds. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';

export interface ServeOptions {
  /** Sent with a 200 only (such as content-disposition). */
  headers?: Record<string, string>;
  /** What the representation depends on besides the encoding (such as `accept` for a negotiated one). */
  vary?: string[];
}

/**
 * Serves the cached body for `key` (rendered from the public snapshot the first time) with its
 * ETag, open to every origin; a matching If-None-Match gets 304; a render that finds nothing, 404.
 */
export async function servePublic(
  catalog: PublicCatalog,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  render: (snapshot: Snapshot) => { body: string; contentType: string } | null,
  options: ServeOptions = {},
): Promise<FastifyReply> {
  const cached = await catalog.body(key, render);
  if (!cached) throw new ResourceNotFoundException('Published record', key.split(':')[1] ?? key);
  void reply
    .header('etag', cached.etag)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('vary', [...(options.vary ?? []), 'accept-encoding'].join(', '));
  if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  for (const [name, value] of Object.entries(options.headers ?? {})) void reply.header(name, value);
  return reply.status(200).header('content-type', cached.contentType).send(cached.body);
}
