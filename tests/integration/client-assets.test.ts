import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

// How the server sends the built web client: compressed copies the build wrote, chosen by what the browser accepts,
// hashed assets cached for good, index.html asked for again. A made-up build, so that this runs without `npm run build`.
let server: TestServer;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-client-'));
const script = Buffer.from(`export const words = ${JSON.stringify('yhteistyö '.repeat(400))};\n`);
const small = Buffer.from('export const x = 1;\n');

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Yhteispeli</title>');
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dist, 'assets/app-Ab12Cd34.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dist, 'assets/tiny-Ef56Gh78.js'), small);
  server = await startServer({ CLIENT_DIST: dist });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** A request as a browser sends it, with the body as the bytes sent (node:http decodes nothing). */
function get(
  pathname: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.url}${pathname}`,
      { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe("the web client's files", () => {
  it('sends the Brotli copy of an asset to a browser that accepts it, as script, cached for good', async () => {
    const r = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(r.body).equals(script)).toBe(true);
    expect(r.body.length).toBeLessThan(script.length / 5);
  });

  it('sends the gzip copy where Brotli is not accepted, or is refused with q=0', async () => {
    for (const accepted of ['gzip, deflate', 'br;q=0, gzip']) {
      const r = await get('/assets/app-Ab12Cd34.js', accepted);
      expect(r.headers['content-encoding'], accepted).toBe('gzip');
      expect(zlib.gunzipSync(r.body).equals(script), accepted).toBe(true);
    }
  });

  it('sends the file itself to a client that accepts no encoding, and where the build wrote no copy', async () => {
    const plain = await get('/assets/app-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(script)).toBe(true);
    const tiny = await get('/assets/tiny-Ef56Gh78.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.equals(small)).toBe(true);
  });

  it('answers a HEAD with the headers of the copy it would send', async () => {
    const r = await get('/assets/app-Ab12Cd34.js', 'br', 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(fs.statSync(path.join(dist, 'assets/app-Ab12Cd34.js.br')).size);
    expect(r.body.length).toBe(0);
  });

  it("says 404 for an asset that is not there (an earlier release's chunk), not index.html, and leads nowhere outside", async () => {
    for (const missing of ['/assets/gone-Zz99.js', '/assets/..%2f..%2fpackage.json', '/assets/%E0%A4%A.js']) {
      const r = await get(missing, 'br, gzip');
      expect(r.status, missing).toBe(404);
      expect(r.body.toString(), missing).not.toContain('<!doctype html>');
    }
  });

  it("answers a page's address with index.html, asked for again on every load", async () => {
    const r = await get('/needs/1234', 'br, gzip');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body.toString()).toContain('<title>Yhteispeli</title>');
  });
});
