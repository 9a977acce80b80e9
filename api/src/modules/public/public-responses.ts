import type { FastifyReply, FastifyRequest } from 'fastify';
import { ResourceNotFoundException } from '../../core/http/problem';
import { COMPRESSION_THRESHOLD_BYTES } from '../../core/web/compression';
import { preferredEncoding } from '../../core/web/content-encoding';
import type { PublicBody } from './public-bodies';
import type { PublicCatalog } from './public-catalog';

/** Browsers revalidate every time (cheap with the ETag); a CDN may serve a copy for 30 seconds. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';

/** Sent with every public answer: open data is open to every origin. */
export const PUBLIC_HEADERS = {
  'cache-control': PUBLIC_CACHE_CONTROL,
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
} as const;

export interface ServeOptions {
  /** Sent with a 200 only (such as content-disposition). */
  headers?: Record<string, string>;
  /** What the representation depends on besides the encoding (such as `accept` for a negotiated one). */
  vary?: string[];
  /** Names the record in a 404. */
  notFound?: { resource: string; id: string };
}

/**
 * Serves the cached body for `key` (rendered the first time) with its ETag, compressed as the
 * client asks (each encoding compressed once and kept with the body, with its own ETag); a matching
 * If-None-Match gets 304; a render that finds nothing, 404.
 */
export async function servePublic(
  catalog: PublicCatalog,
  request: FastifyRequest,
  reply: FastifyReply,
  { key, render }: PublicBody,
  options: ServeOptions = {},
): Promise<FastifyReply> {
  const cached = await catalog.body(key, render);
  if (!cached) throw new ResourceNotFoundException(options.notFound?.resource ?? 'Published record', options.notFound?.id ?? key);
  // A negotiated answer depends on more than the target: only the others may be answered ahead of the app.
  if (!options.vary?.length && request.raw.url) {
    catalog.rememberTarget(request.raw.url, { key, route: request.routeOptions.url ?? request.raw.url, headers: PUBLIC_HEADERS, okHeaders: options.headers });
  }
  const encoding = cached.body.length >= COMPRESSION_THRESHOLD_BYTES ? preferredEncoding(request.headers['accept-encoding']) : null;
  const etag = `"${cached.etag}${encoding ? `-${encoding}` : ''}"`;
  // These replace the security headers' values (same-origin resources) rather than adding to them.
  for (const name of Object.keys(PUBLIC_HEADERS)) reply.raw.removeHeader(name);
  void reply
    .headers(PUBLIC_HEADERS)
    .header('etag', etag)
    .header('vary', [...(options.vary ?? []), 'accept-encoding'].join(', '));
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  for (const [name, value] of Object.entries(options.headers ?? {})) void reply.header(name, value);
  void reply.status(200).header('content-type', cached.contentType);
  if (!encoding) return reply.send(cached.body);
  return reply.header('content-encoding', encoding).send(await catalog.encoded(key, cached, encoding));
}
