import type { InjectOptions } from 'fastify';
import { listeningPort, rawExchange } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';

/** The headers of `app.useSecurityHeaders()`: every response must carry them, as a normal one does. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

type Headers = Record<string, string | string[] | number | undefined>;

describe('Errors Fastify raises itself', () => {
  let t: TestApp;
  let expected: Record<string, unknown>;

  const securityHeadersOf = (headers: Headers) => Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

  /** A problem document with this status and the same security headers as any other response. */
  function expectAppError(response: { status: number; headers: Headers; body: string }, status: number) {
    expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
      status,
      contentType: 'application/problem+json; charset=utf-8',
    });
    expect(JSON.parse(response.body)).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
    expect(securityHeadersOf(response.headers)).toEqual(expected);
  }

  const inject = async (options: InjectOptions) => {
    const response = await t.app.getHttpAdapter().getInstance().inject(options);
    return { status: response.statusCode, headers: response.headers, body: response.body };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const health = await t.anonymous.get('/api/health');
    expected = securityHeadersOf(health.headers);
    expect(expected['content-security-policy']).toContain("default-src 'self'");
    expect(expected['x-content-type-options']).toBe('nosniff');
  });
  afterAll(() => t.close());

  it('answers a URL that is not validly percent-encoded (400) with a problem document and the security headers', async () => {
    const response = await inject({ method: 'GET', url: '/api/departments/%ff' });
    expectAppError(response, 400);
    expect(response.body).not.toContain('%ff');
  });

  it('answers an over-long path segment (414) the same way, without echoing it', async () => {
    const response = await inject({ method: 'GET', url: `/api/departments/${'a'.repeat(5000)}` });
    expectAppError(response, 414);
    expect(response.body.length).toBeLessThan(500);
  });

  it('answers a body that is too large (413), malformed JSON (400) and a media type it does not take (415) the same way', async () => {
    const json = { 'content-type': 'application/json' };
    expectAppError(
      await inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }) }),
      413,
    );
    expectAppError(await inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: '{"email":' }), 400);
    expectAppError(await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=a' }), 415);
  });

  it('answers an unknown route (404) the same way', async () => {
    expectAppError(await inject({ method: 'GET', url: '/api/no-such-thing' }), 404);
  });

  describe('on the socket, before Fastify has a request', () => {
    let port: number;

    beforeAll(async () => {
      port = await listeningPort(t.app);
    });

    it('answers a request Node cannot parse (400) with a problem document and the security headers', async () => {
      const response = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n');
      expectAppError(response, 400);
      expect(response.headers['connection']).toBe('close');
    });

    it('answers a head larger than Node accepts, such as a very long URL (431), the same way', async () => {
      const response = await rawExchange(port, `GET /api/departments/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expectAppError(response, 431);
    });
  });
});
