import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { randomUUID } from 'node:crypto';
import { DepartmentsService } from '../../src/modules/departments/departments.service';
import { factories } from '../support/factories';
import { listeningPort, rawExchange } from '../support/raw-http';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

type LogLine = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Request logs', () => {
  let t: TestApp;
  let output = '';

  const logLines = (): LogLine[] =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  const requestLines = () => logLines().filter((line) => 'durationMs' in line);
  const requestLineOf = (requestId: unknown) => {
    const lines = requestLines().filter((line) => line['requestId'] === requestId);
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { write: (line: string) => void (output += line) });
  });
  beforeEach(async () => {
    await t.reset();
    output = '';
  });
  afterAll(() => t.close());

  it('logs one JSON line per request: method, route pattern, status, duration, request id and user, and nothing the client sent', async () => {
    const { initiative } = await factories(t).world();
    const admin = await t.signedIn('admin');
    output = '';

    const login = await t.anonymous.post('/api/auth/login', { email: admin.user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const sessionCookie = String([login.headers['set-cookie']].flat().find((cookie) => String(cookie).startsWith(`${SESSION_COOKIE}=`)));
    const newSessionToken = sessionCookie.slice(SESSION_COOKIE.length + 1).split(';')[0];
    expect(newSessionToken.length).toBeGreaterThanOrEqual(32);
    const secretText = `Hemmelig note ${randomUUID()}`;
    const bearer = `Bearer ${randomUUID()}`;
    const created = await admin.post(
      `/api/initiatives/${initiative.id}/status-updates`,
      { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'on_track', narrative: secretText, authorName: secretText },
      { headers: { authorization: bearer } },
    );
    expect(created.status).toBe(201);
    const read = await admin.get(`/api/initiatives/${initiative.id}?q=${encodeURIComponent(secretText)}`);
    expect(read.status).toBe(200);

    expect(requestLines()).toHaveLength(3);
    expect(requestLineOf(login.headers['x-request-id'])).toMatchObject({
      level: 30,
      method: 'POST',
      route: '/api/auth/login',
      status: 200,
      msg: 'request completed',
    });
    expect(requestLineOf(created.headers['x-request-id'])).toMatchObject({
      method: 'POST',
      route: '/api/initiatives/:initiativeId/status-updates',
      status: 201,
      userId: admin.user.id,
    });
    expect(requestLineOf(read.headers['x-request-id'])).toEqual({
      level: 30,
      time: expect.any(String),
      pid: process.pid,
      hostname: expect.any(String),
      requestId: read.headers['x-request-id'],
      method: 'GET',
      route: '/api/initiatives/:id',
      status: 200,
      durationMs: expect.any(Number),
      userId: admin.user.id,
      msg: 'request completed',
    });

    for (const secret of [TEST_PASSWORD, admin.session.token, admin.session.csrfToken, newSessionToken, bearer, secretText, initiative.id]) {
      expect(output).not.toContain(secret);
    }
    for (const header of ['cookie', SESSION_COOKIE, XSRF_HEADER, 'authorization', 'user-agent', 'headers']) {
      expect(output.toLowerCase()).not.toContain(header.toLowerCase());
    }
  });

  it('gives every error the request id of its response header, in the body and in the log', async () => {
    const missing = await t.get(`/api/departments/${randomUUID()}`);
    const unknownRoute = await t.get('/api/no-such-thing');
    const anonymous = await t.anonymous.get('/api/departments');
    const badUrl = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/departments/%ff' });

    for (const [response, status, route] of [
      [missing, 404, '/api/departments/:id'],
      [unknownRoute, 404, null],
      [anonymous, 401, '/api/departments'],
      [{ status: badUrl.statusCode, headers: badUrl.headers, body: badUrl.json() }, 400, null],
    ] as const) {
      const requestId = response.headers['x-request-id'];
      expect(requestId).toMatch(UUID);
      expect({ status: response.status, requestId: response.body.requestId }).toEqual({ status, requestId });
      expect(requestLineOf(requestId)).toMatchObject({ status, route });
    }
  });

  it('logs an unexpected error with the request id that its 500 carries', async () => {
    jest.spyOn(t.app.get(DepartmentsService), 'create').mockRejectedValueOnce(new Error('The disk is on fire'));

    const response = await t.post('/api/departments', { code: 'BRAND', name: 'Brandvæsenet' });

    expect(response.status).toBe(500);
    const requestId = response.headers['x-request-id'];
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'unexpected',
      detail: 'An unexpected error occurred.',
      requestId,
    });
    const errorLine = logLines().find((line) => line['context'] === 'ProblemDetailsFilter');
    expect(errorLine).toMatchObject({ level: 50, requestId, msg: 'Answered 500', error: expect.stringContaining('Error: The disk is on fire') });
    expect(requestLineOf(requestId)).toMatchObject({ level: 50, method: 'POST', route: '/api/departments', status: 500, userId: t.admin.id });
  });

  it('takes a sane X-Request-Id from the caller', async () => {
    const response = await t.get('/api/departments', { headers: { 'x-request-id': 'lb-7f3a:2026/12.04_a+b=c@edge' } });

    expect(response.headers['x-request-id']).toBe('lb-7f3a:2026/12.04_a+b=c@edge');
    expect(requestLineOf('lb-7f3a:2026/12.04_a+b=c@edge')).toMatchObject({ status: 200 });
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces and quotes', 'id" injected="yes'],
    ['with control characters', 'id\u0007\u001b[31m'],
  ])('replaces an X-Request-Id %s with one of its own', async (_, insane) => {
    const response = await t.get('/api/departments', { headers: { 'x-request-id': insane } });

    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(requestLineOf(response.headers['x-request-id'])).toMatchObject({ status: 200 });
    expect(output).not.toContain(insane);
  });

  it('gives a request Node cannot parse a request id in the header, the body and the log', async () => {
    const response = await rawExchange(await listeningPort(t.app), 'NOT HTTP AT ALL\r\n\r\n');

    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(UUID);
    expect({ status: response.status, requestId: JSON.parse(response.body).requestId }).toEqual({ status: 400, requestId });
    expect(logLines()).toContainEqual(expect.objectContaining({ requestId, status: 400, msg: 'connection refused' }));
  });
});
