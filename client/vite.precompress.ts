import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What is worth compressing: text the browser loads. Source maps are left as they are (only developer tools read them). */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this, compressing saves less than a request's own headers. */
const MIN_BYTES = 1024;

/** Writes the compressed copies of one file. */
async function compressBeside(file: string): Promise<void> {
  const content = await fs.readFile(file);
  if (content.length < MIN_BYTES) return;
  const copies: [string, Buffer][] = [
    [
      '.br',
      await brotli(content, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      }),
    ],
    ['.gz', await gzip(content, { level: 9 })],
  ];
  for (const [suffix, compressed] of copies) {
    if (compressed.length < content.length) await fs.writeFile(file + suffix, compressed);
  }
}

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, at their highest levels, for the
 * server to send to a browser that accepts them (server/http/client.routes.ts): done once at build time, a request costs
 * no compression work. A copy that would not be smaller is not written.
 */
export function precompress(): Plugin {
  let written: string[] = [];
  return {
    name: 'yhteispeli:precompress',
    apply: 'build',
    // Compressing is not bundling: it takes the names as they are written and runs once the bundle is closed.
    writeBundle(options, bundle) {
      written = Object.keys(bundle)
        .filter((name) => TEXT.test(name))
        .map((name) => path.join(options.dir!, name));
    },
    async closeBundle() {
      await Promise.all(written.map(compressBeside));
    },
  };
}
