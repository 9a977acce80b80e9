import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SESSION_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const MAIN = join(__dirname, '../../../dist/api/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The built API as its own process on the test database. */
async function startProcess(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: '', DEMO_DATA: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`The API process exited: ${errors}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`The API process did not start: ${errors}`);
}

/** Collects the names of the server-sent events of one stream. */
async function openEventStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const events: string[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (const match of buffer.matchAll(/^event: (\w+)$/gm)) events.push(match[1]);
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    } catch {
      // aborted
    }
  })();
  return { response, events, close: () => controller.abort() };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('Live updates across API processes', () => {
  let t: TestApp;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`Build the API first (npx nx build api): ${MAIN} is missing`);
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await t.close();
  });

  it('tells a dashboard open on one process about a change made through another, within seconds', async () => {
    await t.reset();
    const { initiative, department } = await factories(t).world();
    const viewer = await t.signedIn('viewer');
    const lead = await t.signedIn('department_lead', [department.id]);
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    processes.push(a.process, b.process);

    const stream = await openEventStream(`${b.url}/api/dashboard/events`, `${SESSION_COOKIE}=${viewer.session.token}`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    try {
      expect(await waitFor(() => stream.events.includes('change'), 1500)).toBe(false);

      const written = await fetch(`${a.url}/api/initiatives/${initiative.id}`, {
        method: 'PATCH',
        headers: {
          cookie: `${SESSION_COOKIE}=${lead.session.token}`,
          [XSRF_HEADER]: lead.session.csrfToken,
          'if-match': `"${initiative.version}"`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ health: 'at_risk' }),
      });
      expect(written.status).toBe(200);
      expect(await waitFor(() => stream.events.includes('change'), 5000)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('refreshes the cached public data of one process within a second of a write through another', async () => {
    await t.reset();
    const { initiative, department } = await factories(t).world();
    const published = await t.patch(`/api/initiatives/${initiative.id}`, { published: true }, { ifMatch: initiative.version });
    const lead = await t.signedIn('department_lead', [department.id]);
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    processes.push(a.process, b.process);

    const before = await fetch(`${b.url}/api/public/initiatives`);
    const etag = before.headers.get('etag')!;
    expect(((await before.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([initiative.title]);
    expect((await fetch(`${b.url}/api/public/initiatives`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const written = await fetch(`${a.url}/api/initiatives/${initiative.id}`, {
      method: 'PATCH',
      headers: {
        cookie: `${SESSION_COOKIE}=${lead.session.token}`,
        [XSRF_HEADER]: lead.session.csrfToken,
        'if-match': `"${published.body.version}"`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Et nyt navn for offentligheden' }),
    });
    expect(written.status).toBe(200);
    const changed = await waitForAsync(async () => {
      const response = await fetch(`${b.url}/api/public/initiatives`, { headers: { 'if-none-match': etag } });
      return response.status === 200 && ((await response.json()) as { items: { title: string }[] }).items[0]?.title === 'Et nyt navn for offentligheden';
    }, 1000);
    expect(changed).toBe(true);
  });

  it('keeps the stream for signed-in dashboard readers only', async () => {
    const [anonymous, lead] = await Promise.all([t.anonymous.get('/api/dashboard/events'), (await t.signedIn('department_lead')).get('/api/dashboard/events')]);
    expect(anonymous.status).toBe(401);
    expect(lead.status).toBe(403);
  });
});
