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
 * How hard to compress, by how long a body lives. `lasting`, for bodies sent many times: brotli 5
 * and gzip 6, within a few per cent of the best for JSON and markup at a small fraction of the time.
 * `brief`, for a body the next change replaces and that a reader waits for: brotli 3 and gzip 3, a
 * few per cent larger in about half the time.
 */
export type CompressionEffort = 'lasting' | 'brief';
const LEVELS = { lasting: { brotli: 5, gzip: 6 }, brief: { brotli: 3, gzip: 3 } } as const satisfies Record<CompressionEffort, object>;

const brotliOptions = (body: Buffer, effort: CompressionEffort) => ({
  params: { [zlib.BROTLI_PARAM_QUALITY]: LEVELS[effort].brotli, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
});
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A body the app answers itself compressed, in one call (a few dozen kB at most). */
export function compressSync(encoding: ContentEncoding, body: Buffer, effort: CompressionEffort = 'lasting'): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body, effort)) : gzipSync(body, { level: LEVELS[effort].gzip });
}

/** The same, off the event loop: for bodies compressed once and kept. */
export function compress(encoding: ContentEncoding, body: Buffer): Promise<Buffer> {
  return encoding === 'br' ? brotliAsync(body, brotliOptions(body, 'lasting')) : gzipAsync(body, { level: LEVELS.lasting.gzip });
}
