import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { PublicInitiative } from '@fremdrift/contracts';
import type { FastifyReply } from 'fastify';
import { initiativesCsvPart } from './public-formats';
import { PUBLIC_HEADERS } from './public-responses';
import type { PublicService } from './public.service';

/** A download of every published initiative: its file name, type, and how the parts are written. */
export interface DownloadFormat {
  fileName: string;
  contentType: string;
  start: (total: number, lastUpdatedAt: string | null) => string;
  batch: (initiatives: PublicInitiative[], first: boolean) => string;
  end: string;
}

export const CSV_DOWNLOAD: DownloadFormat = {
  fileName: 'fremdrift-initiativer.csv',
  contentType: 'text/csv; charset=utf-8',
  start: () => '',
  batch: initiativesCsvPart,
  end: '',
};

/** `{ "lastUpdatedAt": …, "total": n, "items": [ … ] }`: the items as the list pages give them, all of them in the list's order. */
export const JSON_DOWNLOAD: DownloadFormat = {
  fileName: 'fremdrift-initiativer.json',
  contentType: 'application/json; charset=utf-8',
  start: (total, lastUpdatedAt) => `{"lastUpdatedAt":${JSON.stringify(lastUpdatedAt)},"total":${total},"items":[`,
  batch: (initiatives, first) => (first ? '' : ',') + initiatives.map((i) => JSON.stringify(i)).join(','),
  end: ']}\n',
};

const logger = new Logger('PublicDownload');

/**
 * Streams every published initiative as `format`, read from a database cursor a batch at a time
 * and written as the client reads it (waiting while the socket is full), so that neither the rows
 * nor the body is ever whole in memory. A failure after the first byte ends the connection without
 * the closing bytes, so that a client sees an incomplete download, not a short one that looks whole.
 */
export function streamDownload(service: PublicService, reply: FastifyReply, format: DownloadFormat): FastifyReply {
  const out = new PassThrough();
  let closed = false;
  out.on('close', () => (closed = true));
  const write = async (text: string): Promise<boolean> => {
    if (closed) return false;
    if (text && !out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    return !closed;
  };
  let first = true;
  service
    .eachPublished(
      async (total, lastUpdatedAt) => void (await write(format.start(total, lastUpdatedAt))),
      async (batch) => {
        const written = await write(format.batch(batch, first));
        first = false;
        return written;
      },
    )
    .then(async () => {
      if (first) await write(format.batch([], true));
      await write(format.end);
      out.end();
    })
    .catch((error: unknown) => {
      logger.error(`Public download failed: ${String(error)}`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return reply
    .headers(PUBLIC_HEADERS)
    .header('content-type', format.contentType)
    .header('content-disposition', `attachment; filename="${format.fileName}"`)
    .header('vary', 'accept-encoding')
    .send(out);
}
