import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A PostgreSQL that belongs to one test file, so that it can stop and start it under a running app. */
export interface RestartablePostgres {
  /** Same for the server's whole life: it keeps its port and data across restarts. */
  url: string;
  /** Fast shutdown: open sessions end with SQLSTATE 57P01, new connections are refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server and deletes its data. Call in afterAll. */
  dispose(): Promise<void>;
}

type Command = 'start' | 'stop' | 'dispose';

/** Starts a fresh server (a few hundred milliseconds for initdb, start and CREATE DATABASE). */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const child: ChildProcess = fork(join(__dirname, 'postgres-process.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let exited = false;
  child.once('exit', () => (exited = true));

  const send = (command: Command) =>
    new Promise<string>((resolve, reject) => {
      if (exited) return reject(new Error(`The PostgreSQL process has exited; cannot ${command}`));
      const onExit = () => reject(new Error(`The PostgreSQL process exited during ${command}`));
      child.once('exit', onExit);
      const onMessage = (message: { reply: Command; url?: string; error?: string }) => {
        if (message.reply !== command) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (message.error) reject(new Error(`PostgreSQL ${command} failed: ${message.error}`));
        else resolve(message.url ?? '');
      };
      child.on('message', onMessage);
      child.send({ command });
    });

  const url = await send('start');
  return {
    url,
    stop: async () => void (await send('stop')),
    start: async () => void (await send('start')),
    restart: async () => {
      await send('stop');
      await send('start');
    },
    dispose: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      await send('dispose');
      await gone;
    },
  };
}
