// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built web
// app, so that the API serves the smallest encoding a browser accepts without compressing per
// request. Run by `nx build web` after the Angular build: `node tools/precompress.mjs dist/web/browser`.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats; images and fonts of the web app are already compressed. */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.webmanifest', '.map', '.ico']);
export const ENCODINGS = [
  { suffix: '.br', compress: (data, file) => brotli(data, brotliOptions(data, file)) },
  { suffix: '.gz', compress: (data) => gzipAsync(data, { level: 9 }) },
];

function brotliOptions(data, file) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: extname(file) === '.ico' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  };
}

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Compresses every compressible file under `root`. A copy that would not be smaller is not kept
 * (the file is then served as it is); copies left from an earlier build of a file are replaced.
 */
export async function precompress(root) {
  const files = [];
  for await (const file of filesUnder(root)) {
    if (COMPRESSIBLE.has(extname(file))) files.push(file);
  }
  const totals = { files: files.length, bytes: 0, br: 0, gz: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const data = await readFile(file);
      totals.bytes += data.length;
      for (const { suffix, compress } of ENCODINGS) {
        const compressed = await compress(data, file);
        const keep = compressed.length < data.length;
        if (keep) await writeFile(file + suffix, compressed);
        else await rm(file + suffix, { force: true });
        totals[suffix.slice(1)] += keep ? compressed.length : data.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
  return totals;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(process.argv[2] ?? 'dist/web/browser');
  if (!(await stat(root).catch(() => null))?.isDirectory()) {
    console.error(`precompress: ${root} is not a directory; build the web app first`);
    process.exit(1);
  }
  const started = Date.now();
  const totals = await precompress(root);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    `precompress: ${totals.files} files in ${relative(process.cwd(), root) || '.'}: ${kb(totals.bytes)} → brotli ${kb(totals.br)}, gzip ${kb(totals.gz)} (${Date.now() - started} ms)`,
  );
}
