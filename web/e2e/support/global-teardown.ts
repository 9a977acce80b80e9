import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

async function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Stops the app (which stops its PostgreSQL) and the test OpenID provider, and removes the data. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__FREMDRIFT_E2E__;
  if (!running) return;
  const { server, oidcProvider, dataRoot } = running;
  await stop(server, 15_000);
  await stop(oidcProvider, 5_000);
  rmSync(dataRoot, { recursive: true, force: true });
}
