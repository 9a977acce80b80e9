import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CONTENT_ENCODINGS } from './content-encoding';

/** Below this, compressing costs more time than the bytes it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Text formats only. Event streams are left out so that each event reaches the client when it is
 * written (a compressor would hold it back); images, spreadsheets and archives are compressed
 * already.
 */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:[\w.-]+\+)?(?:json|xml)|application\/javascript|image\/svg\+xml)(?:\s*;|$)/i;

/**
 * Compresses responses of the routes registered after it (the API's own, and the site map) for a
 * client that asks for it: brotli or gzip as Accept-Encoding prefers, above a threshold, with
 * `Vary: Accept-Encoding`. A response that already has a Content-Encoding is left alone, and so
 * are the built web app's files, which are compressed at build time and registered before this.
 * Request bodies are not decompressed: clients send small JSON.
 */
export async function compressResponses(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: [...CONTENT_ENCODINGS],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: (contentType: string) => COMPRESSIBLE.test(contentType),
  });
}
