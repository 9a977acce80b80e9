import { connect } from 'node:net';
import type { INestApplication } from '@nestjs/common';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** From the first byte written until the server closed the connection. */
  closedAfterMs: number;
}

/** Makes the app listen on a free local port (once) and returns the port. */
export async function listeningPort(app: INestApplication): Promise<number> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  return server.address().port;
}

/**
 * Writes bytes to a new connection as they are, and reads until the server closes it: for what
 * an HTTP client would never send (a malformed request, a head that never ends).
 */
export function rawExchange(port: number, request: string | Buffer, giveUpAfterMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const started = Date.now();
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`The server kept the connection open for ${giveUpAfterMs} ms`));
    }, giveUpAfterMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), closedAfterMs: Date.now() - started });
    });
  });
}
