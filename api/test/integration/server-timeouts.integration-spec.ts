import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Server } from 'node:http';
import { SESSION_COOKIE } from '@fremdrift/contracts';
import { SERVER_TIMEOUTS } from '../../src/bootstrap';
import { listeningPort, rawExchange } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';

/** Opens the dashboard's event stream and collects the names of its events. */
function openEventStream(port: number, cookie: string): Promise<{ response: IncomingMessage; events: string[]; closed: () => boolean; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/api/dashboard/events', headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      const events: string[] = [];
      let closed = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => events.push(...[...chunk.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])));
      response.on('close', () => (closed = true));
      resolve({ response, events, closed: () => closed, close: () => request.destroy() });
    });
    request.on('error', reject);
    request.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Server timeouts', () => {
  let t: TestApp;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.reset();
    server = t.app.getHttpServer();
    port = await listeningPort(t.app);
  });
  afterAll(() => t.close());

  it('bounds how long a client may take to send a request and keep an idle connection', () => {
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
      idleSocketTimeout: server.timeout,
    }).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 10_000, idleSocketTimeout: 60_000 });
    expect(SERVER_TIMEOUTS.headersTimeoutMs).toBeLessThanOrEqual(SERVER_TIMEOUTS.requestTimeoutMs);
  });

  describe('with the request clocks shortened to fractions of a second', () => {
    beforeAll(() => {
      server.headersTimeout = 300;
      server.requestTimeout = 600;
    });
    afterAll(() => {
      server.headersTimeout = SERVER_TIMEOUTS.headersTimeoutMs;
      server.requestTimeout = SERVER_TIMEOUTS.requestTimeoutMs;
    });

    it('closes a connection whose request head never ends, with a 408 problem document, within a check interval', async () => {
      const response = await rawExchange(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
      expect(response.status).toBe(408);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.closedAfterMs).toBeLessThan(server.headersTimeout + SERVER_TIMEOUTS.checkIntervalMs + 1_000);
    });

    it('keeps the dashboard’s event stream open long after, since the clocks stop once the request has arrived', async () => {
      const admin = await t.signedIn('admin');
      const stream = await openEventStream(port, `${SESSION_COOKIE}=${admin.session.token}`);
      try {
        expect(stream.response.statusCode).toBe(200);
        expect(stream.response.headers['content-type']).toContain('text/event-stream');
        await sleep(server.requestTimeout + 2 * SERVER_TIMEOUTS.checkIntervalMs);
        expect(stream.closed()).toBe(false);

        expect((await t.post('/api/departments', { code: 'SSE', name: 'Ændret under strømmen' })).status).toBe(201);
        for (let waited = 0; waited < 5_000 && !stream.events.includes('change'); waited += 50) await sleep(50);
        expect(stream.events).toContain('change');
      } finally {
        stream.close();
      }
    });
  });
});
