import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CachedResponses, type CachedResponse } from './cached-responses';

const big = Buffer.from('x'.repeat(2000));
const small = Buffer.from('{"small":true}');
const RESPONSES: Record<string, CachedResponse> = {
  '/big': {
    route: '/big',
    body: big,
    encoded: { gzip: Buffer.from('gzipped bytes') },
    contentType: 'text/plain',
    etag: 'abc',
    headers: { 'cache-control': 'public', 'cross-origin-resource-policy': 'cross-origin' },
    okHeaders: { 'content-disposition': 'inline' },
  },
  '/small': { route: '/small', body: small, encoded: {}, contentType: 'application/json', etag: 'def', headers: {} },
  '/page': { route: '/page', body: small, encoded: {}, contentType: 'text/html', etag: 'ghi', headers: { vary: 'cookie' } },
};

describe('CachedResponses', () => {
  let server: Server;
  let port: number;
  let toTheApp: string[];

  beforeAll(async () => {
    const responses = new CachedResponses()
      .use({ cachedResponse: (target, request) => (target === '/page' && request.headers.cookie ? undefined : RESPONSES[target]) })
      .useSecurityHeaders((response) => {
        response.setHeader('X-Frame-Options', 'DENY');
        response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      });
    server = responses.serverFactory()(
      (request, response) => {
        toTheApp.push(`${request.method} ${request.url}`);
        response.writeHead(299).end();
      },
      { keepAliveTimeout: 1234, requestTimeout: 5678, connectionTimeout: 9000 },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => (toTheApp = []));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = (path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  it('creates the server with the timeouts Fastify was given', () => {
    expect([server.keepAliveTimeout, server.requestTimeout, server.timeout]).toEqual([1234, 5678, 9000]);
  });

  it('answers a known target with its bytes, its headers in place of security headers of the same name, and a request id', async () => {
    const gzip = await send('/big', { 'accept-encoding': 'gzip', 'x-request-id': 'from-the-proxy' });
    expect(gzip.status).toBe(200);
    expect(gzip.body).toBe('gzipped bytes');
    expect(gzip.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public',
      'content-disposition': 'inline',
      'content-type': 'text/plain',
      'content-encoding': 'gzip',
      'content-length': String('gzipped bytes'.length),
      etag: '"abc-gzip"',
      vary: 'accept-encoding',
      'x-request-id': 'from-the-proxy',
    });
    const identity = await send('/big');
    expect([identity.body, identity.headers['etag'], identity.headers['content-encoding']]).toEqual([big.toString(), '"abc"', undefined]);
    expect(String(identity.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    // Below the compression threshold the app sends the identity whatever the client accepts.
    expect((await send('/small', { 'accept-encoding': 'br' })).headers['etag']).toBe('"def"');
    expect(toTheApp).toEqual([]);
  });

  it('lets a source decline by a request header it depends on, and names that header in Vary', async () => {
    expect((await send('/page')).headers['vary']).toBe('cookie, accept-encoding');
    expect((await send('/page', { cookie: 'lang=en' })).status).toBe(299);
    expect(toTheApp).toEqual(['GET /page']);
  });

  it('answers If-None-Match with 304 and HEAD without a body', async () => {
    const notModified = await send('/big', { 'accept-encoding': 'gzip', 'if-none-match': '"abc-gzip"' });
    expect([notModified.status, notModified.body, notModified.headers['etag'], notModified.headers['content-type']]).toEqual([
      304,
      '',
      '"abc-gzip"',
      undefined,
    ]);
    expect(notModified.headers['content-disposition']).toBeUndefined();
    expect((await send('/big', { 'accept-encoding': 'gzip', 'if-none-match': '"abc"' })).status).toBe(200);
    const head = await send('/big', {}, 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(big.length)]);
    expect(toTheApp).toEqual([]);
  });

  it('leaves to the app what it cannot answer exactly: other methods, a body, unknown targets, an encoding not compressed yet', async () => {
    await send('/big', {}, 'POST');
    await send('/big', { 'content-type': 'text/plain', 'content-length': '6' }, 'GET', 'a body');
    await send('/unknown');
    await send('/big', { 'accept-encoding': 'br, gzip' });
    expect(toTheApp).toEqual(['POST /big', 'GET /big', 'GET /unknown', 'GET /big']);
  });
});
