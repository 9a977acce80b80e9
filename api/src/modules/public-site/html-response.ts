import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESSION_THRESHOLD_BYTES } from '../../core/web/compression';
import { compressSync, preferredEncoding } from '../../core/web/content-encoding';

export const HTML_TYPE = 'text/html; charset=utf-8';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Sends a server-rendered page: revalidated on every visit (`no-cache`) with a strong ETag of the
 * bytes sent (so each encoding has its own), 304 when the browser has them already. The page
 * depends on the language and session cookies, so caches key on Cookie as well as the encoding.
 * The page is compressed here, like the public API's bodies, so that the ETag names the encoding.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string, status = 200): FastifyReply {
  const body = Buffer.from(html);
  const encoding = body.length >= COMPRESSION_THRESHOLD_BYTES ? preferredEncoding(request.headers['accept-encoding']) : null;
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const etag = `"${hash}${encoding ? `-${encoding}` : ''}"`;
  void reply.header('cache-control', 'no-cache').header('vary', 'Accept-Encoding, Cookie').header('etag', etag);
  if (status === 200 && matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  void reply.status(status).header('content-type', HTML_TYPE);
  if (!encoding) return reply.send(body);
  return reply.header('content-encoding', encoding).send(compressSync(encoding, body));
}
