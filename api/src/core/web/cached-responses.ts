import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFor } from '../http/request-id';
import { COMPRESSION_THRESHOLD_BYTES } from './compression';
import { preferredEncoding, type ContentEncoding } from './content-encoding';

/**
 * A response body kept in memory, ready to send as it is, as the app's own handler sends it (see
 * `servePublic`): identical bytes, headers and validator.
 */
export interface CachedResponse {
  /** The route pattern, for the request log (as Fastify names it: `/api/public/initiatives/:id`). */
  route: string;
  /** The identity body. */
  body: Buffer;
  /** The body in each encoding at hand; an encoding the client prefers but that is not here yet sends the request to the app. */
  encoded: Partial<Record<ContentEncoding, Buffer>>;
  contentType: string;
  /** The strong validator without quotes; an encoded body's is `"<etag>-<encoding>"`. */
  etag: string;
  /**
   * Sent with 200 and 304 (cache policy, CORS), in place of a security header of the same name. A
   * `vary` here names what else the source looked at (see `cachedResponse`); `accept-encoding` is added.
   */
  headers: Readonly<Record<string, string>>;
  /** Sent with a 200 only (such as content-disposition). */
  okHeaders?: Readonly<Record<string, string>>;
}

/**
 * Knows some cached answers by request target. It must answer only what the app would answer the
 * same way for any request with this target, whatever its other headers (Accept-Encoding and
 * If-None-Match aside, which are handled here), and nothing that a change may have made stale.
 */
export interface CachedResponseSource {
  /**
   * The cached answer to `GET target` (path and query exactly as received), or undefined to let the
   * app answer. A source whose answer depends on a request header (a language cookie, say) reads it
   * from `request` and names it in `headers.vary`, or declines when it is present.
   */
  cachedResponse(target: string, request: IncomingMessage): CachedResponse | undefined;
}

export interface CachedResponsesOptions {
  /** Where the counts of hits go (the app's request log): one line per route, method and status every `logIntervalMs`. */
  log?: Logger;
  logIntervalMs?: number;
}

/**
 * Answers the cache hits of cheap, public GET and HEAD requests straight from the HTTP server, ahead
 * of Fastify and Nest: no routing, hooks, guards, pipes or serialization, only the bytes. Anything
 * it cannot answer exactly as the app would (another method, a request with a body, a target no
 * source knows, an encoding not compressed yet) goes to the app unchanged.
 *
 * Sources are added after the app has been created (`use`); the server comes from `serverFactory`,
 * which Fastify calls while it is being created.
 */
export class CachedResponses {
  private readonly sources: CachedResponseSource[] = [];
  private securityHeaders: [string, string][] = [];
  private readonly heads = new WeakMap<Buffer, { source: CachedResponse; heads: Partial<Record<ContentEncoding | 'identity', PreparedHeads>> }>();
  private readonly encodings = new Map<string, ContentEncoding | null>();
  private readonly tallies = new Map<string, { method: string; route: string; status: number; count: number; maxDurationMs: number }>();
  private logTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CachedResponsesOptions = {}) {}

  /** Consulted in the order added; the first that knows a target answers it. */
  use(source: CachedResponseSource): this {
    this.sources.push(source);
    return this;
  }

  /** The headers every response carries (the app's security headers), as the app's own hook sets them. */
  useSecurityHeaders(apply: (response: { setHeader(name: string, value: string): unknown; removeHeader(name: string): unknown }) => void): this {
    const headers = new Map<string, string>();
    apply({ setHeader: (name, value) => headers.set(name.toLowerCase(), value), removeHeader: (name) => headers.delete(name.toLowerCase()) });
    this.securityHeaders = [...headers];
    return this;
  }

  /**
   * A Fastify `serverFactory`: the HTTP/1.1 server Fastify would create with the same options
   * (timeouts included), answering hits before Fastify sees the request.
   */
  serverFactory(): (handler: (request: IncomingMessage, response: ServerResponse) => void, options: FastifyServerOptions) => Server {
    return (handler, options) => {
      const server = createServer(options.http ?? {}, (request, response) => {
        if (!this.answer(request, response)) handler(request, response);
      });
      if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
      if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
      server.setTimeout(options.connectionTimeout ?? 0);
      if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      server.on('close', () => this.flushLog());
      return server;
    };
  }

  /** Answers `request` from a source and returns true, or returns false having touched nothing. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const { method, url, headers } = request;
    if ((method !== 'GET' && method !== 'HEAD') || !url || this.sources.length === 0) return false;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
    const log = this.options.log?.isLevelEnabled('info') ? this.options.log : undefined;
    const started = log ? performance.now() : 0;
    let hit: CachedResponse | undefined;
    for (const source of this.sources) if ((hit = source.cachedResponse(url, request))) break;
    if (!hit) return false;
    const encoding = hit.body.length >= COMPRESSION_THRESHOLD_BYTES ? this.encodingFor(headers['accept-encoding']) : null;
    const body = encoding ? hit.encoded[encoding] : hit.body;
    if (!body) return false;

    const prepared = this.prepared(hit, encoding, body);
    const notModified = headers['if-none-match'] === prepared.etag;
    const head = notModified ? prepared.notModified : prepared.ok;
    const requestId = requestIdFor(request);
    // The request id's slot; writeHead reads the array before anything else can run.
    head[1] = requestId;
    response.writeHead(notModified ? 304 : 200, head);
    response.end(notModified || method === 'HEAD' ? undefined : body);
    if (log) this.count(method, hit.route, notModified ? 304 : 200, performance.now() - started);
    return true;
  }

  /**
   * A line per hit would cost a third of the throughput (a write to stdout per request), so hits
   * are counted per method, route and status and logged as one line each per interval (and when
   * the server closes), with the slowest duration. A hit's request id is in its response only.
   */
  private count(method: string, route: string, status: number, durationMs: number): void {
    const key = `${method} ${status} ${route}`;
    const tally = this.tallies.get(key);
    if (tally) {
      tally.count++;
      tally.maxDurationMs = Math.max(tally.maxDurationMs, durationMs);
    } else {
      this.tallies.set(key, { method, route, status, count: 1, maxDurationMs: durationMs });
    }
    this.logTimer ??= setTimeout(() => this.flushLog(), this.options.logIntervalMs ?? HIT_LOG_INTERVAL_MS).unref();
  }

  /** Logs the hits counted since the last time. */
  flushLog(): void {
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = undefined;
    for (const { maxDurationMs, ...tally } of this.tallies.values()) {
      this.options.log?.info({ ...tally, maxDurationMs: Math.round(maxDurationMs * 10) / 10 }, 'cached responses');
    }
    this.tallies.clear();
  }

  /** The heads of `hit` in `encoding`, built once per body and encoding: the headers the app's handler sends. */
  private prepared(hit: CachedResponse, encoding: ContentEncoding | null, body: Buffer): PreparedHeads {
    let byEncoding = this.heads.get(hit.body);
    if (!byEncoding || byEncoding.source.headers !== hit.headers || byEncoding.source.okHeaders !== hit.okHeaders || byEncoding.source.etag !== hit.etag) {
      byEncoding = { source: hit, heads: {} };
      this.heads.set(hit.body, byEncoding);
    }
    const variant = encoding ?? 'identity';
    const known = byEncoding.heads[variant];
    if (known) return known;
    const etag = `"${hit.etag}${encoding ? `-${encoding}` : ''}"`;
    const common = [REQUEST_ID_HEADER, ''];
    for (const [name, value] of this.securityHeaders) if (!(name in hit.headers)) common.push(name, value);
    for (const [name, value] of Object.entries(hit.headers)) if (name !== 'vary') common.push(name, value);
    common.push('etag', etag, 'vary', hit.headers['vary'] ? `${hit.headers['vary']}, accept-encoding` : 'accept-encoding');
    const ok = [...common];
    for (const [name, value] of Object.entries(hit.okHeaders ?? {})) ok.push(name, value);
    ok.push('content-type', hit.contentType);
    if (encoding) ok.push('content-encoding', encoding);
    ok.push('content-length', String(body.length));
    return (byEncoding.heads[variant] = { etag, ok, notModified: common });
  }

  /** Browsers send a handful of different Accept-Encoding headers: each is read once. */
  private encodingFor(acceptEncoding: string | undefined): ContentEncoding | null {
    if (acceptEncoding === undefined) return null;
    let encoding = this.encodings.get(acceptEncoding);
    if (encoding === undefined) {
      encoding = preferredEncoding(acceptEncoding);
      if (this.encodings.size >= MAX_REMEMBERED_ACCEPT_ENCODINGS) this.encodings.clear();
      this.encodings.set(acceptEncoding, encoding);
    }
    return encoding;
  }
}

interface PreparedHeads {
  etag: string;
  /** Flat name/value lists for `writeHead`, the request id's value at index 1. */
  ok: string[];
  notModified: string[];
}

const MAX_REMEMBERED_ACCEPT_ENCODINGS = 64;
const HIT_LOG_INTERVAL_MS = 10_000;

/** The options of Fastify's that shape its HTTP server (`FastifyServerOptions`, narrowed to what `serverFactory` reads). */
export interface FastifyServerOptions {
  http?: ServerOptions | null;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}
