import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DashboardAnswer } from './dashboard-answer';

function sent(answer: DashboardAnswer, acceptEncoding?: string) {
  const headers: Record<string, string> = {};
  let body: Buffer | undefined;
  const reply = {
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
    send(payload: Buffer) {
      body = payload;
      return reply;
    },
  };
  answer.send({ headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} } as FastifyRequest, reply as unknown as FastifyReply);
  return { headers, body: body as Buffer };
}

describe('DashboardAnswer', () => {
  const json = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Initiativ ${i}` })) }));

  it('sends the JSON compressed as the client prefers, each encoding compressed once', () => {
    const answer = new DashboardAnswer('[]', json);
    const gzip = sent(answer, 'gzip, deflate');
    expect(gzip.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', vary: 'accept-encoding', 'content-encoding': 'gzip' });
    expect(gunzipSync(gzip.body).equals(json)).toBe(true);
    const br = sent(answer, 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(json)).toBe(true);
    expect(sent(answer, 'gzip').body).toBe(gzip.body);
  });

  it('sends the JSON as is without an accepted encoding, and below the compression threshold', () => {
    const plain = sent(new DashboardAnswer('[]', json));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(json);
    const small = Buffer.from('{"rows":[]}');
    expect(sent(new DashboardAnswer('[]', small), 'gzip').body).toBe(small);
  });
});
