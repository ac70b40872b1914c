import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import Negotiator from 'negotiator';

/** The encodings the client build writes beside each asset (client/vite.precompress.ts), in the order preferred. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

// Browsers list gzip before br ("gzip, deflate, br, zstd") with the same weight: among equals, the order above decides.
const ENCODING_NAMES = ENCODINGS.map((e) => e.name);

/** Vite names every file in assets/ by its content's hash: a changed file is a new address, so it can be kept for good. */
const FOREVER = 'public, max-age=31536000, immutable';

/** The file in `assets` that a request's path names, or undefined for a path that is malformed or leads out of it. */
function assetFile(assets: string, requested: string): string | undefined {
  let file: string;
  try {
    file = path.join(assets, decodeURIComponent(requested));
  } catch {
    return undefined;
  }
  return file.startsWith(assets + path.sep) ? file : undefined;
}

/**
 * The built web client (`npm run build`), with a fallback to index.html for client-side routes.
 *
 * A file in assets/ is sent compressed when the build wrote it so (`.br`, `.gz`) and the browser accepts that encoding,
 * and is cached for good; index.html is asked for again on every load, so that a new release is seen at once.
 */
export function serveClient(app: express.Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  const assets = path.join(dist, 'assets');
  app.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = assetFile(assets, req.path);
    if (!file) return next();
    res.vary('Accept-Encoding');
    const [best] = new Negotiator(req).encodings(ENCODING_NAMES, { preferred: ENCODING_NAMES });
    const encoding = ENCODINGS.find((e) => e.name === best);
    if (!encoding) return next();
    // No look beforehand (a blocking stat on every request): the copy is sent if the build wrote it, and where it did not
    // (a file under 1 kB) the file itself follows.
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(file + encoding.suffix, { headers: { 'Cache-Control': FOREVER }, cacheControl: false }, (error) => {
      if (!error || res.headersSent) return;
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next((error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : error);
    });
  });
  app.use('/assets', express.static(assets, { index: false, immutable: true, maxAge: '365d' }));
  // A chunk of an earlier release is gone: say so, rather than answer with index.html as if it were script.
  app.use('/assets', (_req, res) => void res.status(404).type('text/plain').send('Not found'));
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|export|attachments\/|oparl\/).*/, (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else res.status(503).type('text/plain').send('The web client is not built yet: run `npm run build`.');
  });
}
