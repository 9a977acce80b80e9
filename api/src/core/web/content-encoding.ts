import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync } from 'node:zlib';

/** The encodings the app compresses with, in the order it prefers them when a client accepts both equally. */
export const CONTENT_ENCODINGS = ['br', 'gzip'] as const;
export type ContentEncoding = (typeof CONTENT_ENCODINGS)[number];

/**
 * The encoding to answer with, from a request's `Accept-Encoding` (RFC 9110 §12.5.3) and the
 * encodings at hand: the one with the highest weight, brotli before gzip on a tie. A coding the
 * header leaves out is acceptable only through `*`; weight 0 refuses it. `null` means the identity
 * (no header, or nothing at hand that the client accepts).
 */
export function preferredEncoding(
  acceptEncoding: string | string[] | undefined,
  available: readonly ContentEncoding[] = CONTENT_ENCODINGS,
): ContentEncoding | null {
  if (acceptEncoding === undefined) return null;
  const weights = new Map<string, number>();
  for (const part of [acceptEncoding].flat().join(',').split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => /^q\s*=/.test(parameter));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) continue;
    const coding = name === 'x-gzip' ? 'gzip' : name;
    weights.set(coding, Math.max(weights.get(coding) ?? 0, weight));
  }
  let best: ContentEncoding | null = null;
  let bestWeight = 0;
  for (const encoding of CONTENT_ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Brotli quality by how long a body lives. `lasting` (5), for bodies sent many times: within a few
 * per cent of the best for JSON and markup, at a small fraction of the time. `brief` (3), for a body
 * the next change replaces and that a reader waits for: a few per cent larger, in a third of the time.
 */
export const BROTLI_QUALITY = { lasting: 5, brief: 3 } as const;
type BrotliQuality = (typeof BROTLI_QUALITY)[keyof typeof BROTLI_QUALITY];

const brotliOptions = (body: Buffer, quality: BrotliQuality = BROTLI_QUALITY.lasting) => ({
  params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
});
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A body the app answers itself compressed, in one call (a few dozen kB at most). */
export function compressSync(encoding: ContentEncoding, body: Buffer, quality?: BrotliQuality): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body, quality)) : gzipSync(body);
}

/** The same, off the event loop: for bodies compressed once and kept. */
export function compress(encoding: ContentEncoding, body: Buffer): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, brotliOptions(body)) : gzipAsync(body);
}
