import { rmSync } from 'node:fs';

/** Stops the app (which stops its PostgreSQL) and removes the data. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__FREMDRIFT_E2E__;
  if (!running) return;
  const { server, dataRoot } = running;
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  rmSync(dataRoot, { recursive: true, force: true });
}
