import type { FastifyInstance } from 'fastify';
import { IMPORT_LIMITS } from '@fremdrift/contracts';
import { CSV_TYPE, XLSX_TYPE } from './initiative-transfer.service';

/**
 * Hands an uploaded spreadsheet to the import route as the bytes it is, up to IMPORT_LIMITS.maxBytes
 * (beyond: 413). Only routes that list these media types in their `bodyMediaTypes` take them; every
 * other route still answers 415 (see core/http/json-only.ts).
 */
export function acceptSpreadsheetBodies(fastify: FastifyInstance): void {
  for (const type of [XLSX_TYPE, CSV_TYPE]) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
  }
}
