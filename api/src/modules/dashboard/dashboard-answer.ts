import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESSION_THRESHOLD_BYTES } from '../../core/web/compression';
import { compressSync, preferredEncoding, type ContentEncoding } from '../../core/web/content-encoding';

/**
 * The JSON of one dashboard view as sent, for the mails it shows (`mails`, a key of them): kept
 * with the view's figures, so that a repeated read whose mails have not changed sends the same
 * bytes again, each encoding compressed once.
 */
export class DashboardAnswer {
  private readonly encoded: Partial<Record<ContentEncoding, Buffer>> = {};

  constructor(
    readonly mails: string,
    readonly json: Buffer,
  ) {}

  /** The body in `encoding` (compressed in one call: the answer is a few dozen kB; the next change replaces it), or as is. */
  body(encoding: ContentEncoding | null): Buffer {
    if (!encoding) return this.json;
    return (this.encoded[encoding] ??= compressSync(encoding, this.json, 'brief'));
  }

  /** Sends the answer compressed as the request accepts, as the app's compression would. */
  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const encoding = this.json.length >= COMPRESSION_THRESHOLD_BYTES ? preferredEncoding(request.headers['accept-encoding']) : null;
    void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (encoding) void reply.header('content-encoding', encoding);
    return reply.send(this.body(encoding));
  }
}
